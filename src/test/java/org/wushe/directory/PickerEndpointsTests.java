package org.wushe.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.wushe.directory.DirectoryTestData.marker;
import static org.wushe.directory.DirectoryTestData.phone;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.organisations.Organisations;
import org.wushe.directory.socialworkers.SocialWorkerDraft;
import org.wushe.directory.socialworkers.SocialWorkerTestData;
import org.wushe.directory.socialworkers.SocialWorkers;

/**
 * The search-as-you-type picker's endpoints (issue 15 item 4): options of the caller's scope only, limited, no
 * personal data; and the directory's forms and filters that use it take an id or a name and answer a bad one
 * under its field, keeping the rest, never with a 400 page.
 */
@WusheIntegrationTest
class PickerEndpointsTests {

    static final Staff XUHUI = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").named("xuhui-picker-admin");
    static final Staff HUANGPU = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310101").named("huangpu-picker-admin");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Organisations organisations;

    @Autowired
    SocialWorkers socialWorkers;

    @Autowired
    JdbcClient jdbc;

    long organisation(Staff staff, String name, String region) {
        return staff.call(() -> organisations.create(DirectoryTestData.draft(OrgType.AGENCY, name, region, phone())));
    }

    long socialWorker(Staff staff, String name, String phone, String region, List<Long> orgs) {
        return staff.call(() -> socialWorkers.create(new SocialWorkerDraft(
                name, idNumber(), phone, "NONE", null, List.of(), false, null, "ON_DUTY", region, orgs, List.of())));
    }

    static String idNumber() {
        return SocialWorkerTestData.idNumber();
    }

