package org.wushe.directory.volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.wushe.directory.volunteers.VolunteerTestData.code;
import static org.wushe.directory.volunteers.VolunteerTestData.idNumber;
import static org.wushe.directory.volunteers.VolunteerTestData.phone;

import jakarta.servlet.http.Cookie;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.StringUtils;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.privacy.CryptoService;

/** The public registration pages without signing in, their rate limits, and the staff review pages. */
@WusheIntegrationTest
class VolunteerPagesTests {

    static final Staff XUHUI_STATION = Staff.as(Role.STATION_STAFF).in("310104").named("xuhui-vol-pages");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CryptoService crypto;

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static String address() {
        return "10.88." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256);
    }

    @Test
    void thePhonePagesWorkWithoutSigningInAndWithoutScripts() {
        assertThat(mvc.get().uri("/volunteer/register"))
                .hasStatusOk()
                .bodyText()
                .contains("志愿者注册", "获取验证码", "大字版")
                .doesNotContain("<script", "style=");
        String phone = phone();
        assertThat(mvc.post()
                        .uri("/volunteer/register/code")
                        .param("phone", phone)
                        .with(from(address()))
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("验证码已通过短信发送", "2026-11-v1", "data-region-cascader")
                .doesNotContain("style=")
                // the cascader and the served-regions picker (htmx and its own file): deferred files, nothing inline
                .satisfies(html -> assertThat(html.split("<script", -1))
                        .as("the region cascader's and the region picker's files are the only scripts")
                        .hasSize(4))
                .contains(
                        "<script defer src=\"/js/region-cascader.js\">",
                        "<script defer src=\"/js/picker.js\">",
                        "htmx.min.js\"></script>");
        String id = idNumber();
        assertThat(mvc.post()
                        .uri("/volunteer/register")
                        .with(from(address()))
                        .with(csrf())
                        .param("phone", phone)
                        .param("code", code(jdbc, crypto, phone))
                        .param("name", "赵志愿")
                        .param("idNumber", id)
                        .param("skills", "IT", "LANGUAGES")
                        .param("regionCode", "310104003")
                        .param("availability", "周末")
                        .param("consentVersion", "2026-11-v1"))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/volunteer/register/done");
        assertThat(mvc.get().uri("/volunteer/register/done"))
                .hasStatusOk()
                .bodyText()
                .contains("提交成功，等待审核");

        String again = phone();
        mvc.post()
                .uri("/volunteer/register/code")
                .param("phone", again)
                .with(from(address()))
                .with(csrf())
                .exchange();
        assertThat(mvc.post()
                        .uri("/volunteer/register")
                        .with(from(address()))
                        .with(csrf())
                        .param("phone", again)
                        .param("code", code(jdbc, crypto, again))
                        .param("name", "赵志愿")
                        .param("idNumber", id)
                        .param("regionCode", "310104003")
                        .param("consentVersion", "2026-11-v1"))
                .as("a repeated registration while the first is pending is merged into it")
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/volunteer/register/done");
        assertThat(jdbc.sql("select count(*) from directory_volunteer where id_number_index = ?")
                        .param(crypto.blindIndex("id_number", id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void largeTextIsACookie() {
        var set = mvc.get().uri("/volunteer/register/font").param("large", "1").exchange();
        assertThat(set).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/volunteer/register");
        assertThat(set.getResponse().getHeader("Set-Cookie"))
                .startsWith("wushe-large=1; Path=/volunteer")
                .contains("HttpOnly");
        assertThat(mvc.get().uri("/volunteer/register").cookie(new Cookie("wushe-large", "1")))
                .hasStatusOk()
                .bodyText()
                .contains("wushe-large", "标准字");
    }

    @Test
    void codesAreRateLimitedPerPhone() {
        String phone = phone();
        for (int i = 0; i < Volunteers.CODES_PER_PHONE_PER_HOUR; i++) {
            assertThat(mvc.post()
                            .uri("/volunteer/register/code")
                            .param("phone", phone)
                            .with(from(address()))
                            .with(csrf()))
                    .hasStatusOk();
        }
        assertThat(mvc.post()
                        .uri("/volunteer/register/code")
                        .param("phone", phone)
                        .with(from(address()))
                        .with(csrf()))
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void codesAreRateLimitedPerAddress() {
        String address = address();
        for (int i = 0; i < Volunteers.CODES_PER_ADDRESS_PER_HOUR; i++) {
            mvc.post()
                    .uri("/api/v1/volunteer-registrations/codes")
                    .with(from(address))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"phone\":\"" + phone() + "\"}")
                    .exchange();
        }
        assertThat(mvc.post()
                        .uri("/api/v1/volunteer-registrations/codes")
                        .with(from(address))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"phone\":\"" + phone() + "\"}"))
                .hasStatus(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void staffReviewPagesAndApi() {
        String phone = phone();
        mvc.post()
                .uri("/api/v1/volunteer-registrations/codes")
                .with(from(address()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"phone\":\"" + phone + "\"}")
                .exchange();
        String body = """
                {"name":"钱志愿","idNumber":"%s","phone":"%s","code":"%s","skills":["MEDICAL"],
                 "regionCode":"310104003","consentVersion":"2026-11-v1"}""".formatted(idNumber(), phone, code(jdbc, crypto, phone));
        var created = mvc.post()
                .uri("/api/v1/volunteer-registrations")
                .with(from(address()))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED);
        long id = Long.parseLong(StringUtils.getFilename(created.getResponse().getHeader("Location")));

        assertThat(mvc.get().uri("/volunteers").with(XUHUI_STATION.request()))
                .hasStatusOk()
                .bodyText()
                .contains("钱*愿");
        assertThat(mvc.get().uri("/volunteers/" + id).with(XUHUI_STATION.request()))
                .hasStatusOk()
                .bodyText()
                .contains(phone.substring(0, 3) + "****")
                .doesNotContain(phone);
        assertThat(mvc.get()
                        .uri("/api/v1/volunteers")
                        .with(Staff.as(Role.STATION_STAFF).in("310101").request()))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("\"id\":" + id + ",");
        assertThat(mvc.post()
                        .uri("/volunteers/" + id + "/approve")
                        .with(XUHUI_STATION.request())
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/api/v1/volunteers/" + id).with(XUHUI_STATION.request()))
                .hasStatusOk()
                .bodyText()
                .contains("\"status\":\"APPROVED\"", "\"passportNo\":\"WS310104");
        assertThat(mvc.get()
                        .uri("/volunteers")
                        .with(Staff.as(Role.SOCIAL_WORKER).in("310104").request()))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void theWeekGridIsOnTheFormStoredAndShownToStaff() {
        String phone = phone();
        assertThat(mvc.post()
                        .uri("/volunteer/register/code")
                        .param("phone", phone)
                        .with(from(address()))
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("每周可服务时段", "name=\"weeklySlots\"", "value=\"SUNDAY_EVENING\"")
                .doesNotContain("style=");
        String code = code(jdbc, crypto, phone);
        assertThat(mvc.post()
                        .uri("/volunteer/register")
                        .with(from(address()))
                        .with(csrf())
                        .param("phone", phone)
                        .param("code", code)
                        .param("name", "吴志愿")
                        .param("idNumber", idNumber())
                        .param("regionCode", "310104003")
                        .param("weeklySlots", "TUESDAY_NIGHT")
                        .param("consentVersion", "2026-11-v1"))
                .as("an unknown cell: the form again with the message next to the grid, the ticks kept")
                .hasStatusOk()
                .bodyText()
                .contains(
                        "无法识别的服务时段",
                        "TUESDAY_NIGHT",
                        "id=\"week-grid-error\"",
                        "is-invalid",
                        "aria-describedby=\"week-grid-error\"")
                .doesNotContain("id=\"register-error\"");
        String id = idNumber();
        assertThat(mvc.post()
                        .uri("/volunteer/register")
                        .with(from(address()))
                        .with(csrf())
                        .param("phone", phone)
                        .param("code", code)
                        .param("name", "吴志愿")
                        .param("idNumber", id)
                        .param("regionCode", "310104003")
                        .param("weeklySlots", "TUESDAY_EVENING", "SUNDAY_MORNING")
                        .param("consentVersion", "2026-11-v1"))
                .hasStatus(HttpStatus.FOUND);
        long volunteerId = jdbc.sql("select id from directory_volunteer where id_number_index = ?")
                .param(crypto.blindIndex("id_number", id))
                .query(Long.class)
                .single();
        assertThat(mvc.get().uri("/volunteers/" + volunteerId).with(XUHUI_STATION.request()))
                .hasStatusOk()
                .bodyText()
                .contains("周二晚上", "周日上午")
                .doesNotContain("周一上午");
        assertThat(mvc.get().uri("/api/v1/volunteers/" + volunteerId).with(XUHUI_STATION.request()))
                .hasStatusOk()
                .bodyText()
                .contains("\"cells\":[\"TUESDAY_EVENING\",\"SUNDAY_MORNING\"]");
    }

    @Test
    void theActivationPagesArePublicScriptFreeAndLinkedFromTheLoginPage() {
        assertThat(mvc.get().uri("/volunteer/activate"))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "激活志愿者账号",
                        "name=\"idNumber\"",
                        "name=\"phone\"",
                        "type=\"tel\"",
                        "/volunteer/activate/font?large=1")
                .doesNotContain("<script", "style=");
        assertThat(mvc.post()
                        .uri("/volunteer/activate/code")
                        .param("idNumber", "123")
                        .param("phone", phone())
                        .with(from(address()))
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"activate-error\"", "name=\"idNumber\"")
                .doesNotContain("activate-code-sent");
        var set = mvc.get().uri("/volunteer/activate/font").param("large", "1").exchange();
        assertThat(set).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/volunteer/activate");
        assertThat(mvc.get().uri("/login"))
                .hasStatusOk()
                .bodyText()
                .contains("志愿者激活账号", "href=\"/volunteer/activate\"");
    }
}
