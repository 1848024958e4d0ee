package org.wushe.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.WusheIntegrationTest;
import org.wushe.privacy.CryptoService;
import org.wushe.shared.PhoneNumber;

/** The outbox on the real database: a kind and its variables, written in the caller's transaction, encrypted. */
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
    void everyKindHasItsTextInBothLanguagesWithOnePlaceholderPerVariable() throws Exception {
        assertThat(notifications.text(MessageKind.REQUEST_CODE, List.of("012345")))
                .isEqualTo("【五社联动】您的求助验证码是012345，5分钟内有效。请勿告诉他人。");
        assertThat(notifications.text(MessageKind.VOLUNTEER_APPROVED, List.of("T1234567", "t1234567", "Pass'word{1}")))
                .contains("公益护照号T1234567", "登录用户名t1234567", "初始密码Pass'word{1}");
        Properties zh = new Properties();
        Properties en = new Properties();
        try (var z = getClass().getResourceAsStream("/messages_zh_CN.properties");
                var e = getClass().getResourceAsStream("/messages_en.properties")) {
            zh.load(new InputStreamReader(z, StandardCharsets.UTF_8));
            en.load(new InputStreamReader(e, StandardCharsets.UTF_8));
        }
        assertThat(zh.stringPropertyNames().stream()
                        .filter(k -> k.startsWith("sms."))
                        .sorted())
                .as("one text per kind, no text without a kind")
                .containsExactlyElementsOf(Arrays.stream(MessageKind.values())
                        .map(k -> "sms." + k.key())
                        .sorted()
                        .toList());
        for (MessageKind kind : MessageKind.values()) {
            for (Properties bundle : List.of(zh, en)) {
                String text = bundle.getProperty("sms." + kind.key());
                assertThat(text).as(kind.key()).isNotNull().hasSizeLessThan(200);
                for (int i = 0; i < kind.variables().size(); i++) {
                    assertThat(text).as(kind.key()).contains("{" + i + "}");
                }
                assertThat(text)
                        .as(kind.key())
                        .doesNotContain("{" + kind.variables().size() + "}");
            }
            assertThat(zh.getProperty("sms." + kind.key())).startsWith("【五社联动】");
        }
    }

    @Test
    void aMessageIsQueuedAsKindAndEncryptedVariablesInTheCallersTransactionOnly() {
        PhoneNumber phone = phone();
        long id = transactions.execute(s -> notifications.send(phone, MessageKind.REQUEST_CODE, "314159"));
        var row = jdbc.sql("select status, template_key, body_cipher, variables_cipher, recipient_cipher,"
                        + " recipient_index from notify_message where id = ?")
                .param(id)
                .query()
                .singleRow();
        assertThat(row.get("status")).isIn("PENDING", "SENDING", "SENT");
        assertThat(row.get("template_key")).isEqualTo("requests.code");
        assertThat(row.get("body_cipher")).as("no rendered body is stored").isNull();
        assertThat(new String((byte[]) row.get("recipient_cipher"), StandardCharsets.ISO_8859_1))
                .doesNotContain(phone.value());
        assertThat((byte[]) row.get("recipient_index")).isEqualTo(crypto.blindIndex("phone", phone.value()));
        assertThat(new String((byte[]) row.get("variables_cipher"), StandardCharsets.ISO_8859_1))
                .doesNotContain("314159");
        assertThat(notifications.variables((byte[]) row.get("variables_cipher")))
                .containsExactly("314159");

        PhoneNumber other = phone();
        try {
            transactions.execute(s -> {
                notifications.send(other, MessageKind.REQUEST_CODE, "271828");
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
        assertThatThrownBy(() -> notifications.send(phone, MessageKind.REQUEST_CODE, "1"))
                .as("outside a transaction the outbox would not be atomic with the work")
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(
                        () -> transactions.execute(s -> notifications.send(phone, MessageKind.VOLUNTEER_APPROVED, "x")))
                .as("a kind takes exactly its variables")
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBatchQueuesOneRowPerMessage() {
        PhoneNumber a = phone();
        PhoneNumber b = phone();
        int queued = transactions.execute(s -> notifications.sendBatch(
                MessageKind.VOLUNTEER_INVITED,
                List.of(
                        new Notifications.Sms(a, List.of("V0000001", "https://x/a")),
                        new Notifications.Sms(b, List.of("V0000002", "https://x/a")))));
        assertThat(queued).isEqualTo(2);
        byte[] cipher = jdbc.sql("select variables_cipher from notify_message where recipient_index = ?")
                .param(crypto.blindIndex("phone", b.value()))
                .query(byte[].class)
                .single();
        assertThat(notifications.variables(cipher)).containsExactly("V0000002", "https://x/a");
    }
}
