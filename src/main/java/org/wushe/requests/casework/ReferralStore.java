package org.wushe.requests.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.requests.Category;
import org.wushe.requests.Priority;
import org.wushe.shared.RegionCode;

/** Referrals (信息传递/资源链接) and follow-up calls (回访) of a request. */
@Repository
class ReferralStore {

    private static final String SELECT = """
            select f.id, f.request_id, r.tracking_code, r.category, r.priority, r.region_code, f.organisation_id,
                f.organisation_name, f.part, f.status, f.created_at, f.updated_at
            from requests_referral f join requests_help_request r on r.id = f.request_id""";

    private final JdbcClient jdbc;

    ReferralStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Referral r, String by, Instant at) {
        return jdbc.sql("""
                insert into requests_referral (request_id, organisation_id, organisation_name, part, status,
                    created_at, created_by, updated_at)
                values (?, ?, ?, ?, 'PENDING', ?, ?, ?) returning id""")
                .params(
                        r.requestId(),
                        r.organisationId(),
                        r.organisationName(),
                        r.part(),
                        Timestamp.from(at),
                        by,
                        Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    List<ReferralView> ofRequest(long requestId) {
        return jdbc.sql(SELECT + " where f.request_id = ? order by f.id")
                .param(requestId)
                .query(ReferralStore::view)
                .list();
    }

    List<ReferralView> ofOrganisation(long organisationId, int limit) {
        return jdbc.sql(SELECT + " where f.organisation_id = ? order by (f.status in ('PENDING', 'ACCEPTED')) desc,"
                        + " f.id desc limit ?")
                .params(organisationId, limit)
                .query(ReferralStore::view)
                .list();
    }

    Optional<Referral> load(long id) {
        return jdbc.sql("""
                select id, request_id, organisation_id, organisation_name, part, status from requests_referral
                where id = ?""")
                .param(id)
                .query((rs, n) -> new Referral(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getString(4),
                        rs.getString(5),
                        ReferralStatus.valueOf(rs.getString(6))))
                .optional();
    }

    /**
     * Writes the referral's new status if it still has the status {@code from} it was moved from; false when
     * someone else moved it meanwhile.
     */
    boolean save(Referral moved, ReferralStatus from, Instant at) {
        return jdbc.sql("update requests_referral set status = ?, updated_at = ? where id = ? and status = ?")
                        .params(moved.status().name(), Timestamp.from(at), moved.id(), from.name())
                        .update()
                == 1;
    }

    int openCount(long requestId) {
        return jdbc.sql(
                        "select count(*) from requests_referral where request_id = ? and status in ('PENDING', 'ACCEPTED')")
                .param(requestId)
                .query(Integer.class)
                .single();
    }

    private static ReferralView view(ResultSet rs, int n) throws SQLException {
        return new ReferralView(
                rs.getLong("id"),
                rs.getLong("request_id"),
                rs.getString("tracking_code"),
                Category.valueOf(rs.getString("category")),
                Priority.valueOf(rs.getString("priority")),
                RegionCode.parse(rs.getString("region_code")),
                rs.getLong("organisation_id"),
                rs.getString("organisation_name"),
                rs.getString("part"),
                ReferralStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
