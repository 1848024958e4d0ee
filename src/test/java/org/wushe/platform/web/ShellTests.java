package org.wushe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;

/** The bilingual shell, static assets from WebJars, error pages, health, metrics and the API docs. */
@WusheIntegrationTest
class ShellTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void theHomePageIsInChineseAndServedByPostgres() {
        assertThat(mvc.get().uri("/")).hasStatusOk().bodyText()
                .contains("lang=\"zh-CN\"", "欢迎使用五社联动平台", "行政区划", "PostgreSQL 17")
                .doesNotContain("??");
    }

    @Test
    void englishIsChosenWithLangAndRemembered() {
        var chosen = mvc.get().uri("/").param("lang", "en").exchange();
        assertThat(chosen).hasStatusOk().bodyText().contains("lang=\"en\"", "Welcome to Wushe", "Regions");
        assertThat(chosen).cookies().containsCookie("wushe-lang");
        Cookie remembered = chosen.getResponse().getCookie("wushe-lang");
        assertThat(mvc.get().uri("/regions").cookie(remembered)).bodyText().contains("Division tree");
        assertThat(mvc.get().uri("/").param("lang", "fr")).bodyText().contains("lang=\"zh-CN\"");
    }

    @Test
    void navigationShowsOnlyPagesThatExist() {
        assertThat(mvc.get().uri("/")).bodyText().contains("href=\"/regions\"")
                .doesNotContain("href=\"/requests\"", "href=\"/residents\"");
    }

    @Test
    void assetsComeFromWebJarsWithoutInternet() {
        assertThat(mvc.get().uri("/webjars/bootstrap/css/bootstrap.min.css")).hasStatusOk();
        assertThat(mvc.get().uri("/webjars/htmx.org/dist/htmx.min.js")).hasStatusOk();
        assertThat(mvc.get().uri("/webjars/echarts/dist/echarts.min.js")).hasStatusOk();
        assertThat(mvc.get().uri("/")).bodyText().doesNotContain("cdn.", "https://");
    }

    @Test
    void anUnknownPageIsAFriendlyBilingual404WithARequestId() {
        var result = mvc.get().uri("/no-such-page").accept(MediaType.TEXT_HTML).exchange();
        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).bodyText()
                .contains("页面或记录不存在", "Not found", "请求编号").doesNotContain("Exception", "at org.");
        String requestId = result.getResponse().getHeader("X-Request-Id");
        assertThat(result).bodyText().contains(requestId);
    }

    @Test
    void aMalformedCodeInAPageIsA400PageNotAStackTrace() {
        assertThat(mvc.get().uri("/regions").param("code", "31010x").accept(MediaType.TEXT_HTML))
                .hasStatus(HttpStatus.BAD_REQUEST).bodyText()
                .contains("请求有误", "Bad request", "行政区划代码只能包含数字").doesNotContain("Exception");
    }

    @Test
    void healthMetricsAndApiDocsAreServed() {
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("UP");
        assertThat(mvc.get().uri("/actuator/prometheus")).hasStatusOk().bodyText().contains("hikaricp_connections");
        assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk().bodyJson()
                .extractingPath("$.paths").asMap().containsKeys("/api/v1/regions/{code}", "/api/v1/regions/{code}/children");
        assertThat(mvc.get().uri("/swagger-ui/index.html")).hasStatusOk();
    }
}
