package org.wushe.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.WusheIntegrationTest;
import org.wushe.privacy.CryptoService;
import org.wushe.shared.PhoneNumber;

/** The outbox on the real database: written in the caller's transaction, encrypted, dispatched once. */
@WusheIntegrationTest
class NotificationsTests {

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    CryptoService crypto;

    static PhoneNumber phone() {
        return PhoneNumber.parse(
                "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
    }

    @Test
    void smsTextsComeFromTheBundlesWithTheirArgumentsAsGiven() throws Exception {
        assertThat(notifications.smsText("requests.code", "012345")).isEqualTo("【五社联动】您的求助验证码是012345，5分钟内有效。请勿告诉他人。");
        assertThat(notifications.smsText("volunteer.approved", "T1234567", "t1234567", "Pass'word{1}"))
                .contains("公益护照号T1234567", "登录用户名t1234567", "初始密码Pass'word{1}");
        Properties zh = new Properties();
        Properties en = new Properties();
        try (var z = getClass().getResourceAsStream("/messages_zh_CN.properties");
                var e = getClass().getResourceAsStream("/messages_en.properties")) {
            zh.load(new InputStreamReader(z, StandardCharsets.UTF_8));
            en.load(new InputStreamReader(e, StandardCharsets.UTF_8));
        }
        List<String> zhKeys = zh.stringPropertyNames().stream()
                .filter(k -> k.startsWith("sms."))
                .sorted()
                .toList();
        assertThat(zhKeys)
                .hasSize(16)
                .isEqualTo(en.stringPropertyNames().stream()
                        .filter(k -> k.startsWith("sms."))
                        .sorted()
                        .toList());
        for (String key : zhKeys) {
            assertThat(zh.getProperty(key)).as(key).startsWith("【五社联动】").hasSizeLessThan(200);
        }
    }

    @Test
    void aMessageIsQueuedEncryptedInTheCallersTransactionOnly() {
        PhoneNumber phone = phone();
        long id = transactions.execute(s -> notifications.sendSms(phone, "test", "您好，测试消息"));
        var row = jdbc.sql(
                        "select status, template_key, body_cipher, recipient_cipher, recipient_index from notify_message"
                                + " where id = ?")
                .param(id)
                .query()
                .singleRow();
        assertThat(row.get("status")).isIn("PENDING", "SENT");
        assertThat(row.get("template_key")).isEqualTo("test");
        assertThat(new String((byte[]) row.get("recipient_cipher"), StandardCharsets.ISO_8859_1))
                .doesNotContain(phone.value());
        assertThat((byte[]) row.get("recipient_index")).isEqualTo(crypto.blindIndex("phone", phone.value()));
        assertThat(new String((byte[]) row.get("body_cipher"), StandardCharsets.UTF_8))
                .doesNotContain("测试消息");
        assertThat(crypto.decrypt((byte[]) row.get("body_cipher"), "notify_message", "body_cipher"))
                .isEqualTo("您好，测试消息");

        PhoneNumber other = phone();
        try {
            transactions.execute(s -> {
                notifications.sendSms(other, "test", "回滚");
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // the caller's work failed
        }
        assertThat(jdbc.sql("select count(*) from notify_message where recipient_index = ?")
                        .param(crypto.blindIndex("phone", other.value()))
                        .query(Long.class)
                        .single())
                .as("a rolled-back transaction sends nothing")
                .isZero();
        assertThatThrownBy(() -> notifications.sendSms(phone, "x"))
                .as("outside a transaction the outbox would not be atomic with the work")
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void twoConcurrentDispatchersSendEachMessageOnce() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            PhoneNumber phone = phone();
            ids.add(transactions.execute(s -> notifications.sendSms(phone, "test", "并发测试")));
        }
        List<Long> sent = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        MessageSender slow = message -> {
            sent.add(message.id());
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                OutboxDispatcher dispatcher = new OutboxDispatcher(jdbc, transactions, crypto, slow, Clock.systemUTC());
                runs.add(pool.submit(() -> {
                    start.await();
                    while (dispatcher.dispatchBatch() > 0) {
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
            pool.shutdown();
        }
        assertThat(sent).as("no message is sent twice").doesNotHaveDuplicates();
        assertThat(jdbc.sql(
                                "select count(*) from notify_message where id in (:ids) and status = 'SENT' and attempts = 1")
                        .param("ids", ids)
                        .query(Long.class)
                        .single())
                .isEqualTo(ids.size());
    }

    @Test
    void aFailingSenderIsRetriedThenGivesUp() {
        PhoneNumber phone = phone();
        long id = transactions.execute(s -> notifications.sendSms(phone, "test", "失败测试"));
        jdbc.sql("update notify_message set status = 'SENT' where status = 'PENDING' and id <> ?")
                .param(id)
                .update();
        OutboxDispatcher failing = new OutboxDispatcher(
                jdbc,
                transactions,
                crypto,
                message -> {
                    throw new IllegalStateException("gateway down");
                },
                Clock.systemUTC());
        for (int i = 0; i < OutboxDispatcher.MAX_ATTEMPTS; i++) {
            failing.dispatchBatch();
        }
        var row = jdbc.sql("select status, attempts from notify_message where id = ?")
                .param(id)
                .query()
                .singleRow();
        assertThat(row.get("status")).isEqualTo("FAILED");
        assertThat(row.get("attempts")).isEqualTo(OutboxDispatcher.MAX_ATTEMPTS);
    }
}
