package org.wushe.requests.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.access.DataScope;
import org.wushe.privacy.Masking;
import org.wushe.requests.Answers;
import org.wushe.requests.Category;
import org.wushe.requests.Channel;
import org.wushe.requests.ForWhom;
import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.Priority;
import org.wushe.requests.ServiceType;
import org.wushe.requests.TimelineKind;
import org.wushe.requests.Urgency;
import org.wushe.shared.RegionCode;

/** The detail view of one request for staff (decrypting what the page shows) and its timeline. */
@Repository
class HelpRequestReads {

    private final JdbcClient jdbc;
    private final HelpRequestStore store;
    private final ReferralStore referrals;

    HelpRequestReads(JdbcClient jdbc, HelpRequestStore store, ReferralStore referrals) {
        this.jdbc = jdbc;
        this.store = store;
        this.referrals = referrals;
    }

    /** The request when it lies in {@code scope} or is assigned to {@code accountId} (may be null). */
    Optional<HelpRequestDetails> details(DataScope scope, Long accountId, long id) {
        var predicate = scope.regionPredicate("r.region_code");
        String mine = accountId == null ? "" : " or r.worker_account_id = :me or r.volunteer_account_id = :me";
        var spec = jdbc.sql("select r.*, rel.tracking_code as related_code from requests_help_request r"
                        + " left join requests_help_request rel on rel.id = r.related_request_id"
                        + " where r.id = :id and (" + predicate.sql() + mine + ")")
                .params(predicate.params())
                .param("id", id);
        if (accountId != null) {
            spec = spec.param("me", accountId);
        }
        return spec.query((rs, n) -> details(rs)).optional();
    }

    Instant firstContactDue(long id) {
        return jdbc.sql("select first_contact_due from requests_help_request where id = ?")
                .param(id)
                .query(Timestamp.class)
                .single()
                .toInstant();
    }

    Instant resolutionDue(long id) {
        return jdbc.sql("select resolution_due from requests_help_request where id = ?")
                .param(id)
                .query(Timestamp.class)
                .single()
                .toInstant();
    }

    /** The account has opened the request (the worklist stops marking it as unseen). */
    void markSeen(long accountId, long id, Instant at) {
        jdbc.sql("insert into requests_seen (request_id, account_id, seen_at) values (?, ?, ?)"
                        + " on conflict do nothing")
                .params(id, accountId, Timestamp.from(at))
                .update();
    }

    List<TimelineLine> timeline(long requestId, boolean withNotes) {
        return jdbc.sql("select at, kind, actor, visibility, detail, note_cipher from requests_event"
                        + " where request_id = ? order by id")
                .param(requestId)
                .query((rs, n) -> new TimelineLine(
                        rs.getTimestamp("at").toInstant(),
                        TimelineKind.valueOf(rs.getString("kind")),
                        rs.getString("actor"),
                        "PUBLIC".equals(rs.getString("visibility")),
                        rs.getString("detail"),
                        withNotes ? store.decryptNote(rs.getBytes("note_cipher")) : null))
                .list();
    }

    String clearPhone(long id) {
        return store.decrypt(
                jdbc.sql("select phone_cipher from requests_help_request where id = ?")
                        .param(id)
                        .query(byte[].class)
                        .single(),
                "phone");
    }

    List<FollowUpView> followUps(long requestId) {
        return jdbc.sql("select id, at, by_user, reached, satisfaction, note_cipher from requests_follow_up"
                        + " where request_id = ? order by id")
                .param(requestId)
                .query((rs, n) -> new FollowUpView(
                        rs.getLong("id"),
                        rs.getTimestamp("at").toInstant(),
                        rs.getString("by_user"),
                        rs.getBoolean("reached"),
                        rs.getObject("satisfaction", Integer.class),
                        store.decryptNote(rs.getBytes("note_cipher"))))
                .list();
    }

    private HelpRequestDetails details(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Map<String, Boolean> answers = new LinkedHashMap<>();
        answers.putAll(Answers.parse(store.decrypt(rs.getBytes("answers_cipher"), "answers")));
        int rating = rs.getInt("rating");
        Integer stars = rs.wasNull() ? null : rating;
        return new HelpRequestDetails(
                id,
                rs.getString("tracking_code"),
                Category.valueOf(rs.getString("category")),
                Priority.valueOf(rs.getString("priority")),
                HelpRequestStatus.valueOf(rs.getString("status")),
                Channel.valueOf(rs.getString("channel")),
                ForWhom.valueOf(rs.getString("for_whom")),
                Urgency.valueOf(rs.getString("urgency")),
                RegionCode.parse(rs.getString("region_code")),
                store.decrypt(rs.getBytes("address_cipher"), "address"),
                Masking.phone(store.decrypt(rs.getBytes("phone_cipher"), "phone")),
                store.decrypt(rs.getBytes("description_cipher"), "description"),
                answers,
                instant(rs, "submitted_at"),
                instant(rs, "first_contact_due"),
                instant(rs, "resolution_due"),
                instant(rs, "first_contact_at"),
                instant(rs, "resolved_at"),
                instant(rs, "closed_at"),
                nullableLong(rs, "organisation_id"),
                rs.getString("organisation_name"),
                nullableLong(rs, "worker_id"),
                rs.getString("worker_name"),
                rs.getBoolean("worker_accepted"),
                nullableLong(rs, "volunteer_id"),
                rs.getString("volunteer_name"),
                rs.getBoolean("volunteer_accepted"),
                rs.getInt("escalation_level"),
                nullableLong(rs, "related_request_id"),
                rs.getString("related_code"),
                store.decrypt(rs.getBytes("resolution_cipher"), "resolution"),
                Arrays.stream((String[]) rs.getArray("service_types").getArray())
                        .map(ServiceType::valueOf)
                        .toList(),
                rs.getInt("person_times"),
                instant(rs, "confirmed_at"),
                rs.getString("confirmed_by"),
                stars,
                timeline(id, true),
                referrals.ofRequest(id),
                followUps(id));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
