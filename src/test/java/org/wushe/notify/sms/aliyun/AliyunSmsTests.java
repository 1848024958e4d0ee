package org.wushe.notify.sms.aliyun;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wushe.notify.MessageKind;
import org.wushe.notify.MessageSender.OutgoingMessage;
import org.wushe.notify.MessageSender.SendFailure;
import org.wushe.notify.sms.SmsProvider.Awaiting;
import org.wushe.notify.sms.SmsProvider.Receipt;
import org.wushe.notify.sms.SmsTestSettings;
import org.wushe.shared.PhoneNumber;

/** The Aliyun adapter against a WireMock stub of dysmsapi: what it sends, and how it reads every kind of answer. */
class AliyunSmsTests {

    static WireMockServer stub;
    static final PhoneNumber PHONE = PhoneNumber.parse("13912345678");
    AliyunSms sms;

    @BeforeAll
    static void start() {
        stub = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        stub.start();
    }

    @AfterAll
    static void stop() {
        stub.stop();
    }

    @BeforeEach
    void reset() {
        stub.resetAll();
        sms = new AliyunSms(SmsTestSettings.stubbed(stub.baseUrl(), Map.of()), Clock.systemUTC());
    }

    static OutgoingMessage code(long id) {
        return new OutgoingMessage(id, "SMS", PHONE, MessageKind.REQUEST_CODE, List.of("123456"));
    }

    @Test
    void sendsTheTemplateAndItsVariablesSignedAndReturnsTheBizId() {
        stub.stubFor(post(urlPathEqualTo("/"))
                .willReturn(okJson(
                        "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"9006197469364984^0\",\"RequestId\":\"r\"}")));

        var accepted = sms.send(code(42));

        assertThat(accepted.provider()).isEqualTo("aliyun");
        assertThat(accepted.messageId()).isEqualTo("9006197469364984^0");
        stub.verify(postRequestedFor(urlPathEqualTo("/"))
                .withHeader("x-acs-action", equalTo("SendSms"))
                .withHeader("x-acs-version", equalTo("2017-05-25"))
                .withHeader(
                        "Authorization",
                        matching("ACS3-HMAC-SHA256 Credential=test-ak,SignedHeaders=host;x-acs-action;"
                                + "x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
                                + "Signature=[0-9a-f]{64}"))
                .withQueryParam("PhoneNumbers", equalTo("13912345678"))
                .withQueryParam("SignName", equalTo("五社联动"))
                .withQueryParam("TemplateCode", equalTo("SMS_1001"))
                .withQueryParam("TemplateParam", equalTo("{\"code\":\"123456\"}"))
                .withQueryParam("OutId", equalTo("42")));
    }

    @Test
    void throttlingIsTransientAndThePerNumberLimitIsLimited() {
        stub.stubFor(
                post(urlPathEqualTo("/"))
                        .willReturn(
                                okJson(
                                        "{\"Code\":\"Throttling.User\",\"Message\":\"Request was denied due to user flow control.\"}")));
        assertThatThrownBy(() -> sms.send(code(1))).isInstanceOfSatisfying(SendFailure.class, f -> {
            assertThat(f.kind()).isEqualTo(SendFailure.Kind.TRANSIENT);
            assertThat(f.code()).isEqualTo("Throttling.User");
        });
        stub.stubFor(post(urlPathEqualTo("/"))
                .willReturn(okJson("{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"触发小时级流控Permits:5\"}")));
        assertThatThrownBy(() -> sms.send(code(2)))
                .isInstanceOfSatisfying(
                        SendFailure.class, f -> assertThat(f.kind()).isEqualTo(SendFailure.Kind.LIMITED));
        stub.stubFor(
                post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(503).withBody("<html>busy</html>")));
        assertThatThrownBy(() -> sms.send(code(3))).isInstanceOfSatisfying(SendFailure.class, f -> {
            assertThat(f.kind()).isEqualTo(SendFailure.Kind.TRANSIENT);
            assertThat(f.code()).isEqualTo("HTTP_503");
        });
    }

    @Test
    void anIllegalNumberIsPermanentWithTheProvidersCode() {
        stub.stubFor(post(urlPathEqualTo("/"))
                .willReturn(okJson("{\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\",\"Message\":\"非法手机号\"}")));
        assertThatThrownBy(() -> sms.send(code(1))).isInstanceOfSatisfying(SendFailure.class, f -> {
            assertThat(f.kind()).isEqualTo(SendFailure.Kind.PERMANENT);
            assertThat(f.code()).isEqualTo("isv.MOBILE_NUMBER_ILLEGAL");
        });
    }

    @Test
    void noAnswerInTimeIsUncertainNotTransient() {
        stub.stubFor(post(urlPathEqualTo("/"))
                .willReturn(okJson("{\"Code\":\"OK\",\"BizId\":\"1^0\"}").withFixedDelay(3_000)));
        AliyunSms impatient = new AliyunSms(
                SmsTestSettings.stubbed(stub.baseUrl(), Map.of("wushe.sms.read-timeout", "1s")), Clock.systemUTC());
        assertThatThrownBy(() -> impatient.send(code(1))).isInstanceOfSatisfying(SendFailure.class, f -> {
            assertThat(f.kind()).isEqualTo(SendFailure.Kind.UNCERTAIN);
            assertThat(f.code()).isEqualTo("TIMEOUT");
        });
    }

    @Test
    void aDeliveryReportIsReadPerMessage() {
        stub.stubFor(post(urlPathEqualTo("/"))
                .withHeader("x-acs-action", equalTo("QuerySendDetails"))
                .withQueryParam("BizId", equalTo("77^0"))
                .withQueryParam("SendDate", equalTo("20261210"))
                .willReturn(okJson("""
                        {"Code":"OK","TotalCount":1,"SmsSendDetailDTOs":{"SmsSendDetailDTO":[
                          {"SendStatus":3,"ErrCode":"DELIVERED","ReceiveDate":"2026-12-10 10:00:05",
                           "OutId":"42","PhoneNum":"13912345678","Content":"【五社联动】您的求助验证码是123456"}]}}""")));
        stub.stubFor(post(urlPathEqualTo("/"))
                .withHeader("x-acs-action", equalTo("QuerySendDetails"))
                .withQueryParam("BizId", equalTo("78^0"))
                .willReturn(okJson("""
                        {"Code":"OK","SmsSendDetailDTOs":{"SmsSendDetailDTO":[
                          {"SendStatus":2,"ErrCode":"MK:0001","ReceiveDate":"2026-12-10 10:00:06","OutId":"43"}]}}""")));

        Instant sent = Instant.parse("2026-12-10T02:00:00Z");
        List<Receipt> receipts =
                sms.receipts(List.of(new Awaiting(42, PHONE, "77^0", sent), new Awaiting(43, PHONE, "78^0", sent)));

        assertThat(receipts)
                .containsExactly(
                        new Receipt("77^0", 42L, true, "DELIVERED", Instant.parse("2026-12-10T02:00:05Z")),
                        new Receipt("78^0", 43L, false, "MK:0001", Instant.parse("2026-12-10T02:00:06Z")));
    }

    @Test
    void aKindWithoutATemplateStopsTheStartWithItsVariable() {
        var settings = SmsTestSettings.stubbed(stub.baseUrl(), Map.of("wushe.sms.aliyun.templates[requests.code]", ""));
        assertThatThrownBy(() -> new AliyunSms(settings, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("requests.code (WUSHE_SMS_ALIYUN_TEMPLATE_REQUEST_CODE)");
    }
}
