package org.wushe.requests.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.dao.OptimisticLockingFailureException;
import org.wushe.access.DataScope;
import org.wushe.privacy.CryptoService;
import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.Priority;
import org.wushe.requests.ServiceType;

/**
 * Writes and loads the help-request aggregate. Intake is one statement: the request, its two first timeline
 * lines and the related-request flag (same phone within {@link #RELATED_WINDOW}) in a single round trip, with
 * {@code on conflict do nothing} absorbing a repeated submission key (double tap) and the rare tracking-code
 * collision. Every load for staff carries the caller's scope predicate.
 */
@Repository
public class HelpRequestStore {

    public static final String TABLE = "requests_help_request";
    public static final Duration RELATED_WINDOW = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final CryptoService crypto;

    HelpRequestStore(JdbcClient jdbc, CryptoService crypto) {
        this.jdbc = jdbc;
        this.crypto = crypto;
    }

    public record Written(long id, String trackingCode, Priority priority, HelpRequestStatus status, byte[] phoneIndex) {
    }

    /** Inserts; empty when the tracking code or the submission key already exists (the caller tells which). */
    public Optional<Long> insert(NewHelpRequest r, String trackingCode) {
        return jdbc.sql("""
                with r as (
                    insert into requests_help_request (tracking_code, submission_key, channel, category, for_whom,
                        region_code, address_cipher, address_search, phone_cipher, phone_index, description_cipher,
                        answers_cipher, urgency, priority, status, related_request_id, first_contact_due,
                        resolution_due, submitted_at, created_by)
                    values (:code, :key, :channel, :category, :forWhom, :region, :addressCipher, :addressSearch,
                        :phoneCipher, :phoneIndex, :description, :answers, :urgency, :priority, 'TRIAGED',
                        (select id from requests_help_request where phone_index = :phoneIndex and submitted_at > :since
                         order by submitted_at desc limit 1),
                        :firstDue, :resolutionDue, :at, :by)
                    on conflict do nothing
                    returning id, submitted_at),
                e as (
                    insert into requests_event (request_id, at, kind, actor, visibility, detail)
                    select id, submitted_at, 'SUBMITTED', :by, 'PUBLIC', :channel from r
                    union all select id, submitted_at, 'TRIAGED', 'system', 'PUBLIC', :priority from r)
                select id from r""")
                .param("code", trackingCode)
                .param("key", r.submissionKey())
                .param("channel", r.channel().name())
                .param("category", r.category().name())
                .param("forWhom", r.forWhom().name())
                .param("region", r.regionCode())
                .param("addressCipher", crypto.encrypt(r.address(), TABLE, "address"))
                .param("addressSearch", AddressSearch.searchablePart(r.address()))
                .param("phoneCipher", crypto.encrypt(r.phone().value(), TABLE, "phone"))
                .param("phoneIndex", r.phoneIndex())
                .param("description", crypto.encrypt(r.description(), TABLE, "description"))
                .param("answers", r.answersText() == null ? null : crypto.encrypt(r.answersText(), TABLE, "answers"))
                .param("urgency", r.urgency().name())
                .param("priority", r.triage().priority().name())
                .param("since", Timestamp.from(r.submittedAt().minus(RELATED_WINDOW)))
                .param("firstDue", Timestamp.from(r.triage().firstContactDue()))
                .param("resolutionDue", Timestamp.from(r.triage().resolutionDue()))
                .param("at", Timestamp.from(r.submittedAt()))
                .param("by", r.createdBy())
                .query(Long.class).optional();
    }

    public Optional<Written> bySubmissionKey(java.util.UUID key) {
        return jdbc.sql("select id, tracking_code, priority, status, phone_index from requests_help_request"
                        + " where submission_key = ?")
                .param(key).query((rs, n) -> new Written(rs.getLong(1), rs.getString(2),
                        Priority.valueOf(rs.getString(3)), HelpRequestStatus.valueOf(rs.getString(4)), rs.getBytes(5)))
                .optional();
    }

    private static final String AGGREGATE_COLUMNS = """
            id, tracking_code, region_code, status, priority, version, organisation_id, organisation_name,
            worker_id, worker_account_id, worker_name, worker_accepted, volunteer_id, volunteer_account_id,
            volunteer_name, volunteer_accepted, first_contact_at, resolved_at, closed_at, service_types,
            person_times, confirmed_at, confirmed_by, rating""";

