package org.wushe.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;

/**
 * The served-regions picker (issue 15 item 4): staff find districts, streets and communities of their scope by
 * name (a station never another street's), the public volunteer page finds any region's name, and the
 * organisation form takes names typed without script, saying an unknown one under its field with the rest kept.
 */
@WusheIntegrationTest
class RegionPickerTests {

    /** Communities of 徐汇 天平路街道 and 黄浦 南京东路街道 with a name of this test's own. */
    static final String TIANPING_COMMUNITY = "310104003091";

    static final String HUANGPU_COMMUNITY = "310101002091";
    static final Staff ADMIN = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry().named("region-picker-admin");
    static final Staff TIANPING_STATION =
            Staff.as(Role.STATION_STAFF).in("310104003").named("region-picker-station");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Regions regions;

    void communities() {
        String csv = "code,name,parent\n" + TIANPING_COMMUNITY + ",选址测试甲居委会,310104003\n" + HUANGPU_COMMUNITY
                + ",选址测试乙居委会,310101002\n";
        ADMIN.run(() -> regions.importCommunities(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void staffFindRegionsOfTheirScopeAndThePublicPageFindsAny() throws Exception {
        communities();
        var asStation = mvc.get()
                .uri("/regions/picker")
                .param("q", "选址测试")
                .with(TIANPING_STATION.request())
                .exchange();
        assertThat(asStation).hasStatusOk();
        assertThat(asStation.getResponse().getContentAsString())
                .contains("data-picker-id=\"" + TIANPING_COMMUNITY + "\"", "选址测试甲居委会", "天平路街道")
                .doesNotContain("选址测试乙居委会");

        var anyone =
                mvc.get().uri("/volunteer/register/regions").param("q", "选址测试").exchange();
        assertThat(anyone).hasStatusOk();
        assertThat(anyone.getResponse().getContentAsString()).contains("选址测试甲居委会", "选址测试乙居委会");
        // no province or city is offered as a served region
        assertThat(mvc.get()
                        .uri("/volunteer/register/regions")
                        .param("q", "上海市")
                        .exchange())
                .hasStatusOk()
                .bodyText()
                .doesNotContain("data-picker-id=\"310000\"");
    }

    @Test
    void theOrganisationFormTakesRegionNamesAndSaysAnUnknownOneUnderTheField() {
        communities();
        assertThat(mvc.post()
                        .uri("/organisations")
                        .param("type", "AGENCY")
                        .param("name", "选址测试社工服务社")
                        .param("regionCode", "310104")
                        .param("servedRegions", "选址测试乙居委会")
                        .with(TIANPING_STATION.request())
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("找不到名为“选址测试乙居委会”的区、街镇或社区", "选址测试社工服务社");

        var created = mvc.post()
                .uri("/organisations")
                .param("type", "AGENCY")
                .param("name", "选址测试社工服务社" + System.nanoTime() % 100000)
                .param("regionCode", "310104003")
                .param("servedRegions", "选址测试甲居委会")
                .param("servedRegions", "310104003")
                .with(TIANPING_STATION.request())
                .with(csrf())
                .exchange();
        assertThat(created).hasStatus3xxRedirection();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(mvc.get().uri(location + "/edit").with(TIANPING_STATION.request()))
                .hasStatusOk()
                .bodyText()
                .contains("选址测试甲居委会", "天平路街道");
    }
}
