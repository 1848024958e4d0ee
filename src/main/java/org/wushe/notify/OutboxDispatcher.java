package org.wushe.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.notify.MessageSender.OutgoingMessage;
import org.wushe.privacy.CryptoService;
import org.wushe.shared.PhoneNumber;

/**
 * Sends the outbox. Each run locks a batch of PENDING rows with {@code FOR UPDATE SKIP LOCKED}, so two nodes (or
 * two overlapping runs) never take the same message; a message whose sender throws is retried up to
 * {@link #MAX_ATTEMPTS} times and then marked FAILED.
 */
@Component
class OutboxDispatcher {

    static final int BATCH = 20;
    static final int MAX_ATTEMPTS = 5;
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CryptoService crypto;
    private final MessageSender sender;
    private final Clock clock;

    OutboxDispatcher(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            CryptoService crypto,
            MessageSender sender,
            Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.crypto = crypto;
        this.sender = sender;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${wushe.notify.dispatch-delay:PT5S}",
            initialDelayString = "${wushe.notify.dispatch-delay:PT5S}")
    void scheduled() {
        try {
            while (dispatchBatch() == BATCH) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            log.warn("Outbox dispatch failed: {}", e.toString());
        }
    }

    /** Sends one batch in one transaction; returns how many rows it took. */
    int dispatchBatch() {
        Integer taken = transactions.execute(status -> {
            List<Row> rows = jdbc.sql("""
                    select id, channel, recipient_cipher, template_key, body_cipher, attempts from notify_message
                    where status = 'PENDING' order by id limit ? for update skip locked""")
                    .param(BATCH)
                    .query((rs, n) -> new Row(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getBytes(3),
                            rs.getString(4),
                            rs.getBytes(5),
                            rs.getInt(6)))
                    .list();
            for (Row row : rows) {
                send(row);
            }
            return rows.size();
        });
        return taken == null ? 0 : taken;
    }

    private void send(Row row) {
        try {
            PhoneNumber phone =
                    PhoneNumber.parse(crypto.decrypt(row.recipient, Notifications.TABLE, Notifications.COLUMN));
            sender.send(new OutgoingMessage(
                    row.id,
                    row.channel,
                    phone,
                    row.templateKey,
                    crypto.decrypt(row.body, Notifications.TABLE, Notifications.BODY_COLUMN)));
            jdbc.sql(
                            "update notify_message set status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null"
                                    + " where id = ?")
                    .params(Timestamp.from(clock.instant()), row.id)
                    .update();
        } catch (RuntimeException e) {
            String error = e.getClass().getSimpleName();
            jdbc.sql("update notify_message set attempts = attempts + 1, last_error = ?,"
                            + " status = case when attempts + 1 >= ? then 'FAILED' else 'PENDING' end where id = ?")
                    .params(error, MAX_ATTEMPTS, row.id)
                    .update();
            log.warn("SMS #{} not sent (attempt {}): {}", row.id, row.attempts + 1, error);
        }
    }

    private record Row(long id, String channel, byte[] recipient, String templateKey, byte[] body, int attempts) {}
}
