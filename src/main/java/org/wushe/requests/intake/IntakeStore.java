package org.wushe.requests.intake;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.wushe.privacy.CryptoService;
import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.Priority;
import org.wushe.requests.TimelineKind;
import org.wushe.shared.PhoneNumber;

/**
 * Writes a new request (case work loads and saves it afterwards). Intake is one statement: the request, its two
 * first timeline lines and the related-request flag (same phone within {@link #RELATED_WINDOW}) in a single round
 * trip, with {@code on conflict do nothing} absorbing a repeated submission key (double tap) and the rare
 * tracking-code collision.
 */
@Repository
class IntakeStore {

    static final String TABLE = "requests_help_request";
    static final Duration RELATED_WINDOW = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final CryptoService crypto;

    IntakeStore(JdbcClient jdbc, CryptoService crypto) {
        this.jdbc = jdbc;
        this.crypto = crypto;
    }

    record Written(long id, String trackingCode, Priority priority, HelpRequestStatus status, byte[] phoneIndex) {}

    /** Inserts; empty when the tracking code or the submission key already exists (the caller tells which). */
    Optional<Long> insert(NewHelpRequest r, String trackingCode) {
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
                    select id, submitted_at, :submitted, :by, 'PUBLIC', :channel from r
                    union all select id, submitted_at, :triaged, 'system', 'PUBLIC', :priority from r)
                select id from r""")
                .param("code", trackingCode)
                .param("key", r.submissionKey())
                .param("channel", r.channel().name())
                .param("category", r.category().name())
                .param("forWhom", r.forWhom().name())
                .param("region", r.regionCode().value())
                .param("addressCipher", crypto.encrypt(r.address(), TABLE, "address"))
                .param("addressSearch", AddressSearch.searchablePart(r.address()))
                .param("phoneCipher", crypto.encrypt(r.phone().value(), TABLE, "phone"))
                .param("phoneIndex", r.phoneIndex())
                .param("description", crypto.encrypt(r.description(), TABLE, "description"))
                .param("answers", r.answersText() == null ? null : crypto.encrypt(r.answersText(), TABLE, "answers"))
                .param("urgency", r.urgency().name())
                .param("priority", r.triage().priority().name())
                .param("submitted", TimelineKind.SUBMITTED.name())
                .param("triaged", TimelineKind.TRIAGED.name())
                .param("since", Timestamp.from(r.submittedAt().minus(RELATED_WINDOW)))
                .param("firstDue", Timestamp.from(r.triage().firstContactDue()))
                .param("resolutionDue", Timestamp.from(r.triage().resolutionDue()))
                .param("at", Timestamp.from(r.submittedAt()))
                .param("by", r.createdBy())
                .query(Long.class)
                .optional();
    }

    Optional<Written> bySubmissionKey(UUID key) {
        return jdbc.sql("select id, tracking_code, priority, status, phone_index from requests_help_request"
                        + " where submission_key = ?")
                .param(key)
                .query((rs, n) -> new Written(
                        rs.getLong(1),
                        rs.getString(2),
                        Priority.valueOf(rs.getString(3)),
                        HelpRequestStatus.valueOf(rs.getString(4)),
                        rs.getBytes(5)))
                .optional();
    }

    /** Tracking codes of the requests made with this phone since {@code since}, newest first (at most ten). */
    List<String> trackingCodesOf(PhoneNumber phone, Instant since) {
        return jdbc.sql("""
                        select tracking_code from requests_help_request
                        where phone_index = :phoneIndex and submitted_at >= :since
                        order by submitted_at desc limit 10""")
                .param("phoneIndex", phoneIndex(phone.value()))
                .param("since", Timestamp.from(since))
                .query(String.class)
                .list();
    }

    byte[] phoneIndex(String phone) {
        return crypto.blindIndex("phone", phone);
    }
}
