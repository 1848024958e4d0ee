package org.wushe.notify.sms;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.notify.Notifications;
import org.wushe.notify.sms.SmsProvider.Awaiting;
import org.wushe.notify.sms.SmsProvider.Receipt;
import org.wushe.privacy.CryptoService;
import org.wushe.shared.PhoneNumber;

/**
 * Pulls delivery reports every minute and marks each SENT message DELIVERED or FAILED with the operator's code.
 * Cluster-safe like the escalation job: the run holds a transaction-level advisory lock, so a second node skips
 * it (Tencent hands out each report once; two nodes pulling would split them, harmlessly, but twice the calls).
 */
@Component
public class ReceiptJob {

    private static final Logger log = LoggerFactory.getLogger(ReceiptJob.class);
    /** Arbitrary but fixed: the advisory-lock key of this job across all nodes. */
    static final long LOCK_KEY = 0x5753_534D_5352_4350L;

    static final int PER_RUN = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CryptoService crypto;
    private final SmsProviders providers;
    private final Clock clock;
    private final SmsProperties settings;

    public ReceiptJob(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            CryptoService crypto,
            SmsProviders providers,
            Clock clock,
            SmsProperties settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.crypto = crypto;
        this.providers = providers;
        this.clock = clock;
        this.settings = settings;
    }

    @Scheduled(
            fixedDelayString = "${wushe.sms.receipt-delay:PT1M}",
            initialDelayString = "${wushe.sms.receipt-delay:PT1M}")
    void scheduled() {
        if (providers.all().isEmpty()) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("SMS receipts not pulled: {}", e.toString());
        }
    }

    /** One run; returns how many messages got their report. */
    public int run() {
        Integer updated = transactions.execute(status -> {
            if (!jdbc.sql("select pg_try_advisory_xact_lock(?)")
                    .param(LOCK_KEY)
                    .query(Boolean.class)
                    .single()) {
                return 0;
            }
            int n = 0;
            for (SmsProvider provider : providers.all()) {
                for (Receipt r : provider.receipts(awaiting(provider.name()))) {
                    n += record(provider.name(), r);
                }
            }
            return n;
        });
        return updated == null ? 0 : updated;
    }

    private List<Awaiting> awaiting(String provider) {
        return jdbc.sql("""
                select id, recipient_cipher, provider_message_id, sent_at from notify_message
                where status = 'SENT' and provider = ? and provider_message_id is not null and sent_at > ?
                order by sent_at limit ?""")
                .params(provider, Timestamp.from(clock.instant().minus(settings.receiptWindow())), PER_RUN)
                .query((rs, i) -> new Awaiting(
                        rs.getLong(1),
                        PhoneNumber.parse(crypto.decrypt(rs.getBytes(2), Notifications.TABLE, Notifications.COLUMN)),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    private int record(String provider, Receipt r) {
        return jdbc.sql("""
                update notify_message set status = ?, delivered_at = ?, error_code = ?, last_error = ?
                where provider = ? and provider_message_id = ? and status = 'SENT'
                  and (cast(? as bigint) is null or id = ?)""")
                .params(
                        r.delivered() ? "DELIVERED" : "FAILED",
                        r.delivered() ? Timestamp.from(r.at()) : null,
                        r.delivered() ? null : Backoff.clip(r.code(), 100),
                        r.delivered() ? null : "delivery report",
                        provider,
                        r.messageId(),
                        r.outboxId(),
                        r.outboxId())
                .update();
    }
}
