package org.wushe.residents.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.access.DataScope;
import org.wushe.residents.register.ResidentCipher;
import org.wushe.shared.RegionCode;

/**
 * Cases in SQL. Notes are read only through {@link #notes}, whose statement itself checks that the reader is the
 * assigned worker, the supervisor, or an admin whose scope covers the case's community.
 */
@Repository
class CaseStore {

    static final String NOTES = "residents_case_note";

    private final JdbcClient jdbc;
    private final ResidentCipher cipher;

    CaseStore(JdbcClient jdbc, ResidentCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public long open(
            long residentId, RegionCode community, String title, long worker, Long supervisor, Instant at, String by) {
        long id = jdbc.sql("""
                insert into residents_case (resident_id, community_code, stage, worker_account_id,
                    supervisor_account_id, title, opened_at, opened_by) values (?, ?, 'INTAKE', ?, ?, ?, ?, ?)
                returning id""")
                .params(residentId, community.value(), worker, supervisor, title, Timestamp.from(at), by)
                .query(Long.class)
                .single();
        transition(id, null, CaseStage.INTAKE, at, by);
        return id;
    }

    public Optional<CaseFile> find(DataScope scope, long id) {
        var p = scope.regionPredicate("community_code");
        return jdbc.sql("select id, community_code, stage, worker_account_id, supervisor_account_id, version"
                        + " from residents_case where id = :id and " + p.sql())
                .params(p.params())
                .param("id", id)
                .query((rs, n) -> new CaseFile(
                        rs.getLong(1),
                        RegionCode.parse(rs.getString(2)),
                        CaseStage.valueOf(rs.getString(3)),
                        rs.getLong(4),
                        rs.getObject(5, Long.class),
                        rs.getInt(6)))
                .optional();
    }

    public void move(CaseFile from, CaseFile to, Instant at, String by) {
        int n = jdbc.sql("""
                update residents_case set stage = ?, closed_at = ?, version = version + 1 where id = ? and version = ?""")
                .params(
                        to.stage().name(),
                        to.stage() == CaseStage.CLOSED ? Timestamp.from(at) : null,
                        to.id(),
                        from.version())
                .update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("case " + to.id() + " changed meanwhile");
        }
        transition(to.id(), from.stage(), to.stage(), at, by);
    }

    private void transition(long id, CaseStage from, CaseStage to, Instant at, String by) {
        jdbc.sql(
                        "insert into residents_case_transition (case_id, from_stage, to_stage, at, by_user) values (?,?,?,?,?)")
                .params(id, from == null ? null : from.name(), to.name(), Timestamp.from(at), by)
                .update();
    }

    public void addNote(long caseId, CaseStage stage, String body, Instant at, String by) {
        jdbc.sql("insert into residents_case_note (case_id, stage, body_cipher, written_at, written_by)"
                        + " values (?, ?, ?, ?, ?)")
                .params(caseId, stage.name(), cipher.encryptText(body, NOTES, "body"), Timestamp.from(at), by)
                .update();
    }

    /** The SQL condition that the reader may see the notes, on alias {@code c}, with its parameters. */
    private static String mayReadNotes(DataScope adminScope) {
        return "(c.worker_account_id = :me or c.supervisor_account_id = :me or (:admin and "
                + adminScope.regionPredicate("c.community_code").sql() + "))";
    }

    public boolean canReadNotes(DataScope scope, long caseId, long me, boolean admin) {
        return jdbc.sql("select count(*) from residents_case c where c.id = :id and " + mayReadNotes(scope))
                        .params(scope.regionPredicate("c.community_code").params())
                        .param("id", caseId)
                        .param("me", me)
                        .param("admin", admin)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The notes, or empty when the reader may not see them (the check is part of the statement). */
    public Optional<List<CaseNote>> notes(DataScope scope, long caseId, long me, boolean admin) {
        if (!canReadNotes(scope, caseId, me, admin)) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("""
                select n.id, n.stage, n.body_cipher, n.written_at, n.written_by
                from residents_case_note n join residents_case c on c.id = n.case_id
                where c.id = :id and\s""" + mayReadNotes(scope) + " order by n.id")
                .params(scope.regionPredicate("c.community_code").params())
                .param("id", caseId)
                .param("me", me)
                .param("admin", admin)
                .query((rs, n) -> new CaseNote(
                        rs.getLong(1),
                        CaseStage.valueOf(rs.getString(2)),
                        cipher.clearText(rs.getBytes(3), NOTES, "body"),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5)))
                .list());
    }

    public CaseDetails details(long id, boolean canSeeNotes) {
        List<CaseDetails.Transition> transitions = jdbc.sql("""
                select from_stage, to_stage, at, by_user from residents_case_transition where case_id = ? order by id""")
                .param(id)
                .query((rs, n) -> new CaseDetails.Transition(
                        rs.getString(1) == null ? null : CaseStage.valueOf(rs.getString(1)),
                        CaseStage.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant(),
                        rs.getString(4)))
                .list();
        return jdbc.sql("""
                select c.*, r.name from residents_case c join residents_resident r on r.id = c.resident_id
                where c.id = ?""")
                .param(id)
                .query((rs, n) -> details(rs, transitions, canSeeNotes))
                .single();
    }

    /** Cases in scope, optionally of one resident or stage, newest first (at most 500). */
    public List<CaseDetails> list(DataScope scope, Long residentId, CaseStage stage) {
        var p = scope.regionPredicate("c.community_code");
        String sql = "select c.*, r.name from residents_case c join residents_resident r on r.id = c.resident_id"
                + " where " + p.sql() + (residentId == null ? "" : " and c.resident_id = :rid")
                + (stage == null ? "" : " and c.stage = :stage") + " order by c.id desc limit 500";
        var q = jdbc.sql(sql).params(p.params());
        if (residentId != null) {
            q = q.param("rid", residentId);
        }
        if (stage != null) {
            q = q.param("stage", stage.name());
        }
        return q.query((rs, n) -> details(rs, List.of(), false)).list();
    }

    /** A row of {@code residents_case c} joined with the resident's name ({@code select c.*, r.name}). */
    private static CaseDetails details(ResultSet rs, List<CaseDetails.Transition> transitions, boolean canSeeNotes)
            throws SQLException {
        return new CaseDetails(
                rs.getLong("id"),
                rs.getLong("resident_id"),
                rs.getString("name"),
                rs.getString("community_code"),
                rs.getString("title"),
                CaseStage.valueOf(rs.getString("stage")),
                rs.getLong("worker_account_id"),
                rs.getObject("supervisor_account_id", Long.class),
                rs.getTimestamp("opened_at").toInstant(),
                rs.getString("opened_by"),
                instant(rs, "closed_at"),
                transitions,
                canSeeNotes);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
