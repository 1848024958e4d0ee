package org.wushe.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wushe.directory.DirectoryTestData.draft;
import static org.wushe.directory.DirectoryTestData.marker;
import static org.wushe.directory.DirectoryTestData.phone;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.organisations.Organisations;
import org.wushe.directory.socialworkers.SocialWorkerTestData;
import org.wushe.directory.socialworkers.SocialWorkers;

/**
 * The shared pager fragment (templates/fragments/pager.html) on the staff lists: the total, previous / next, page x
 * of y and the page-size choice, with the filters carried along — by page-number links where the list has them
 * (organisations), by small GET forms where it does not (social workers), pages counted from 1 everywhere.
 */
@WusheIntegrationTest
class PagerFragmentTests {

    static final Staff XUHUI = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").named("xuhui-pager-admin");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Organisations organisations;

    @Autowired
    SocialWorkers socialWorkers;

    @Test
    void theOrganisationListShowsTheTotalPageLinksWithItsFiltersAndThePageSize() {
        String m = marker();
        for (int i = 0; i < 12; i++) {
            String name = "分页社工站" + i + m;
            XUHUI.call(() -> organisations.create(draft(OrgType.STATION, name, "310104", phone())));
        }
        String encoded = URLEncoder.encode(m, StandardCharsets.UTF_8);
        assertThat(mvc.get()
                        .uri("/organisations")
                        .param("name", m)
                        .param("size", "10")
                        .param("page", "2")
                        .with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "id=\"organisation-pagination\"",
                        "id=\"organisation-total\"",
                        "共 12 条",
                        "页，共 2 页",
                        "每页条数",
                        "id=\"organisation-size\"",
                        "<option value=\"10\" selected",
                        "<option value=\"50\">50</option>",
                        "id=\"organisation-page\"",
                        "value=\"2\"",
                        "上一页",
                        "下一页",
                        "aria-current=\"page\"")
                .contains("/organisations?name=" + encoded + "&amp;page=1&amp;size=10")
                .contains("<input type=\"hidden\" name=\"name\" value=\"" + m + "\"")
                .doesNotContain("id=\"organisation-next\"", "th:");
        assertThat(mvc.get().uri("/organisations").param("name", m + "无").with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"organisation-total\"", "共 0 条")
                .doesNotContain("id=\"organisation-size\"");
    }

    @Test
    void theSocialWorkerListShowsTheTotalPreviousNextFormsWithItsFiltersAndThePageSize() throws Exception {
        String m = marker();
        for (int i = 0; i < 11; i++) {
            String name = "分页社工" + i + m;
            XUHUI.call(() -> socialWorkers.create(
                    SocialWorkerTestData.draft(name, SocialWorkerTestData.idNumber(), phone(), "310104", List.of())));
        }
        String first = mvc.get()
                .uri("/social-workers")
                .param("name", m)
                .param("size", "10")
                .with(XUHUI.request())
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(first)
                .contains(
                        "id=\"social-worker-pagination\"",
                        "id=\"social-worker-total\"",
                        "共 11 条",
                        "页，共 2 页",
                        "每页条数",
                        "id=\"social-worker-size\"",
                        "<option value=\"10\" selected",
                        "id=\"social-worker-next\"",
                        "下一页")
                .doesNotContain("id=\"social-worker-previous\"");
        String next = first.substring(first.indexOf("id=\"social-worker-next\""));
        next = next.substring(0, next.indexOf("</form>"));
        assertThat(next)
                .contains(
                        "name=\"name\" value=\"" + m + "\"", "name=\"size\" value=\"10\"", "name=\"page\" value=\"2\"");

        assertThat(mvc.get()
                        .uri("/social-workers")
                        .param("name", m)
                        .param("size", "10")
                        .param("page", "2")
                        .with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("共 11 条", "id=\"social-worker-previous\"")
                .doesNotContain("id=\"social-worker-next\"");
    }

    @Test
    void theAccountListCountsPagesFromOneLikeTheOthers() {
        Staff admin = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry().named("pager-account-admin");
        assertThat(mvc.get().uri("/accounts").param("size", "10").with(admin.request()))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "id=\"account-pagination\"",
                        "id=\"account-total\"",
                        "每页条数",
                        "id=\"account-size\"",
                        "<option value=\"10\" selected",
                        "id=\"account-page\"",
                        "value=\"1\"");
    }
}
