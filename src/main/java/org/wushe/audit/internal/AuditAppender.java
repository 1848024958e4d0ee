package org.wushe.audit.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.shared.Activity;

/**
 * Appends every {@link Activity} to the chain. The publication is kept in the JDBC event registry until this
 * listener's transaction commits, so an activity is never lost. Appends are serialised by a transaction-scoped
 * advisory lock, taken before the id is drawn, so id order is chain order. The only statement this application
 * runs against {@code audit_entry} besides reads is the insert below.
 */
@Component
class AuditAppender {

    /** Advisory lock key of the chain's tail; any fixed number no other module uses. */
    static final long CHAIN_LOCK = 0x5755_5348_4541_5544L; // "WUSHEAUD"

    private final JdbcClient jdbc;

    AuditAppender(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    public void on(Activity activity) {
        append(activity);
    }

    @Transactional
    public long append(Activity activity) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query((rs, n) -> true).single();
        Tail tail = jdbc.sql("""
                select nextval('audit_entry_id_seq') as id, clock_timestamp() as now,
                       (select hash from audit_entry order by id desc limit 1) as prev""")
                .query((rs, n) -> new Tail(rs.getLong("id"), rs.getObject("now", OffsetDateTime.class),
                        rs.getBytes("prev")))
                .single();
        CanonicalRow row = new CanonicalRow(tail.id(), activity.occurredAt().truncatedTo(ChronoUnit.MICROS),
                tail.now().toInstant(), clean(activity.actor()), activity.action().name(),
                clean(activity.entityType()), clean(activity.entityId()),
                activity.regionCode() == null ? null : activity.regionCode().value(),
                clean(activity.clientAddress()), clean(activity.reason()),
                activity.fields().stream().map(AuditAppender::clean).toList());
        jdbc.sql("""
                insert into audit_entry (id, occurred_at, recorded_at, actor, action, entity_type, entity_id,
                                         region_code, client_address, reason, fields, prev_hash, hash)
                values (:id, :occurredAt, :recordedAt, :actor, :action, :entityType, :entityId,
                        :regionCode, :clientAddress, :reason, :fields, :prevHash, :hash)""")
                .param("id", row.id())
                .param("occurredAt", row.occurredAt().atOffset(ZoneOffset.UTC))
                .param("recordedAt", row.recordedAt().atOffset(ZoneOffset.UTC))
                .param("actor", row.actor())
                .param("action", row.action())
                .param("entityType", row.entityType())
                .param("entityId", row.entityId())
                .param("regionCode", row.regionCode())
                .param("clientAddress", row.clientAddress())
                .param("reason", row.reason())
                .param("fields", row.fields().toArray(String[]::new))
                .param("prevHash", tail.prev())
                .param("hash", row.hash(tail.prev()))
                .update();
        return row.id();
    }

    /**
     * What PostgreSQL will store for {@code value}: it cannot hold NUL, and an unpaired surrogate would be
     * encoded differently on the way in, so both become U+FFFD here and the hashed text is the stored text.
     */
    static String clean(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(value.length());
        value.codePoints()
                .map(c -> c == 0 || c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE ? 0xFFFD : c)
                .forEach(clean::appendCodePoint);
        return clean.toString();
    }

    private record Tail(long id, OffsetDateTime now, byte[] prev) {
    }
}
