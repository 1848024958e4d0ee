package org.wushe.requests.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.access.DataScope;
import org.wushe.privacy.CryptoService;
import org.wushe.requests.Category;
import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.Priority;
import org.wushe.requests.ServiceType;
import org.wushe.shared.RegionCode;

/**
 * Loads and saves the help-request aggregate (intake inserts it: {@code intake.IntakeStore}). Every load for staff
 * carries the caller's scope predicate.
 */
@Repository
class HelpRequestStore {

    static final String TABLE = "requests_help_request";

    private final JdbcClient jdbc;
    private final CryptoService crypto;

    HelpRequestStore(JdbcClient jdbc, CryptoService crypto) {
        this.jdbc = jdbc;
        this.crypto = crypto;
    }

    private static final String AGGREGATE_COLUMNS = """
            id, tracking_code, region_code, status, priority, version, organisation_id, organisation_name,
            worker_id, worker_account_id, worker_name, worker_accepted, volunteer_id, volunteer_account_id,
            volunteer_name, volunteer_accepted, first_contact_at, resolved_at, closed_at, service_types,
            person_times, confirmed_at, confirmed_by, rating""";

    /** The aggregate, only when it lies in {@code scope}. */
    Optional<HelpRequest> load(DataScope scope, long id) {
        var predicate = scope.regionPredicate("region_code");
        return jdbc.sql("select " + AGGREGATE_COLUMNS + " from requests_help_request where id = :id and "
                        + predicate.sql())
                .params(predicate.params())
                .param("id", id)
                .query(HelpRequestStore::aggregate)
                .optional();
    }

    /** The aggregate without a scope check: for the resident (by tracking code), assignees and jobs. */
    Optional<HelpRequest> loadUnscoped(long id) {
        return jdbc.sql("select " + AGGREGATE_COLUMNS + " from requests_help_request where id = ?")
                .param(id)
                .query(HelpRequestStore::aggregate)
                .optional();
    }

    Category category(long id) {
        return Category.valueOf(jdbc.sql("select category from requests_help_request where id = ?")
                .param(id)
                .query(String.class)
                .single());
    }

    Optional<Long> idByTrackingCode(String code) {
        return jdbc.sql("select id from requests_help_request where tracking_code = ?")
                .param(code)
                .query(Long.class)
                .optional();
    }

    /** Writes the changed state (optimistic lock on version) and appends the new timeline lines. */
    void save(HelpRequest r, Instant at) {
        int updated = jdbc.sql("""
                update requests_help_request set status = :status, priority = :priority,
                    organisation_id = :orgId, organisation_name = :orgName,
                    worker_id = :workerId, worker_account_id = :workerAccount, worker_name = :workerName,
                    worker_accepted = :workerAccepted, volunteer_id = :volId, volunteer_account_id = :volAccount,
                    volunteer_name = :volName, volunteer_accepted = :volAccepted,
                    first_contact_at = :firstContact, resolved_at = :resolvedAt, closed_at = :closedAt,
                    resolution_cipher = coalesce(:resolution, resolution_cipher), service_types = :serviceTypes,
                    person_times = :personTimes, confirmed_at = :confirmedAt, confirmed_by = :confirmedBy,
                    rating = :rating, version = version + 1
                where id = :id and version = :version""")
                .param("status", r.status().name())
                .param("priority", r.priority().name())
                .param("orgId", r.organisationId())
                .param("orgName", r.organisationName())
                .param("workerId", r.worker() == null ? null : r.worker().id())
                .param("workerAccount", r.worker() == null ? null : r.worker().accountId())
                .param("workerName", r.worker() == null ? null : r.worker().name())
                .param("workerAccepted", r.workerAccepted())
                .param("volId", r.volunteer() == null ? null : r.volunteer().id())
                .param(
                        "volAccount",
                        r.volunteer() == null ? null : r.volunteer().accountId())
                .param("volName", r.volunteer() == null ? null : r.volunteer().name())
                .param("volAccepted", r.volunteerAccepted())
                .param("firstContact", ts(r.firstContactAt()))
                .param("resolvedAt", ts(r.resolvedAt()))
                .param("closedAt", ts(r.closedAt()))
                .param(
                        "resolution",
                        r.resolution() == null ? null : crypto.encrypt(r.resolution(), TABLE, "resolution"))
                .param("serviceTypes", r.serviceTypes().stream().map(Enum::name).toArray(String[]::new))
                .param("personTimes", r.personTimes())
                .param("confirmedAt", ts(r.confirmedAt()))
                .param("confirmedBy", r.confirmedBy())
                .param("rating", r.rating())
                .param("id", r.id())
                .param("version", r.version())
                .update();
        if (updated != 1) {
            throw new OptimisticLockingFailureException("help request " + r.id() + " changed meanwhile");
        }
        appendEntries(r.id(), r.drainEntries(), at);
    }

