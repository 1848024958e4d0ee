package org.wushe.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;

/** The region cascader fragment as the server renders it (pre-filled, root, levels) and the API it reads. */
@WusheIntegrationTest
class RegionCascaderTests {

    static final Staff STAFF = Staff.as(Role.STATION_STAFF).in("310101");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Regions regions;

    /** Two real communities of 南京东路街道 (the test database has the division tree only down to streets). */
    static void importCommunities(Regions regions) {
        String csv = "code,name\n310101002001,云南中路居委会\n310101002002,龙泉园路居委会\n";
        Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                .wholeCountry()
                .call(() -> regions.importCommunities(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
    }

    @BeforeEach
    void communities() {
        importCommunities(regions);
    }

    @Test
    void withoutAValueTheFirstListHasTheProvincesAndNothingIsSubmittedYet() {
        assertThat(mvc.get().uri("/cascader-demo").with(STAFF.request()))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "id=\"cascader-communityCode\"",
                        "data-region-cascader",
                        "data-level=\"VILLAGE\"",
                        "data-api=\"/api/v1/regions\"",
                        "data-too-shallow=\"请选择到社区（村）。\"",
                        "aria-label=\"省级\"",
                        "<option value=\"310000\" data-children=\"1\">上海市</option>",
                        "<option value=\"\">请选择</option>",
                        "name=\"communityCode\" value=\"\" disabled",
                        "src=\"/js/region-cascader.js\"",
                        "<noscript>",
                        "pattern=\"[0-9]{12}\"",
                        "请填写 12 位区划代码。",
                        "所在地区")
                .doesNotContain("id=\"cascader-communityCode-1\"", "selected");
    }

    @Test
    void aValuePreselectsEveryAncestorAndOffersItsSiblings() throws Exception {
        String body = mvc.get()
                .uri("/cascader-demo")
                .param("value", "310101002001")
                .with(STAFF.request())
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body)
                .contains(
                        "<option value=\"310000\" data-children=\"1\" selected=\"selected\">上海市</option>",
                        "<option value=\"310100\" data-children=\"1\" selected=\"selected\">市辖区</option>",
                        "<option value=\"310101\" data-children=\"1\" selected=\"selected\">黄浦区</option>",
                        "<option value=\"310104\" data-children=\"1\">徐汇区</option>",
                        "<option value=\"310101002\" data-children=\"1\" selected=\"selected\">南京东路街道</option>",
                        "<option value=\"310101002001\" selected=\"selected\">云南中路居委会</option>",
                        "<option value=\"310101002002\">龙泉园路居委会</option>",
                        "name=\"communityCode\" value=\"310101002001\" disabled",
                        "id=\"cascader-communityCode-4\"",
                        "aria-label=\"村/社区\"")
                .doesNotContain("id=\"cascader-communityCode-5\"");
    }

    @Test
    void aRootStartsBelowItAndASingleChoiceIsMadeForTheUser() {
        assertThat(mvc.get()
                        .uri("/cascader-demo")
                        .param("root", "310000")
                        .param("level", "TOWNSHIP")
                        .with(STAFF.request()))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "data-root=\"310000\"",
                        "data-level=\"TOWNSHIP\"",
                        "pattern=\"[0-9]{9}\"",
                        "<option value=\"310100\" data-children=\"1\" selected=\"selected\">市辖区</option>",
                        "<option value=\"310104\" data-children=\"1\">徐汇区</option>",
                        "data-too-shallow=\"请选择到街道（乡镇）。\"")
                .doesNotContain(">上海市</option>", ">北京市</option>");
    }

    @Test
    void aValueOutsideTheRootOrUnknownIsKeptForTheServerToRefuseButPreselectsNothing() {
        assertThat(mvc.get()
                        .uri("/cascader-demo")
                        .param("root", "310000")
                        .param("value", "110101")
                        .with(STAFF.request()))
                .hasStatusOk()
                .bodyText()
                .contains("name=\"communityCode\" value=\"110101\" disabled")
                .doesNotContain(">东城区</option>", "<option value=\"310101\" data-children=\"1\" selected");
        assertThat(mvc.get().uri("/cascader-demo").param("value", "31x").with(STAFF.request()))
                .hasStatusOk()
                .bodyText()
                .contains("value=\"31x\"")
                .doesNotContain("selected=\"selected\">上海市");
    }

    @Test
    void inEnglishTheLabelsAreEnglish() {
        assertThat(mvc.get().uri("/cascader-demo").param("lang", "en").with(STAFF.request()))
                .hasStatusOk()
                .bodyText()
                .contains("Choose…", "Choose down to the community (village).", "Enter the 12-digit region code.");
    }

    @Test
    void withoutJavaScriptTheTextInputIsTheOnlyFieldSubmitted() {
        assertThat(mvc.post()
                        .uri("/cascader-demo")
                        .param("communityCode", "310101002001")
                        .with(csrf())
                        .with(STAFF.request()))
                .hasStatusOk()
                .bodyText()
                .contains("<p id=\"submitted\">310101002001</p>");
    }

    @Test
    void theTreeListsAreCheapPublicJsonThatMayBeCached() {
        assertThat(mvc.get().uri("/api/v1/regions/310101002/children"))
                .hasStatusOk()
                .hasHeader("Cache-Control", "max-age=3600, public")
                .bodyJson()
                .extractingPath("$[0]")
                .isEqualTo(Map.of(
                        "code",
                        "310101002001",
                        "name",
                        "云南中路居委会",
                        "level",
                        "VILLAGE",
                        "parentCode",
                        "310101002",
                        "hasChildren",
                        false));
        assertThat(mvc.get().uri("/api/v1/regions"))
                .hasStatusOk()
                .hasHeader("Cache-Control", "max-age=3600, public")
                .bodyJson()
                .extractingPath("$.length()")
                .isEqualTo(31);
        assertThat(mvc.get()
                        .uri("/api/v1/regions")
                        .param("q", "徐汇")
                        .exchange()
                        .getResponse()
                        .getHeader("Cache-Control"))
                .doesNotContain("public"); // search results are not cached
    }

    @Test
    void theRegionBrowserUsesItToOpenAPlace() {
        assertThat(mvc.get().uri("/regions").param("code", "310104").with(STAFF.request()))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "按地区查找",
                        "id=\"region-jump\"",
                        "id=\"cascader-code\"",
                        "data-level=\"PROVINCE\"",
                        "<option value=\"310104\" data-children=\"1\" selected=\"selected\">徐汇区</option>",
                        "name=\"code\" value=\"310104\" disabled");
    }
}
