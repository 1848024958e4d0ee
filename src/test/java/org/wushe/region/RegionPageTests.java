package org.wushe.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;

/** The region browser as a full page, as htmx fragments, and without JavaScript. */
@WusheIntegrationTest
class RegionPageTests {

    static final Staff STAFF = Staff.as(Role.STATION_STAFF).in("310104");
    static final Staff ADMIN = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310113");

    @Autowired
    MockMvcTester mvc;

    @Test
    void theBrowserListsTheProvincesAndShowsARegionWithItsLineage() {
        assertThat(mvc.get().with(STAFF.request()).uri("/regions"))
                .hasStatusOk()
                .bodyText()
                .contains("区划树", "北京市", "上海市", "新疆维吾尔自治区", "搜索", "重置");
        assertThat(mvc.get().with(STAFF.request()).uri("/regions").param("code", "310104"))
                .hasStatusOk()
                .bodyText()
                .contains("徐汇区", "上海市", "天平路街道", "徐家汇街道", "未设管控", "下级区划（14）");
    }

    @Test
    void htmxGetsOnlyTheFragmentItAskedFor() {
        assertThat(mvc.get()
                        .with(STAFF.request())
                        .uri("/regions/310101/children")
                        .header("HX-Request", "true"))
                .hasStatusOk()
                .bodyText()
                .contains("南京东路街道")
                .doesNotContain("<html", "区划树");
        assertThat(mvc.get()
                        .with(STAFF.request())
                        .uri("/regions")
                        .param("q", "徐汇")
                        .header("HX-Request", "true")
                        .header("HX-Target", "search-results"))
                .hasStatusOk()
                .bodyText()
                .contains("上海市 / 市辖区 / 徐汇区", "找到")
                .doesNotContain("<html");
        assertThat(mvc.get()
                        .with(STAFF.request())
                        .uri("/regions")
                        .param("code", "310104")
                        .header("HX-Request", "true")
                        .header("HX-Target", "region-detail"))
                .hasStatusOk()
                .bodyText()
                .contains("天平路街道")
                .doesNotContain("<html", "区划树");
    }

    @Test
    void theBrowserNeedsASignedInUser() {
        assertThat(mvc.get().uri("/regions"))
                .hasStatus3xxRedirection()
                .redirectedUrl()
                .endsWith("/login");
    }

    @Test
    void withoutJavaScriptExpandingANodeOpensItsPage() {
        assertThat(mvc.get().with(STAFF.request()).uri("/regions/310101/children"))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/regions?code=310101");
    }

    @Test
    void aControlLevelCanBeSetFromTheForm() {
        assertThat(mvc.post()
                        .with(csrf())
                        .with(ADMIN.request())
                        .uri("/regions/310113003/control-levels")
                        .param("level", "PREVENTION")
                        .param("effectiveFrom", "2022-04-01T08:00")
                        .param("reason", "防范区公示"))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/regions?code=310113003");
        assertThat(mvc.get().with(STAFF.request()).uri("/regions").param("code", "310113003"))
                .bodyText()
                .contains("防范区公示", "2022-04-01 08:00");
    }

    @Test
    void anUploadedCommunityFileShowsItsReport() {
        var file = new MockMultipartFile(
                "file",
                "communities.csv",
                "text/csv",
                "代码,名称\n310113003201,宝山测试社区\n310113003,坏行\n".getBytes(StandardCharsets.UTF_8));
        assertThat(mvc.post()
                        .multipart()
                        .uri("/regions/communities")
                        .file(file)
                        .with(csrf())
                        .with(ADMIN.request()))
                .hasStatusOk()
                .bodyText()
                .contains("读取 2 行，写入 1 行，拒绝 1 行", "错误原因", "不是 12 位社区（村）代码");
    }
}
