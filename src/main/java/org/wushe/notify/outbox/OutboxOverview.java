package org.wushe.notify.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.access.RoleGroup;
import org.wushe.access.StaffPrincipal;
import org.wushe.notify.MessageKind;
import org.wushe.notify.Notifications;
import org.wushe.platform.InvalidParameterException;
import org.wushe.privacy.CryptoService;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.PhoneNumber;

/**
 * The outbox as civil-affairs admins see it: counts by status and kind, the messages (number masked, never the
 * variables), the provider's code of each failure, and a retry of a failed message (audited). A retry puts the row
 * back to PENDING with its attempts reset; the dispatcher sends it as any other.
 */
@Service
class OutboxOverview {

    static final Set<String> STATUSES = Set.of("PENDING", "SENDING", "SENT", "DELIVERED", "FAILED");
    static final int PAGE = 50;

    private final JdbcClient jdbc;
    private final CryptoService crypto;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OutboxOverview(
            JdbcClient jdbc,
            CryptoService crypto,
            CurrentUser currentUser,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.crypto = crypto;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    record Count(String kind, String status, long count) {}

    record Message(
            long id,
            String kind,
            String status,
            String phone,
            int attempts,
            String provider,
            String errorCode,
            String error,
            Instant createdAt,
            Instant sentAt,
            Instant deliveredAt) {}

    @PreAuthorize(RoleGroup.Guard.CIVIL_AFFAIRS)
    @Transactional(readOnly = true)
    public List<Count> counts() {
        return jdbc.sql("select template_key, status, count(*) from notify_message group by 1, 2 order by 1, 2")
                .query((rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** Newest first, older than {@code before} when given; {@code status} and {@code kind} filter when not null. */
    @PreAuthorize(RoleGroup.Guard.CIVIL_AFFAIRS)
    @Transactional(readOnly = true)
    /** A kind as filtered by: one Wushe sends, else the parameter is refused (400) — a list is never guessed. */
    private static String known(String kind) {
        try {
            return MessageKind.ofKey(kind).key();
        } catch (IllegalArgumentException e) {
            throw InvalidParameterException.invalid("kind");
        }
    }

    public List<Message> messages(String status, String kind, Long before) {
        String s = status != null && STATUSES.contains(status) ? status : null;
        String k = kind == null || kind.isBlank() ? null : known(kind);
        return jdbc.sql("""
                select id, template_key, status, recipient_cipher, attempts, provider, error_code, last_error,
                       created_at, sent_at, delivered_at
                from notify_message
                where (cast(:status as text) is null or status = :status)
                  and (cast(:kind as text) is null or template_key = :kind) and id < :before
                order by id desc limit :page""")
                .param("status", s)
                .param("kind", k)
                .param("before", before == null ? Long.MAX_VALUE : before)
                .param("page", PAGE)
                .query((rs, n) -> new Message(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        PhoneNumber.parse(crypto.decrypt(rs.getBytes(4), Notifications.TABLE, Notifications.COLUMN))
                                .masked(),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        instant(rs.getTimestamp(9)),
                        instant(rs.getTimestamp(10)),
                        instant(rs.getTimestamp(11))))
                .list();
    }

    /** Puts a FAILED message back in the queue; false when it is not (or no longer) failed. */
    @PreAuthorize(RoleGroup.Guard.CIVIL_AFFAIRS)
    @Transactional
    public boolean retry(long id) {
        if (jdbc.sql("select count(*) from notify_message where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                == 0) {
            throw new OutboxMessageNotFoundException(id);
        }
        boolean retried = jdbc.sql("""
                        update notify_message set status = 'PENDING', attempts = 0, next_attempt_at = null,
                               claimed_at = null where id = ? and status = 'FAILED'""").param(id).update() == 1;
        if (retried) {
            events.publishEvent(new Activity(
                    clock.instant(),
                    currentUser.principal().map(StaffPrincipal::username).orElse("system"),
                    AuditAction.UPDATE,
                    "sms_message",
                    Long.toString(id),
                    null,
                    currentUser.clientAddress().orElse(null),
                    "retry",
                    List.of("status:PENDING")));
        }
        return retried;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