    @Test
    void theOrganisationPickerListsTheCallersScopeOnlyAndAtMostFifteen() throws Exception {
        String m = marker();
        long xuhui = organisation(XUHUI, "乐群社工" + m, "310104");
        long huangpu = organisation(HUANGPU, "乐群社工" + m + "黄浦", "310101");

        var asXuhui = mvc.get()
                .uri("/organisations/picker")
                .param("q", "社工" + m)
                .with(XUHUI.request())
                .exchange();
        assertThat(asXuhui).hasStatusOk().bodyText().contains("乐群社工" + m, "徐汇区").doesNotContain("黄浦");
        assertThat(asXuhui.getResponse().getContentAsString())
                .contains("data-picker-id=\"" + xuhui + "\"")
                .doesNotContain("data-picker-id=\"" + huangpu + "\"");
        assertThat(mvc.get().uri("/organisations/picker").param("q", "社工" + m).with(HUANGPU.request()))
                .hasStatusOk()
                .bodyText()
                .contains("乐群社工" + m + "黄浦")
                .doesNotContain("徐汇区");
        // by number too
        assertThat(mvc.get()
                        .uri("/organisations/picker")
                        .param("q", Long.toString(xuhui))
                        .with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("乐群社工" + m);
        assertThat(mvc.get().uri("/organisations/picker").param("q", "").with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("输入名称中的几个字查找");
        assertThat(mvc.get().uri("/organisations/picker").param("q", "没有这个" + m).with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("没有名称含");

        for (int i = 0; i < 16; i++) {
            organisation(XUHUI, "多家" + m + "-" + i, "310104");
        }
        String many = mvc.get()
                .uri("/organisations/picker")
                .param("q", "多家" + m)
                .with(XUHUI.request())
                .exchange()
                .getResponse()
                .getContentAsString();
        assertThat(Pattern.compile("data-picker-id=").matcher(many).results().count())
                .isEqualTo(15);
    }

    @Test
    void theSocialWorkerPickerListsTheCallersScopeOnlyWithoutPhones() throws Exception {
        String m = marker();
        String phone = phone();
        long org = organisation(XUHUI, "阳光社工" + m, "310104");
        long xuhui = socialWorker(XUHUI, "周" + m, phone, "310104", List.of(org));
        long huangpu = socialWorker(HUANGPU, "周" + m + "黄", phone(), "310101", List.of());

        var asXuhui = mvc.get()
                .uri("/social-workers/picker")
                .param("q", m)
                .with(XUHUI.request())
                .exchange();
        assertThat(asXuhui)
                .hasStatusOk()
                .bodyText()
                .contains("周" + m, "徐汇区", "阳光社工" + m)
                .doesNotContain("周" + m + "黄")
                .doesNotContain(phone)
                .doesNotContain(phone.substring(7));
        assertThat(asXuhui.getResponse().getContentAsString()).contains("data-picker-id=\"" + xuhui + "\"");
        var asHuangpu = mvc.get()
                .uri("/social-workers/picker")
                .param("q", m)
                .with(HUANGPU.request())
                .exchange();
        assertThat(asHuangpu).hasStatusOk().bodyText().contains("周" + m + "黄").doesNotContain("阳光社工");
        assertThat(asHuangpu.getResponse().getContentAsString())
                .contains("data-picker-id=\"" + huangpu + "\"")
                .doesNotContain("data-picker-id=\"" + xuhui + "\"");
        // one organisation's workers only
        assertThat(mvc.get()
                        .uri("/social-workers/picker")
                        .param("q", m)
                        .param("organisation", Long.toString(org))
                        .with(HUANGPU.request()))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("周" + m);
        long outsider = socialWorker(XUHUI, "周" + m + "外", phone(), "310104", List.of());
        assertThat(mvc.get()
                        .uri("/social-workers/picker")
                        .param("q", m)
                        .param("organisation", Long.toString(org))
                        .with(XUHUI.request())
                        .exchange()
                        .getResponse()
                        .getContentAsString())
                .contains("data-picker-id=\"" + xuhui + "\"")
                .doesNotContain("data-picker-id=\"" + outsider + "\"");
        // a volunteer (no directory reader) gets nothing
        assertThat(mvc.get()
                        .uri("/social-workers/picker")
                        .param("q", m)
                        .with(Staff.as(Role.VOLUNTEER).in("310104").request()))
                .hasStatus(403);
    }

    @Test
    void aNameTypedWhereACodeGoesIsAnsweredUnderTheFieldAndTheFilterStays() {
        String m = marker();
        assertThat(mvc.get()
                        .uri("/organisations")
                        .param("region", "徐汇区")
                        .param("name", "保留" + m)
                        .with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("行政区划代码应为6位、9位或12位");
        assertThat(mvc.get()
                        .uri("/organisations")
                        .param("region", "徐汇区")
                        .param("name", "保留" + m)
                        .with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("value=\"保留" + m + "\"");

        var list = mvc.get()
                .uri("/social-workers")
                .param("region", "徐汇区")
                .param("organisation", "不存在" + m)
                .param("name", "保留" + m)
                .with(XUHUI.request())
                .exchange();
        assertThat(list).hasStatusOk();
        String html = new String(list.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(html)
                .contains(
                        "行政区划代码应为6位、9位或12位",
                        "您的数据范围内没有名为“不存在" + m + "”的组织",
                        "value=\"保留" + m + "\"",
                        "filter-region-error",
                        "filter-organisation-error");
    }

    @Test
    void theFilterAndTheFormsTakeAnOrganisationsExactNameWithoutScript() {
        String m = marker();
        long parent = organisation(XUHUI, "上级" + m, "310104");
        long worker = socialWorker(XUHUI, "钱" + m, null, "310104", List.of(parent));
        socialWorker(XUHUI, "孙" + m, null, "310104", List.of());

        // the list's organisation filter: the name is resolved to the organisation, the picker shows its name
        assertThat(mvc.get()
                        .uri("/social-workers")
                        .param("organisation", "上级" + m)
                        .param("name", m)
                        .with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("钱" + m, "共 1 条")
                .doesNotContain("孙" + m);

        // the organisation form: parent by name
        var created = mvc.post()
                .uri("/organisations")
                .with(XUHUI.request())
                .with(csrf())
                .param("type", "AGENCY")
                .param("name", "下级" + m)
                .param("regionCode", "310104")
                .param("parentId", "上级" + m)
                .exchange();
        assertThat(created.getResponse().getRedirectedUrl()).startsWith("/organisations/");
        assertThat(jdbc.sql("select parent_id from directory_organisation where name = ?")
                        .param("下级" + m)
                        .query(Long.class)
                        .single())
                .isEqualTo(parent);
        // an unknown name: the form again, the message under the field, the input kept
        var refused = mvc.post()
                .uri("/organisations")
                .with(XUHUI.request())
                .with(csrf())
                .param("type", "AGENCY")
                .param("name", "再下级" + m)
                .param("regionCode", "310104")
                .param("parentId", "没有" + m)
                .exchange();
        assertThat(refused).hasStatusOk().bodyText().contains("您的数据范围内没有名为“没有" + m + "”的组织");
        assertThat(refused).bodyText().contains("value=\"再下级" + m + "\"", "parentId-error");

        // the social worker form: organisations by id and by name
        var edited = mvc.post()
                .uri("/social-workers/" + worker)
                .with(XUHUI.request())
                .with(csrf())
                .param("name", "钱" + m)
                .param("qualification", "NONE")
                .param("availability", "ON_DUTY")
                .param("regionCode", "310104")
                .param("organisationIds", parent + ",下级" + m)
                .exchange();
        assertThat(edited.getResponse().getRedirectedUrl()).isEqualTo("/social-workers/" + worker);
        assertThat(jdbc.sql("select count(*) from directory_social_worker_membership where social_worker_id = ?")
                        .param(worker)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(mvc.get().uri("/social-workers/" + worker + "/edit").with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("上级" + m, "下级" + m);
    }
}