    void appendEntries(long requestId, List<HelpRequest.Entry> entries, Instant at) {
        for (HelpRequest.Entry e : entries) {
            jdbc.sql("""
                    insert into requests_event (request_id, at, kind, actor, visibility, detail, note_cipher)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            requestId,
                            Timestamp.from(at),
                            e.kind().name(),
                            e.actor(),
                            e.isPublic() ? "PUBLIC" : "INTERNAL",
                            e.detail(),
                            e.note() == null ? null : crypto.encrypt(e.note(), "requests_event", "note"))
                    .update();
        }
    }

    void followUp(long requestId, String by, boolean reached, Integer satisfaction, String note, Instant at) {
        jdbc.sql("insert into requests_follow_up (request_id, at, by_user, reached, satisfaction, note_cipher)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(
                        requestId,
                        Timestamp.from(at),
                        by,
                        reached,
                        satisfaction,
                        note == null || note.isBlank() ? null : crypto.encrypt(note.strip(), "requests_event", "note"))
                .update();
    }

    String decrypt(byte[] cipher, String column) {
        return cipher == null ? null : crypto.decrypt(cipher, TABLE, column);
    }

    String decryptNote(byte[] cipher) {
        return cipher == null ? null : crypto.decrypt(cipher, "requests_event", "note");
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static HelpRequest aggregate(ResultSet rs, int n) throws SQLException {
        Long workerId = nullableLong(rs, "worker_id");
        Long volunteerId = nullableLong(rs, "volunteer_id");
        int rating = rs.getInt("rating");
        Integer stars = rs.wasNull() ? null : rating;
        List<ServiceType> types = Arrays.stream(
                        (String[]) rs.getArray("service_types").getArray())
                .map(ServiceType::valueOf)
                .toList();
        return new HelpRequest(
                        rs.getLong("id"),
                        rs.getString("tracking_code"),
                        RegionCode.parse(rs.getString("region_code")),
                        HelpRequestStatus.valueOf(rs.getString("status")),
                        Priority.valueOf(rs.getString("priority")),
                        rs.getInt("version"))
                .withAssignment(
                        nullableLong(rs, "organisation_id"),
                        rs.getString("organisation_name"),
                        workerId == null
                                ? null
                                : new HelpRequest.Assignee(
                                        workerId, nullableLong(rs, "worker_account_id"), rs.getString("worker_name")),
                        rs.getBoolean("worker_accepted"),
                        volunteerId == null
                                ? null
                                : new HelpRequest.Assignee(
                                        volunteerId,
                                        nullableLong(rs, "volunteer_account_id"),
                                        rs.getString("volunteer_name")),
                        rs.getBoolean("volunteer_accepted"))
                .withClosure(
                        instant(rs, "first_contact_at"),
                        instant(rs, "resolved_at"),
                        instant(rs, "closed_at"),
                        types,
                        rs.getInt("person_times"),
                        instant(rs, "confirmed_at"),
                        rs.getString("confirmed_by"),
                        stars);
    }
}
