package org.wushe.residents.checkins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.wushe.residents.ResidentTestData.A;
import static org.wushe.residents.ResidentTestData.draft;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.notify.MessageKind;
import org.wushe.notify.Notifications;
import org.wushe.notify.OutboxTexts;
import org.wushe.privacy.CryptoService;
import org.wushe.region.Regions;
import org.wushe.residents.ResidentTestData;
import org.wushe.residents.VulnerabilityCategory;
import org.wushe.residents.register.ResidentDraft;
import org.wushe.residents.register.Residents;

/**
 * The resident's public check-in page and its API; the staff page's enrolment (称呼 validated in place, re-enrolling
 * confirmed) and the new link's QR code and SMS through the outbox (issue 15 items 5 and 12).
 */
@WusheIntegrationTest
class CheckInPagesTests {

    static final Staff STAFF_A = Staff.as(Role.COMMUNITY_STAFF).in(A).named("pages-community-a");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Residents residents;

    @Autowired
    CheckIns checkIns;

    @Autowired
    Regions regions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CryptoService crypto;

    @Autowired
    Notifications notifications;

    @BeforeEach
    void communities() {
        ResidentTestData.communities(regions);
    }

    @Test
    void theResidentChecksInFromThePublicPageWithoutSigningIn() {
        long r = STAFF_A.call(() -> residents.create(draft("孙老伯", A, VulnerabilityCategory.ELDERLY_ALONE)));
        String token = STAFF_A.call(() -> checkIns.enrol(r, LocalTime.of(10, 0), "孙伯伯"));
        assertThat(mvc.get().uri("/check-in/" + token))
                .hasStatusOk()
                .bodyText()
                .contains("我很好", "需要帮助", "孙伯伯，您好")
                .doesNotContain("孙老伯", "孙*伯");
        assertThat(mvc.post().uri("/check-in/" + token).param("status", "WELL").with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("打卡成功");
        assertThat(STAFF_A.call(() -> checkIns.overview(r)).checkIns()).hasSize(1);
        assertThat(mvc.get().uri("/check-in/" + "y".repeat(43)))
                .hasStatusOk()
                .bodyText()
                .contains("已失效");
        assertThat(mvc.post()
                        .uri("/api/v1/check-in/" + token)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"WELL\"}"))
                .hasStatusOk();
        assertThat(mvc.post()
                        .uri("/api/v1/check-in/" + "z".repeat(43))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"WELL\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void theFormOfAddressIsStoredEncryptedAndAnEnrolmentWithoutOneGreetsPlainly() {
        long r = STAFF_A.call(() -> residents.create(draft("周桂芳", A, VulnerabilityCategory.ELDERLY_ALONE)));
        String token = STAFF_A.call(() -> checkIns.enrol(r, LocalTime.of(9, 0), "周阿姨"));
        byte[] stored = jdbc.sql("select address_as_cipher from residents_checkin_enrolment where resident_id = ?")
                .param(r)
                .query(byte[].class)
                .single();
        assertThat(new String(stored, StandardCharsets.UTF_8)).doesNotContain("周阿姨");
        assertThat(STAFF_A.call(() -> checkIns.overview(r)).enrolment().addressAs())
                .isEqualTo("周阿姨");
        // an enrolment made before the field existed
        jdbc.sql("update residents_checkin_enrolment set address_as_cipher = null where resident_id = ?")
                .param(r)
                .update();
        assertThat(mvc.get().uri("/check-in/" + token))
                .hasStatusOk()
                .bodyText()
                .contains("您好！今天过得好吗？")
                .doesNotContain("周*芳", "周桂芳");
    }

    @Test
    void aBadFormOfAddressIsShownAtItsFieldAndNothingIsEnrolled() {
        long r = STAFF_A.call(() -> residents.create(draft("钱玉兰", A, VulnerabilityCategory.ELDERLY_ALONE)));
        for (String bad : List.of("", "张阿姨13912345678", "张阿姨!", "阿".repeat(13))) {
            assertThat(mvc.post()
                            .uri("/residents/" + r + "/check-in/enrolment")
                            .param("deadline", "10:00")
                            .param("addressAs", bad)
                            .with(STAFF_A.request())
                            .with(csrf()))
                    .as(bad)
                    .hasStatusOk()
                    .bodyText()
                    .contains("id=\"error-addressAs\"", "aria-invalid=\"true\"")
                    .contains(bad.isEmpty() ? "请填写称呼" : bad.length() > 12 ? "称呼最多 12 个字" : "称呼只能是文字");
        }
        assertThat(mvc.post()
                        .uri("/residents/" + r + "/check-in/enrolment")
                        .param("deadline", "25:99")
                        .param("addressAs", "钱阿姨")
                        .with(STAFF_A.request())
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"error-deadline\"", "value=\"钱阿姨\"");
        assertThat(STAFF_A.call(() -> checkIns.overview(r)).enrolment()).isNull();
        // the API names the field
        assertThat(mvc.post()
                        .uri("/api/v1/residents/" + r + "/check-in/enrolment")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"deadline\":\"10:00\",\"addressAs\":\"12\"}")
                        .with(STAFF_A.request()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("addressAs");
    }

    @Test
    void reEnrollingAsksForConfirmationBecauseItInvalidatesTheOldLink() {
        long r = STAFF_A.call(() -> residents.create(draft("吴德福", A, VulnerabilityCategory.ELDERLY_ALONE)));
        String old = STAFF_A.call(() -> checkIns.enrol(r, LocalTime.of(10, 0), "吴伯伯"));
        assertThat(mvc.get().uri("/residents/" + r + "/check-in").with(STAFF_A.request()))
                .hasStatusOk()
                .bodyText()
                .contains("name=\"confirmReplace\"", "重新生成链接", "value=\"吴伯伯\"");
        assertThat(mvc.post()
                        .uri("/residents/" + r + "/check-in/enrolment")
                        .param("deadline", "11:00")
                        .param("addressAs", "吴爷爷")
                        .with(STAFF_A.request())
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"error-confirmReplace\"", "value=\"吴爷爷\"");
        assertThat(checkIns.view(old)).as("the old link still works").isPresent();
        assertThat(mvc.post()
                        .uri("/residents/" + r + "/check-in/enrolment")
                        .param("deadline", "11:00")
                        .param("addressAs", "吴爷爷")
                        .param("confirmReplace", "true")
                        .with(STAFF_A.request())
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(checkIns.view(old)).isEmpty();
    }

    @Test
    void theNewLinkIsShownWithAQrCodeAndSentBySmsHoldingTheLinkOnly() {
        ResidentDraft d = draft("郑淑珍", A, VulnerabilityCategory.ELDERLY_ALONE);
        long r = STAFF_A.call(() -> residents.create(d));
        MvcTestResult enrolled = mvc.post()
                .uri("/residents/" + r + "/check-in/enrolment")
                .param("deadline", "10:00")
                .param("addressAs", "郑阿姨")
                .with(STAFF_A.request())
                .with(csrf())
                .exchange();
        assertThat(enrolled).hasStatus(HttpStatus.FOUND);
        String token = (String) enrolled.getMvcResult().getFlashMap().get("issuedToken");
        String url = "http://localhost/check-in/" + token;
        // the flash map lives in the (Spring Session) session the cookie names
        var session = enrolled.getMvcResult().getResponse().getCookie("SESSION");
        assertThat(mvc.get()
                        .uri("/residents/" + r + "/check-in")
                        .cookie(session)
                        .with(STAFF_A.request()))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "id=\"check-in-qr\"",
                        "<svg",
                        "class=\"wushe-qr\"",
                        "value=\"" + url + "\"",
                        "id=\"check-in-copy\"",
                        "id=\"sms-resident\"",
                        "id=\"sms-guardian\"")
                .doesNotContain("<img");

        MvcTestResult sent = mvc.post()
                .uri("/residents/" + r + "/check-in/sms")
                .param("token", token)
                .param("to", "GUARDIAN")
                .with(STAFF_A.request())
                .with(csrf())
                .exchange();
        assertThat(sent).hasStatus(HttpStatus.FOUND);
        assertThat(sent.getMvcResult().getFlashMap().get("issuedToken"))
                .as("the link stays on the page")
                .isEqualTo(token);
        var rows = jdbc.sql("select template_key, variables_cipher from notify_message where recipient_index = ?")
                .param(crypto.blindIndex("phone", d.guardianPhone()))
                .query()
                .listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("template_key")).isEqualTo("residents.checkInLink");
        List<String> variables =
                OutboxTexts.variables(crypto, (byte[]) rows.get(0).get("variables_cipher"));
        assertThat(variables).containsExactly(url);
        String body = notifications.text(MessageKind.CHECK_IN_LINK, variables);
        assertThat(body).contains(url).doesNotContain("郑", d.phone(), d.guardianPhone());
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("""
                select count(*) from audit_entry where entity_type = 'resident' and entity_id = ?
                and 'checkInLinkSms:GUARDIAN' = any (fields) and actor = ?""")
                                .params(Long.toString(r), STAFF_A.principal().username())
                                .query(Long.class)
                                .single()
                        == 1);

        // a link that is not the resident's current one, or no mobile to send to: an error in place, nothing sent
        assertThat(mvc.post()
                        .uri("/residents/" + r + "/check-in/sms")
                        .param("token", "q".repeat(43))
                        .param("to", "RESIDENT")
                        .with(STAFF_A.request())
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"error-sms\"", "不是该居民当前的打卡链接")
                .doesNotContain("id=\"check-in-qr\"");
        assertThat(mvc.post()
                        .uri("/residents/" + r + "/check-in/sms")
                        .param("token", token)
                        .param("to", "EMERGENCY_CONTACT")
                        .with(STAFF_A.request())
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"error-sms\"", "没有可接收短信的手机号码", "id=\"check-in-qr\"");
        assertThat(jdbc.sql("select count(*) from notify_message where recipient_index = ?")
                        .param(crypto.blindIndex("phone", d.phone()))
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
