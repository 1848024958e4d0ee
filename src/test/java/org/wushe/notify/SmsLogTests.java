package org.wushe.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.WusheIntegrationTest;
import org.wushe.notify.sms.FailoverSender;
import org.wushe.notify.sms.OutboxDispatcher;
import org.wushe.notify.sms.ReceiptJob;
import org.wushe.notify.sms.SmsProperties;
import org.wushe.notify.sms.SmsProvider;
import org.wushe.notify.sms.SmsProviders;
import org.wushe.notify.sms.SmsTestSettings;
import org.wushe.notify.sms.aliyun.AliyunSms;
import org.wushe.notify.sms.tencent.TencentSms;
import org.wushe.privacy.CryptoService;
import org.wushe.shared.PhoneNumber;

/**
 * No text and no unmasked number reach the log, whichever sender is configured and whatever the provider answers:
 * success, refusals that echo the number, time-outs, and delivery reports that carry the rendered text.
 */
@WusheIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SmsLogTests {

    static final PhoneNumber PHONE = PhoneNumber.parse("13987654321");
    static final String CODE = "918273";
    static final String PASSWORD = "Zq7wPass";

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    CryptoService crypto;

    WireMockServer stub;

    @BeforeEach
    void start() {
        stub = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        stub.start();
        jdbc.sql("update notify_message set status = 'SENT' where status in ('PENDING', 'SENDING')")
                .update();
    }

    @AfterEach
    void stop() {
        stub.stop();
    }

    void queue() {
        transactions.executeWithoutResult(s -> {
            notifications.send(PHONE, MessageKind.REQUEST_CODE, CODE);
            notifications.send(PHONE, MessageKind.VOLUNTEER_APPROVED, "V7654321", "v7654321", PASSWORD);
        });
    }

    void dispatch(MessageSender sender, SmsProperties settings) {
        OutboxDispatcher dispatcher =
                new OutboxDispatcher(jdbc, transactions, crypto, sender, Clock.systemUTC(), settings);
        while (dispatcher.dispatchBatch() > 0) {
            jdbc.sql("update notify_message set next_attempt_at = null where status = 'PENDING'")
                    .update();
        }
    }

    @Test
    void inEveryProviderModeTheLogHasNeitherTextNorNumber(CapturedOutput output) {
        SmsProperties settings = SmsTestSettings.stubbed(
                stub.baseUrl(), Map.of("wushe.sms.provider", "aliyun", "wushe.sms.read-timeout", "1s"));
        queue();
        dispatch(new LoggingMessageSender(), SmsTestSettings.properties(Map.of()));

        String echo = "{\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\",\"Message\":\"" + PHONE.value() + " " + CODE + "\"}";
        stub.stubFor(post(urlPathEqualTo("/"))
                .withHeader("x-acs-action", equalTo("SendSms"))
                .willReturn(okJson(echo)));
        queue();
        dispatch(new AliyunSms(settings, Clock.systemUTC()), settings);
        stub.stubFor(post(urlPathEqualTo("/"))
                .withHeader("x-acs-action", equalTo("SendSms"))
                .willReturn(okJson("{\"Code\":\"OK\",\"BizId\":\"1^0\"}").withFixedDelay(2_500)));
        queue();
        dispatch(new AliyunSms(settings, Clock.systemUTC()), settings);
        stub.stubFor(post(urlPathEqualTo("/"))
                .withHeader("x-acs-action", equalTo("SendSms"))
                .willReturn(okJson("{\"Code\":\"OK\",\"BizId\":\"2^0\"}")));
        queue();
        AliyunSms aliyun = new AliyunSms(settings, Clock.systemUTC());
        dispatch(aliyun, settings);
        stub.stubFor(post(urlPathEqualTo("/"))
                .withHeader("x-acs-action", equalTo("QuerySendDetails"))
                .willReturn(okJson("{\"Code\":\"OK\",\"SmsSendDetailDTOs\":{\"SmsSendDetailDTO\":[{\"SendStatus\":3,"
                        + "\"ErrCode\":\"DELIVERED\",\"PhoneNum\":\"" + PHONE.value() + "\",\"Content\":\"验证码是" + CODE
                        + "\"}]}}")));
        new ReceiptJob(jdbc, transactions, crypto, new SmsProviders(List.of(aliyun)), Clock.systemUTC(), settings)
                .run();

        stub.stubFor(post(urlPathEqualTo("/"))
                .withHeader("X-TC-Action", equalTo("SendSms"))
                .willReturn(
                        okJson("{\"Response\":{\"SendStatusSet\":[{\"Code\":\"FailedOperation.PhoneNumberInBlacklist\","
                                + "\"Message\":\"" + PHONE.value() + "\",\"PhoneNumber\":\"+86" + PHONE.value()
                                + "\"}]}}")));
        queue();
        SmsProvider tencent = new TencentSms(settings, Clock.systemUTC());
        dispatch(
                new FailoverSender(List.of(tencent, aliyun), 3, java.time.Duration.ofMinutes(1), Clock.systemUTC()),
                settings);

        assertThat(jdbc.sql("select count(*) from notify_message where recipient_index = ? and status <> 'PENDING'")
                        .param(crypto.blindIndex("phone", PHONE.value()))
                        .query(Long.class)
                        .single())
                .as("every mode ran")
                .isGreaterThanOrEqualTo(10);
        assertThat(output.getAll()).contains("139****4321").doesNotContain(PHONE.value(), CODE, PASSWORD, "V7654321");
        assertThat(jdbc.sql(
                                "select string_agg(coalesce(last_error, ''), ' ') from notify_message where recipient_index = ?")
                        .param(crypto.blindIndex("phone", PHONE.value()))
                        .query(String.class)
                        .single())
                .as("nor does a stored provider message")
                .doesNotContain(PHONE.value());
    }
}