    /** The aggregate, only when it lies in {@code scope}. */
    public Optional<HelpRequest> load(DataScope scope, long id) {
        var predicate = scope.regionPredicate("region_code");
        return jdbc.sql("select " + AGGREGATE_COLUMNS + " from requests_help_request where id = :id and "
                        + predicate.sql())
                .params(predicate.params()).param("id", id).query(HelpRequestStore::aggregate).optional();
    }

    /** The aggregate without a scope check: for the resident (by tracking code), assignees and jobs. */
    public Optional<HelpRequest> loadUnscoped(long id) {
        return jdbc.sql("select " + AGGREGATE_COLUMNS + " from requests_help_request where id = ?")
                .param(id).query(HelpRequestStore::aggregate).optional();
    }

    public org.wushe.requests.Category category(long id) {
        return org.wushe.requests.Category.valueOf(jdbc.sql("select category from requests_help_request where id = ?")
                .param(id).query(String.class).single());
    }

    public Optional<Long> idByTrackingCode(String code) {
        return jdbc.sql("select id from requests_help_request where tracking_code = ?").param(code)
                .query(Long.class).optional();
    }

    /** Writes the changed state (optimistic lock on version) and appends the new timeline lines. */
    public void save(HelpRequest r, Instant at) {
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
                .param("volAccount", r.volunteer() == null ? null : r.volunteer().accountId())
                .param("volName", r.volunteer() == null ? null : r.volunteer().name())
                .param("volAccepted", r.volunteerAccepted())
                .param("firstContact", ts(r.firstContactAt()))
                .param("resolvedAt", ts(r.resolvedAt()))
                .param("closedAt", ts(r.closedAt()))
                .param("resolution", r.resolution() == null ? null : crypto.encrypt(r.resolution(), TABLE, "resolution"))
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

    public void appendEntries(long requestId, List<HelpRequest.Entry> entries, Instant at) {
        for (HelpRequest.Entry e : entries) {
            jdbc.sql("""
                    insert into requests_event (request_id, at, kind, actor, visibility, detail, note_cipher)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(requestId, Timestamp.from(at), e.kind(), e.actor(), e.isPublic() ? "PUBLIC" : "INTERNAL",
                            e.detail(), e.note() == null ? null : crypto.encrypt(e.note(), "requests_event", "note"))
                    .update();
        }
    }

    public void followUp(long requestId, String by, boolean reached, Integer satisfaction, String note, Instant at) {
        jdbc.sql("insert into requests_follow_up (request_id, at, by_user, reached, satisfaction, note_cipher)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(requestId, Timestamp.from(at), by, reached, satisfaction,
                        note == null || note.isBlank() ? null : crypto.encrypt(note.strip(), "requests_event", "note"))
                .update();
    }

    public String decrypt(byte[] cipher, String column) {
        return cipher == null ? null : crypto.decrypt(cipher, TABLE, column);
    }

    public String decryptNote(byte[] cipher) {
        return cipher == null ? null : crypto.decrypt(cipher, "requests_event", "note");
    }

    public byte[] phoneIndex(String phone) {
        return crypto.blindIndex("phone", phone);
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
        List<ServiceType> types = Arrays.stream((String[]) rs.getArray("service_types").getArray())
                .map(ServiceType::valueOf).toList();
        return new HelpRequest(rs.getLong("id"), rs.getString("tracking_code"), rs.getString("region_code"),
                HelpRequestStatus.valueOf(rs.getString("status")), Priority.valueOf(rs.getString("priority")),
                rs.getInt("version"))
                .withAssignment(nullableLong(rs, "organisation_id"), rs.getString("organisation_name"),
                        workerId == null ? null : new HelpRequest.Assignee(workerId,
                                nullableLong(rs, "worker_account_id"), rs.getString("worker_name")),
                        rs.getBoolean("worker_accepted"),
                        volunteerId == null ? null : new HelpRequest.Assignee(volunteerId,
                                nullableLong(rs, "volunteer_account_id"), rs.getString("volunteer_name")),
                        rs.getBoolean("volunteer_accepted"))
                .withClosure(instant(rs, "first_contact_at"), instant(rs, "resolved_at"), instant(rs, "closed_at"),
                        types, rs.getInt("person_times"), instant(rs, "confirmed_at"), rs.getString("confirmed_by"),
                        stars);
    }
}
