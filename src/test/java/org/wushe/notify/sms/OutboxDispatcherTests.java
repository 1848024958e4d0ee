package org.wushe.notify.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.WusheIntegrationTest;
import org.wushe.notify.MessageKind;
import org.wushe.notify.MessageSender;
import org.wushe.notify.MessageSender.SendFailure;
import org.wushe.notify.Notifications;
import org.wushe.privacy.CryptoService;
import org.wushe.shared.PhoneNumber;

/** The dispatcher on the real database: once per row, retries with backoff, codes kept, claims expired, receipts. */
@WusheIntegrationTest
class OutboxDispatcherTests {

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    CryptoService crypto;

    static final SmsProperties SETTINGS = SmsTestSettings.properties(
            Map.of("wushe.sms.provider", "aliyun", "wushe.sms.concurrency", "4", "wushe.sms.rate-per-second", "0"));

    static PhoneNumber phone() {
        return PhoneNumber.parse(
                "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
    }

    @BeforeEach
    void onlyThisTestsMessagesArePending() {
        jdbc.sql("update notify_message set status = 'SENT' where status in ('PENDING', 'SENDING')")
                .update();
    }

    long queue(MessageKind kind) {
        PhoneNumber phone = phone();
        List<String> values = kind.variables().stream().map(v -> "v").toList();
        return transactions.execute(s -> notifications.send(phone, kind, values.toArray(String[]::new)));
    }

    OutboxDispatcher dispatcher(MessageSender sender) {
        return new OutboxDispatcher(jdbc, transactions, crypto, sender, Clock.systemUTC(), SETTINGS);
    }

    Map<String, Object> row(long id) {
        return jdbc.sql("select status, attempts, error_code, provider, provider_message_id, next_attempt_at"
                        + " from notify_message where id = ?")
                .param(id)
                .query()
                .singleRow();
    }

    @Test
    void twoConcurrentDispatchersSendEachMessageOnce() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(queue(MessageKind.REQUEST_SUBMITTED));
        }
        List<Long> sent = Collections.synchronizedList(new ArrayList<>());
        MessageSender slow = message -> {
            sent.add(message.id());
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new MessageSender.Accepted("aliyun", "biz-" + message.id());
        };
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                OutboxDispatcher node = dispatcher(slow);
                runs.add(nodes.submit(() -> {
                    start.await();
                    while (node.dispatchBatch() > 0) {
                        // until the outbox is empty
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            nodes.shutdown();
        }
        assertThat(sent).as("no message is sent twice").doesNotHaveDuplicates().containsAll(ids);
        assertThat(jdbc.sql("select count(*) from notify_message where id in (:ids) and status = 'SENT'"
                                + " and attempts = 1 and provider_message_id = 'biz-' || id")
                        .param("ids", ids)
                        .query(Long.class)
                        .single())
                .isEqualTo(ids.size());
    }

    @Test
    void aTransientFailureWaitsWithBackoffThenGivesUpAtTheLimit() {
        long id = queue(MessageKind.REQUEST_SUBMITTED);
        OutboxDispatcher failing = dispatcher(message -> {
            throw new SendFailure("aliyun", "Throttling.User", SendFailure.Kind.TRANSIENT, "flow control");
        });
        assertThat(failing.dispatchBatch()).isEqualTo(1);
        var after = row(id);
        assertThat(after.get("status")).isEqualTo("PENDING");
        assertThat(after.get("error_code")).isEqualTo("Throttling.User");
        assertThat(((Timestamp) after.get("next_attempt_at")).toInstant()).isAfter(Instant.now());
        assertThat(failing.dispatchBatch())
                .as("not due before its backoff ends")
                .isZero();

        for (int attempt = 2; attempt <= SETTINGS.maxAttempts(); attempt++) {
            jdbc.sql("update notify_message set next_attempt_at = null where id = ?")
                    .param(id)
                    .update();
            failing.dispatchBatch();
        }
        assertThat(row(id)).containsEntry("status", "FAILED").containsEntry("attempts", SETTINGS.maxAttempts());
    }

    @Test
    void permanentAndUncertainFailuresAreNotRetriedAndKeepTheCode() {
        long bad = queue(MessageKind.REQUEST_SUBMITTED);
        dispatcher(message -> {
                    throw new SendFailure(
                            "tencent", "InvalidParameterValue.IncorrectPhoneNumber", SendFailure.Kind.PERMANENT, null);
                })
                .dispatchBatch();
        assertThat(row(bad))
                .containsEntry("status", "FAILED")
                .containsEntry("error_code", "InvalidParameterValue.IncorrectPhoneNumber")
                .containsEntry("provider", "tencent");

        long lost = queue(MessageKind.REQUEST_SUBMITTED);
        dispatcher(message -> {
                    throw new SendFailure("aliyun", "TIMEOUT", SendFailure.Kind.UNCERTAIN, null);
                })
                .dispatchBatch();
        assertThat(row(lost)).containsEntry("status", "FAILED").containsEntry("error_code", "TIMEOUT");
    }

    @Test
    void aPerNumberLimitDefersAStatusMessageButFailsAVerificationCode() {
        long status = queue(MessageKind.REQUEST_RESOLVED);
        long code = queue(MessageKind.REQUEST_CODE);
        dispatcher(message -> {
                    throw new SendFailure("aliyun", "isv.BUSINESS_LIMIT_CONTROL", SendFailure.Kind.LIMITED, null);
                })
                .dispatchBatch();
        assertThat(row(status)).containsEntry("status", "PENDING");
        assertThat(((Timestamp) row(status).get("next_attempt_at")).toInstant())
                .isAfter(Instant.now().plus(Duration.ofMinutes(59)));
        assertThat(row(code))
                .containsEntry("status", "FAILED")
                .containsEntry("error_code", "isv.BUSINESS_LIMIT_CONTROL");
    }

    @Test
    void aClaimLeftByADeadNodeIsClosedNotResent() {
        long id = queue(MessageKind.REQUEST_SUBMITTED);
        jdbc.sql("update notify_message set status = 'SENDING', claimed_at = ? where id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofHours(1))), id)
                .update();
        List<Long> sent = new ArrayList<>();
        OutboxDispatcher node = dispatcher(message -> {
            sent.add(message.id());
            return new MessageSender.Accepted("aliyun", "x");
        });
        assertThat(node.expireClaims()).isEqualTo(1);
        node.dispatchBatch();
        assertThat(sent).doesNotContain(id);
        assertThat(row(id)).containsEntry("status", "FAILED").containsEntry("error_code", "CLAIM_EXPIRED");
    }

    @Test
    void deliveryReportsMarkMessagesDeliveredOrFailed() {
        long delivered = queue(MessageKind.REQUEST_SUBMITTED);
        long bounced = queue(MessageKind.REQUEST_SUBMITTED);
        dispatcher(message -> new MessageSender.Accepted("aliyun", "biz-" + message.id()))
                .dispatchBatch();
        SmsProvider reporting = new FailoverSenderTests.Fake("aliyun") {
            @Override
            public List<Receipt> receipts(List<Awaiting> awaiting) {
                assertThat(awaiting).extracting(Awaiting::outboxId).contains(delivered, bounced);
                return List.of(
                        new Receipt("biz-" + delivered, delivered, true, "DELIVERED", Instant.now()),
                        new Receipt("biz-" + bounced, null, false, "MK:0001", Instant.now()));
            }
        };
        new ReceiptJob(jdbc, transactions, crypto, new SmsProviders(List.of(reporting)), Clock.systemUTC(), SETTINGS)
                .run();
        assertThat(row(delivered)).containsEntry("status", "DELIVERED");
        assertThat(row(bounced)).containsEntry("status", "FAILED").containsEntry("error_code", "MK:0001");
    }
}
