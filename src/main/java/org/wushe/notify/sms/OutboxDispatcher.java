package org.wushe.notify.sms;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.notify.MessageKind;
import org.wushe.notify.MessageSender;
import org.wushe.notify.MessageSender.OutgoingMessage;
import org.wushe.notify.MessageSender.SendFailure;
import org.wushe.notify.Notifications;
import org.wushe.privacy.CryptoService;
import org.wushe.shared.PhoneNumber;

/**
 * Sends the outbox, at most once per row across restarts and nodes: a short transaction claims a batch of due
 * PENDING rows with {@code FOR UPDATE SKIP LOCKED} and marks them SENDING (the row id is the idempotency key, passed
 * to the provider); only then are they sent, {@code concurrency} at a time and no faster than {@code ratePerSecond},
 * and each outcome is written back. A row left SENDING by a node that died mid-send is closed by
 * {@link #expireClaims}, never sent again blindly. Transient failures wait {@link Backoff}; permanent ones keep the
 * provider's code.
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CryptoService crypto;
    private final MessageSender sender;
    private final Clock clock;
    private final SmsProperties settings;
    private final int batch;
    private final SendRate rate;
    private final ExecutorService pool;

    public OutboxDispatcher(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            CryptoService crypto,
            MessageSender sender,
            Clock clock,
            SmsProperties settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.crypto = crypto;
        this.sender = sender;
        this.clock = clock;
        this.settings = settings;
        this.batch = Math.max(20, settings.concurrency() * 4);
        this.rate = new SendRate(settings.ratePerSecond());
        this.pool = Executors.newFixedThreadPool(Math.max(1, settings.concurrency()), r -> {
            Thread t = new Thread(r, "sms-sender");
            t.setDaemon(true);
            return t;
        });
    }

    @Scheduled(
            fixedDelayString = "${wushe.notify.dispatch-delay:PT5S}",
            initialDelayString = "${wushe.notify.dispatch-delay:PT5S}")
    void scheduled() {
        try {
            expireClaims();
            while (dispatchBatch() == batch) {
                // a full batch: there may be more
            }
        } catch (RuntimeException e) {
            log.warn("Outbox dispatch failed: {}", e.toString());
        }
    }

    /** Claims one batch, sends it and records every outcome; returns how many rows it took. */
    public int dispatchBatch() {
        List<Row> rows = transactions.execute(status -> claim());
        if (rows == null || rows.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<Void>> sends = new ArrayList<>(rows.size());
        for (Row row : rows) {
            sends.add(CompletableFuture.runAsync(() -> send(row), pool));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        return rows.size();
    }

    private List<Row> claim() {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                update notify_message m set status = 'SENDING', claimed_at = :now, attempts = m.attempts + 1
                from (select id from notify_message
                      where status = 'PENDING' and coalesce(next_attempt_at, created_at) <= :now
                      order by coalesce(next_attempt_at, created_at), id limit :batch for update skip locked) due
                where m.id = due.id
                returning m.id, m.channel, m.recipient_cipher, m.recipient_index, m.template_key, m.variables_cipher,
                          m.attempts""")
                .param("now", now)
                .param("batch", batch)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getBytes(3),
                        rs.getBytes(4),
                        rs.getString(5),
                        rs.getBytes(6),
                        rs.getInt(7)))
                .list();
    }

    private void send(Row row) {
        MessageKind kind = MessageKind.ofKey(row.kind);
        try {
            if (overPhoneLimit(row)) {
                throw new SendFailure("wushe", "PHONE_LIMIT", SendFailure.Kind.LIMITED, "per-phone limit reached");
            }
            PhoneNumber phone =
                    PhoneNumber.parse(crypto.decrypt(row.recipient, Notifications.TABLE, Notifications.COLUMN));
            List<String> variables = Notifications.split(
                    crypto.decrypt(row.variables, Notifications.TABLE, Notifications.VARIABLES_COLUMN));
            rate.acquire();
            MessageSender.Accepted accepted =
                    sender.send(new OutgoingMessage(row.id, row.channel, phone, kind, variables));
            jdbc.sql("""
                    update notify_message set status = 'SENT', sent_at = ?, provider = ?, provider_message_id = ?,
                           last_error = null, error_code = null where id = ? and status = 'SENDING'""")
                    .params(Timestamp.from(clock.instant()), accepted.provider(), accepted.messageId(), row.id)
                    .update();
        } catch (SendFailure f) {
            failed(row, kind, f);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(row, kind, new SendFailure("wushe", "INTERRUPTED", SendFailure.Kind.TRANSIENT, null));
        } catch (RuntimeException e) {
            failed(row, kind, new SendFailure("wushe", e.getClass().getSimpleName(), SendFailure.Kind.TRANSIENT, null));
        }
    }

    /**
     * Over the per-phone hourly or daily cap, counted over every node's sends (the rows' sent_at). The caps mirror
     * the providers', so the log sender (development, demo, tests) has none.
     */
    private boolean overPhoneLimit(Row row) {
        if (SmsProperties.LOG.equals(settings.provider())) {
            return false;
        }
        Instant now = clock.instant();
        var counts = jdbc.sql("""
                select count(*) filter (where sent_at > ?), count(*) from notify_message
                where recipient_index = ? and sent_at > ?""")
                .params(
                        Timestamp.from(now.minus(Duration.ofHours(1))),
                        row.phoneIndex,
                        Timestamp.from(now.minus(Duration.ofDays(1))))
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        return counts[0] >= settings.perPhonePerHour() || counts[1] >= settings.perPhonePerDay();
    }

    private void failed(Row row, MessageKind kind, SendFailure f) {
        Instant now = clock.instant();
        String reason = Backoff.clean(f.getMessage());
        boolean retry = switch (f.kind()) {
            case TRANSIENT -> row.attempts < settings.maxAttempts();
            // a code is worthless an hour later; anything else waits for the limit's window
            case LIMITED -> !kind.verificationCode() && row.attempts < settings.maxAttempts();
            case PERMANENT, UNCERTAIN -> false;
        };
        Instant next = f.kind() == SendFailure.Kind.LIMITED
                ? now.plus(Duration.ofHours(1))
                : now.plus(Backoff.delay(
                        row.attempts, settings.backoffBase(), settings.backoffMax(), ThreadLocalRandom.current()));
        jdbc.sql("""
                update notify_message set status = ?, next_attempt_at = ?, error_code = ?, last_error = ?,
                       provider = coalesce(?, provider), claimed_at = null
                where id = ? and status = 'SENDING'""")
                .params(
                        retry ? "PENDING" : "FAILED",
                        retry ? Timestamp.from(next) : null,
                        Backoff.clip(f.code(), 100),
                        reason,
                        "wushe".equals(f.provider()) || "failover".equals(f.provider()) ? null : f.provider(),
                        row.id)
                .update();
        log.warn(
                "SMS #{} ({}) not sent, attempt {}: {} {}{}",
                row.id,
                kind.key(),
                row.attempts,
                f.kind(),
                f.code(),
                retry ? ", will retry" : "");
    }

    /** Closes rows claimed longer than {@code claimTimeout} ago: their node died mid-send; it may have gone out. */
    public int expireClaims() {
        return jdbc.sql("""
                update notify_message set status = 'FAILED', error_code = 'CLAIM_EXPIRED',
                       last_error = 'the sending node stopped; not re-sent automatically', claimed_at = null
                where status = 'SENDING' and claimed_at < ?""")
                .param(Timestamp.from(clock.instant().minus(settings.claimTimeout())))
                .update();
    }

    private record Row(
            long id,
            String channel,
            byte[] recipient,
            byte[] phoneIndex,
            String kind,
            byte[] variables,
            int attempts) {}
}
