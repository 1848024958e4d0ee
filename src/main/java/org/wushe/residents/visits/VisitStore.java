package org.wushe.residents.visits;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.access.DataScope;
import org.wushe.residents.RiskLevel;
import org.wushe.residents.register.ResidentCipher;
import org.wushe.shared.RegionCode;

/** Visits in SQL, and the overdue list computed from {@link VisitPlan}, scoped by community. */
@Repository
class VisitStore {

    static final String TABLE = "residents_visit";

    private final JdbcClient jdbc;
    private final ResidentCipher cipher;

    VisitStore(JdbcClient jdbc, ResidentCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public long insert(
            long residentId, RegionCode community, VisitKind kind, Instant at, String by, String notes, Instant now) {
        long id = jdbc.sql("""
                insert into residents_visit (resident_id, community_code, kind, visited_at, visited_by, notes_cipher,
                    created_at) values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(
                        residentId,
                        community.value(),
                        kind.name(),
                        Timestamp.from(at),
                        by,
                        cipher.encryptText(notes, TABLE, "notes"),
                        Timestamp.from(now))
                .query(Long.class)
                .single();
        jdbc.sql("""
                update residents_resident set last_visit_at = greatest(last_visit_at, :at),
                    last_home_visit_at = case when :home then greatest(last_home_visit_at, :at) else last_home_visit_at end
                where id = :id""")
                .param("at", Timestamp.from(at))
                .param("home", kind == VisitKind.HOME)
                .param("id", residentId)
                .update();
        return id;
    }

    public List<VisitDetails> history(long residentId) {
        return jdbc.sql(
                        "select * from residents_visit where resident_id = ? order by visited_at desc, id desc limit 200")
                .param(residentId)
                .query((rs, n) -> new VisitDetails(
                        rs.getLong("id"),
                        rs.getLong("resident_id"),
                        VisitKind.valueOf(rs.getString("kind")),
                        rs.getTimestamp("visited_at").toInstant(),
                        rs.getString("visited_by"),
                        cipher.clearText(rs.getBytes("notes_cipher"), TABLE, "notes")))
                .list();
    }

    private static final String DUE = """
            select r.id, r.name, r.community_code, r.risk_level, r.last_visit_at,
                coalesce(r.last_visit_at, r.created_at) + %s * interval '1 day' as contact_due,
                case when r.risk_level = 'HIGH' then coalesce(r.last_home_visit_at, r.created_at)
                    + %d * interval '1 day' end as home_due
            from residents_resident r where r.voided_at is null and %s""";

    private String due(DataScope scope) {
        var p = scope.regionPredicate("r.community_code");
        return DUE.formatted(VisitPlan.contactDaysSql("r.risk_level"), VisitPlan.HIGH_HOME_DAYS, p.sql());
    }

    public long countOverdue(DataScope scope, Instant now) {
        return jdbc.sql("select count(*) from (" + due(scope) + ") d where d.contact_due < :now or d.home_due < :now")
                .params(scope.regionPredicate("r.community_code").params())
                .param("now", Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    public List<OverdueVisit> overdue(DataScope scope, Instant now, long offset, int limit) {
        return jdbc.sql("select * from (" + due(scope) + ") d where d.contact_due < :now or d.home_due < :now"
                        + " order by least(d.contact_due, coalesce(d.home_due, d.contact_due)), d.id"
                        + " offset :offset limit :limit")
                .params(scope.regionPredicate("r.community_code").params())
                .param("now", Timestamp.from(now))
                .param("offset", offset)
                .param("limit", limit)
                .query((rs, n) -> {
                    Instant contact = rs.getTimestamp("contact_due").toInstant();
                    Instant home = instant(rs, "home_due");
                    return new OverdueVisit(
                            rs.getLong("id"),
                            rs.getString("name"),
                            rs.getString("community_code"),
                            risk(rs.getString("risk_level")),
                            instant(rs, "last_visit_at"),
                            contact,
                            home,
                            contact.isBefore(now),
                            home != null && home.isBefore(now));
                })
                .list();
    }

    private static RiskLevel risk(String s) {
        return s == null ? null : RiskLevel.valueOf(s);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
