package org.wushe.requests.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.wushe.requests.RequestTestData.TIANPING;
import static org.wushe.requests.RequestTestData.address;
import static org.wushe.requests.RequestTestData.code;
import static org.wushe.requests.RequestTestData.dialysis;
import static org.wushe.requests.RequestTestData.from;
import static org.wushe.requests.RequestTestData.json;
import static org.wushe.requests.RequestTestData.phone;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.privacy.CryptoService;
import org.wushe.requests.RequestTestData;

/** The public JSON intake: code, submit, double submit, field errors, rate limits, status by code. */
@WusheIntegrationTest
class PublicIntakeApiTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CryptoService crypto;

    String sendCode(String phone, String address) {
        assertThat(mvc.post()
                        .uri("/api/v1/public/verification-codes")
                        .with(from(address))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\":\"" + phone + "\"}"))
                .hasStatus(HttpStatus.ACCEPTED)
                .bodyJson()
                .extractingPath("$.expiresInSeconds")
                .isEqualTo(300);
        return code(jdbc, crypto, phone);
    }

    long count() {
        return jdbc.sql("select count(*) from requests_help_request")
                .query(Long.class)
                .single();
    }

    @Test
    void aDialysisDueWithin24HoursIsP1AndADoubleSubmitIsOneRequest() throws Exception {
        String phone = phone();
        String ip = address();
        Intake intake = dialysis(phone, sendCode(phone, ip), TIANPING);
        var first = mvc.post()
                .uri("/api/v1/public/help-requests")
                .with(from(ip))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(intake))
                .exchange();
        assertThat(first)
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.priority")
                .isEqualTo("P1");
        assertThat(first).bodyJson().extractingPath("$.status").isEqualTo("TRIAGED");
        String code = JsonPath.read(first.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.trackingCode");
        assertThat(code).matches("[2-9A-HJ-NP-Z]{8}");
        long before = count();
        var again = mvc.post()
                .uri("/api/v1/public/help-requests")
                .with(from(ip))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(intake))
                .exchange();
        assertThat(again)
                .hasStatus(HttpStatus.OK)
                .bodyJson()
                .extractingPath("$.trackingCode")
                .isEqualTo(code);
        assertThat(count()).isEqualTo(before);
        assertThat(RequestTestData.lastSms(jdbc, crypto, phone)).contains("已收到").doesNotContain("透析");

        var status = mvc.get()
                .uri("/api/v1/public/help-requests/" + code)
                .with(from(ip))
                .exchange();
        assertThat(status).hasStatusOk().bodyJson().extractingPath("$.priority").isEqualTo("P1");
        assertThat(status).bodyJson().extractingPath("$.timeline[0].kind").isEqualTo("SUBMITTED");
        assertThat(status.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain(phone)
                .doesNotContain("502室")
                .doesNotContain("透析");
        // stored encrypted: neither the phone nor the description is in clear text
        assertThat(jdbc.sql(
                                "select count(*) from requests_help_request where position(convert_to('透析', 'UTF8') in description_cipher) > 0"
                                        + " or position(convert_to('502', 'UTF8') in address_cipher) > 0 or address_search like '%502%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theSamePhoneSubmitsAgainWithinThirtyMinutesWithTheSameCodeAndIsFlaggedRelated() {
        String phone = phone();
        String ip = address();
        String code = sendCode(phone, ip);
        mvc.post()
                .uri("/api/v1/public/help-requests")
                .with(from(ip))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(dialysis(phone, code, TIANPING)))
                .exchange();
        Intake forMother = new Intake(
                "FOOD_SUPPLIES",
                "母亲家中已经没有米和菜了",
                "FAMILY",
                TIANPING,
                "建国西路100弄5号201室",
                phone,
                code,
                "NORMAL",
                Map.of("noFoodLeft", true),
                UUID.randomUUID().toString());
        assertThat(mvc.post()
                        .uri("/api/v1/public/help-requests")
                        .with(from(ip))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(forMother)))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.priority")
                .isEqualTo("P2");
        assertThat(jdbc.sql("select related_request_id is not null from requests_help_request where phone_index = ?"
                                + " order by id desc limit 1")
                        .param(crypto.blindIndex("phone", phone))
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void badInputNamesEveryFieldAndStoresNothing() {
        long before = count();
        var answer = mvc.post()
                .uri("/api/v1/public/help-requests")
                .with(from(address()))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        "{\"category\":\"HAIRCUT\",\"description\":\"x\",\"communityCode\":\"999999\",\"phone\":\"12\","
                                + "\"urgency\":\"VERY_URGENT\",\"forWhom\":\"SELF\",\"address\":\"\"}")
                .exchange();
        assertThat(answer).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer).bodyJson().extractingPath("$.errors.category").isEqualTo("请选择需要什么帮助。");
        assertThat(answer)
                .bodyJson()
                .extractingPath("$.errors")
                .asMap()
                .containsKeys("category", "description", "communityCode", "address", "phone", "code");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aWrongCodeIsRefusedAndNothingIsStored() {
        String phone = phone();
        String ip = address();
        String right = sendCode(phone, ip);
        String wrong = right.equals("000000") ? "111111" : "000000";
        long before = count();
        assertThat(mvc.post()
                        .uri("/api/v1/public/help-requests")
                        .with(from(ip))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json(dialysis(phone, wrong, TIANPING))))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.errors.code")
                .isEqualTo("验证码不正确。");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void codesAreRateLimitedPerPhoneWith429AndRetryAfter() {
        String phone = phone();
        for (int i = 0; i < HelpRequests.CODES_PER_PHONE_PER_HOUR; i++) {
            sendCode(phone, address());
        }
        var refused = mvc.post()
                .uri("/api/v1/public/verification-codes")
                .with(from(address()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\":\"" + phone + "\"}")
                .exchange();
        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS).headers().containsHeader("Retry-After");
    }

    @Test
    void submissionsAreRateLimitedPerClientAddress() {
        String ip = address();
        for (int i = 0; i < HelpRequests.SUBMITS_PER_ADDRESS_PER_HOUR; i++) {
            mvc.post()
                    .uri("/api/v1/public/help-requests")
                    .with(from(ip))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{}")
                    .exchange();
        }
        assertThat(mvc.post()
                        .uri("/api/v1/public/help-requests")
                        .with(from(ip))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS)
                .headers()
                .containsHeader("Retry-After");
    }

    @Test
    void anUnknownCodeIsANeutralNotFound() {
        assertThat(mvc.get().uri("/api/v1/public/help-requests/ZZZZ2222").with(from(address())))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/help/status/ZZZZ2222").with(from(address())))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyText()
                .contains("没有找到这个编号")
                .doesNotContain("ZZZZ2222");
    }

    @Test
    void aResidentWhoLostTheCodeGetsTheCodesOfTheLast30DaysBySmsAndNobodyLearnsWhetherAnyExist() throws Exception {
        String phone = phone();
        String ip = address();
        var created = mvc.post()
                .uri("/api/v1/public/help-requests")
                .with(from(ip))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json(dialysis(phone, sendCode(phone, ip), TIANPING)))
                .exchange();
        String code = JsonPath.read(created.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.trackingCode");

        var answer = mvc.post()
                .uri("/help/track/lost")
                .with(from(ip))
                .with(csrf())
                .param("phone", phone)
                .exchange();
        assertThat(answer).hasStatusOk().bodyText().contains("id=\"lost-sent\"").doesNotContain(code);
        assertThat(RequestTestData.lastSms(jdbc, crypto, phone)).contains("近30天的求助编号", code);

        String stranger = phone();
        var neutral = mvc.post()
                .uri("/help/track/lost")
                .with(from(ip))
                .with(csrf())
                .param("phone", stranger)
                .exchange();
        assertThat(neutral).hasStatusOk().bodyText().contains("id=\"lost-sent\"");
        assertThat(jdbc.sql("select count(*) from notify_message where recipient_index = ?")
                        .param(crypto.blindIndex("phone", stranger))
                        .query(Long.class)
                        .single())
                .as("nothing is sent to a phone without requests")
                .isZero();

        assertThat(mvc.post()
                        .uri("/help/track/lost")
                        .with(from(ip))
                        .with(csrf())
                        .param("phone", "abc"))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"lost-phone-error\"")
                .doesNotContain("id=\"lost-sent\"");
        for (int i = 0; i < 2; i++) {
            mvc.post()
                    .uri("/help/track/lost")
                    .with(from(ip))
                    .with(csrf())
                    .param("phone", phone)
                    .exchange();
        }
        assertThat(mvc.post()
                        .uri("/help/track/lost")
                        .with(from(ip))
                        .with(csrf())
                        .param("phone", phone))
                .as("three a day per phone")
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    }
}
