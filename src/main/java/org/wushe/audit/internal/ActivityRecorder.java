package org.wushe.audit.internal;

import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.shared.Activity;

/**
 * Writes every {@link Activity} to {@code audit_pending} inside the publisher's own transaction: the change
 * and its audit row commit together or not at all, and an activity that was committed is never lost. No
 * lock is shared between publishers; the {@link ChainWriter} chains the rows afterwards, in batches.
 *
 * <p>A publisher outside any transaction gets an auto-committed row. One inside a read-only transaction
 * (PostgreSQL refuses writes there) gets its row in a short transaction of its own.
 */
@Component
class ActivityRecorder {

    private final JdbcClient jdbc;
    private final ChainWriter writer;
    private final TransactionTemplate ownTransaction;

    ActivityRecorder(JdbcClient jdbc, ChainWriter writer, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.writer = writer;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @EventListener
    public void on(Activity activity) {
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            ownTransaction.executeWithoutResult(status -> insert(activity));
            writer.wake();
        } else if (TransactionSynchronizationManager.isSynchronizationActive()) {
            insert(activity);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    writer.wake();
                }
            });
        } else {
            insert(activity);
            writer.wake();
        }
    }

    private void insert(Activity a) {
        jdbc.sql("""
                insert into audit_pending (occurred_at, actor, action, entity_type, entity_id, region_code,
                                           client_address, reason, fields)
                values (:occurredAt, :actor, :action, :entityType, :entityId, :regionCode, :clientAddress,
                        :reason, :fields)""")
                .param(
                        "occurredAt",
                        a.occurredAt().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
                .param("actor", clean(a.actor()))
                .param("action", a.action().name())
                .param("entityType", clean(a.entityType()))
                .param("entityId", clean(a.entityId()))
                .param(
                        "regionCode",
                        a.regionCode() == null ? null : a.regionCode().value())
                .param("clientAddress", clean(a.clientAddress()))
                .param("reason", clean(a.reason()))
                .param(
                        "fields",
                        a.fields().stream().map(ActivityRecorder::clean).toArray(String[]::new))
                .update();
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
}
