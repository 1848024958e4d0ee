package org.wushe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;

/** The bilingual shell, static assets from WebJars, error pages, health, metrics and the API docs. */
@WusheIntegrationTest
class ShellTests {

    static final Staff STAFF = Staff.as(Role.STATION_STAFF).in("310104");

    @Autowired
    MockMvcTester mvc;

    @Test
    void theHomePageIsInChineseAndServedByPostgres() {
        assertThat(mvc.get().uri("/").with(STAFF.request()))
                .hasStatusOk()
                .bodyText()
                .contains("lang=\"zh-CN\"", "欢迎使用五社联动平台", "行政区划", "PostgreSQL 17")
                .doesNotContain("??", "jdbc:", "database-url");
        // the connection is shown to the bureau's administrator only
        assertThat(mvc.get()
                        .uri("/")
                        .with(Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").request()))
                .bodyText()
                .contains("id=\"database-url\">jdbc:postgresql://");
    }

    @Test
    void englishIsChosenWithLangAndRemembered() {
        var chosen =
                mvc.get().uri("/").with(STAFF.request()).param("lang", "en").exchange();
        assertThat(chosen).hasStatusOk().bodyText().contains("lang=\"en\"", "Welcome to Wushe", "Regions");
        assertThat(chosen).cookies().containsCookie("wushe-lang");
        Cookie remembered = chosen.getResponse().getCookie("wushe-lang");
        assertThat(mvc.get().uri("/regions").with(STAFF.request()).cookie(remembered))
                .bodyText()
                .contains("Division tree");
        assertThat(mvc.get().uri("/").with(STAFF.request()).param("lang", "fr"))
                .bodyText()
                .contains("lang=\"zh-CN\"");
    }

    @Test
    void navigationShowsOnlyPagesThatExist() {
        assertThat(mvc.get().uri("/").with(STAFF.request()))
                .bodyText()
                .contains("href=\"/regions\"", "href=\"/requests\"", "href=\"/residents\"")
                .doesNotContain("href=\"/accounts\"");
        assertThat(mvc.get()
                        .uri("/")
                        .with(Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").request()))
                .bodyText()
                .contains("href=\"/accounts\"");
    }

    @Test
    void assetsComeFromWebJarsWithoutInternet() {
        assertThat(mvc.get().uri("/webjars/bootstrap/css/bootstrap.min.css")).hasStatusOk();
        assertThat(mvc.get().uri("/webjars/htmx.org/dist/htmx.min.js")).hasStatusOk();
        assertThat(mvc.get().uri("/webjars/echarts/dist/echarts.min.js")).hasStatusOk();
        assertThat(mvc.get().uri("/").with(STAFF.request())).bodyText().doesNotContain("cdn.", "https://");
    }

    @Test
    void anUnknownPageIsAFriendly404InTheReadersLanguageWithARequestId() {
        var result = mvc.get()
                .uri("/no-such-page")
                .with(STAFF.request())
                .accept(MediaType.TEXT_HTML)
                .exchange();
        assertThat(result)
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyText()
                .contains("页面或记录不存在", "请求编号", "返回首页")
                .doesNotContain("Exception", "at org.", "Not found", "id=\"error-back\"");
        String requestId = result.getResponse().getHeader("X-Request-Id");
        assertThat(result).bodyText().contains(requestId);
    }

    @Test
    void aMalformedValueInAPageIsA400PageNotAStackTrace() {
        // a filter field says its error in place (issue 15); a malformed parameter no form sends is a 400 page
        assertThat(mvc.get()
                        .uri("/inbox")
                        .with(STAFF.request())
                        .param("before", "31010x")
                        .accept(MediaType.TEXT_HTML))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("请求有误", "before")
                .doesNotContain("Exception", "Bad request");
    }

    @Test
    void anErrorPageLeadsBackToTheListWithItsFiltersButNeverToAnotherSite() {
        assertThat(mvc.get()
                        .uri("/inbox")
                        .with(STAFF.request())
                        .param("before", "31010x")
                        .header("Referer", "http://localhost/regions?code=310101&level=STREET")
                        .accept(MediaType.TEXT_HTML))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("id=\"error-back\" href=\"/regions?code=310101&amp;level=STREET\"", "返回上一页");
        assertThat(mvc.get()
                        .uri("/no-such-page")
                        .with(STAFF.request())
                        .header("Referer", "https://evil.example/regions")
                        .accept(MediaType.TEXT_HTML))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyText()
                .doesNotContain("evil.example", "id=\"error-back\"");
        assertThat(mvc.get()
                        .uri("/no-such-page")
                        .with(STAFF.request())
                        .header("Referer", "http://localhost/requests?status=NEW")
                        .accept(MediaType.TEXT_HTML))
                .hasStatus(HttpStatus.NOT_FOUND)
                .bodyText()
                .contains("href=\"/requests?status=NEW\"");
    }

    @Test
    void withoutASessionPagesGoToLoginAndApisAnswer401() {
        assertThat(mvc.get().uri("/")).hasStatus3xxRedirection().redirectedUrl().endsWith("/login");
        assertThat(mvc.get().uri("/api/v1/accounts")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().contains("登录", "用户名", "密码");
    }

    @Test
    void securityHeadersAreSet() {
        var result = mvc.get().uri("/login").exchange();
        assertThat(result.getResponse().getHeader("Content-Security-Policy"))
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(result.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void healthMetricsAndApiDocsAreServed() {
        assertThat(mvc.get().uri("/actuator/health"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .isEqualTo("UP");
        // metrics need a monitoring token now (access.ManagementEndpointsTests)
        assertThat(mvc.get().uri("/actuator/prometheus")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/v3/api-docs"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.paths")
                .asMap()
                .containsKeys("/api/v1/regions/{code}", "/api/v1/regions/{code}/children");
        assertThat(mvc.get().uri("/swagger-ui/index.html")).hasStatusOk();
    }
}
