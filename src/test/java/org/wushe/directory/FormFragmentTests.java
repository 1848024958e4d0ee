package org.wushe.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.wushe.directory.DirectoryTestData.draft;
import static org.wushe.directory.DirectoryTestData.marker;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.organisations.Organisations;

/**
 * The shared form fragments (templates/fragments/form.html) on the organisation pages: a field's label names its
 * control, a refused field is marked invalid and described by its help and the server's message under it, a good
 * field is left alone; the filter form above the list is a GET search form with its fields, 搜索 / 重置 and the htmx
 * swap of the results.
 */
@WusheIntegrationTest
class FormFragmentTests {

    static final Staff XUHUI = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").named("xuhui-form-admin");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Organisations organisations;

    @Test
    void aRefusedFieldIsMarkedDescribedByItsHelpAndItsMessageAndKeepsTheInput() throws Exception {
        String m = marker();
        long id = XUHUI.call(() -> organisations.create(draft(OrgType.AGENCY, "字段机构" + m, "310104", null)));
        String html = mvc.post()
                .uri("/organisations/" + id)
                .with(XUHUI.request())
                .with(csrf())
                .param("type", "AGENCY")
                .param("name", "字段机构" + m)
                .param("regionCode", "310104")
                .param("contactPhone", "12345")
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains("<label class=\"form-label\" for=\"contactPhone\"><span>联系电话</span></label>");
        assertThat(tag(html, "input", "contactPhone"))
                .contains(
                        "class=\"form-control is-invalid\"",
                        "type=\"tel\"",
                        "value=\"12345\"",
                        "maxlength=\"20\"",
                        "autocomplete=\"off\"",
                        "aria-invalid=\"true\"",
                        "aria-describedby=\"contactPhone-help contactPhone-error\"");
        assertThat(html)
                .containsPattern("<div class=\"form-text\" id=\"contactPhone-help\">[^<]+</div>")
                .contains("<div class=\"invalid-feedback d-block\" id=\"contactPhone-error\">电话号码格式不正确");
        assertThat(html.indexOf("id=\"contactPhone-error\""))
                .as("the message sits under its field")
                .isGreaterThan(html.indexOf("id=\"contactPhone\""));

        assertThat(html)
                .contains("<label class=\"form-label\" for=\"name\"><span>名称</span> "
                        + "<span class=\"text-danger\" aria-hidden=\"true\">*</span></label>");
        assertThat(tag(html, "input", "name"))
                .as("a good field is not marked")
                .contains("required", "value=\"字段机构" + m + "\"")
                .doesNotContain("is-invalid", "aria-invalid", "aria-describedby");
        assertThat(tag(html, "select", "type")).contains("required").doesNotContain("is-invalid");
        assertThat(html)
                .contains("<option value=\"AGENCY\" selected=\"selected\">")
                .doesNotContain("id=\"name-error\"", "id=\"organisation-error\"", "th:");
    }

    @Test
    void theFilterFormIsAGetSearchWithItsFieldsSearchResetAndTheResultsSwap() throws Exception {
        String m = marker();
        String html = mvc.get()
                .uri("/organisations")
                .param("name", m)
                .param("type", "AGENCY")
                .param("size", "50")
                .with(XUHUI.request())
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String form = html.substring(html.indexOf("<form id=\"organisation-filter\""));
        form = form.substring(0, form.indexOf("</form>")).replaceAll("\\s+", " ");

        assertThat(form)
                .startsWith("<form id=\"organisation-filter\" class=\"row g-2 align-items-end mb-3\" "
                        + "method=\"get\" action=\"/organisations\" role=\"search\" hx-get=\"/organisations\" "
                        + "hx-target=\"#organisation-results\" hx-swap=\"outerHTML\" hx-push-url=\"true\">");
        assertThat(form)
                .contains(
                        "<label class=\"form-label\" for=\"filter-name\"><span>名称</span></label>",
                        "<label class=\"form-label\" for=\"filter-type\"><span>类型</span></label>",
                        "<option value=\"\">全部</option>",
                        "<option value=\"AGENCY\" selected=\"selected\">",
                        "<input type=\"hidden\" name=\"size\" value=\"50\">",
                        "<button class=\"btn btn-primary\" type=\"submit\" id=\"organisation-search\">搜索</button>",
                        "<a class=\"btn btn-outline-secondary\" href=\"/organisations\" id=\"organisation-reset\">重置</a>");
        assertThat(tag(form, "input", "filter-name"))
                .contains("name=\"name\"", "value=\"" + m + "\"", "maxlength=\"100\"")
                .doesNotContain("is-invalid", "aria-describedby", "required");
        // the region filter is the cascader (any level, optional), not a field for a code
        assertThat(tag(form, "div", "cascader-region")).contains("data-region-cascader");
        assertThat(tag(form, "input", "cascader-region-code")).contains("name=\"region\"");
        assertThat(form).doesNotContain("th:", "invalid-feedback d-block", "is-invalid");
    }

    /** The opening tag of the element with this name and id. */
    private static String tag(String html, String element, String id) {
        Matcher matcher =
                Pattern.compile("<" + element + "[^>]*id=\"" + id + "\"[^>]*>").matcher(html);
        assertThat(matcher.find()).as(id).isTrue();
        return matcher.group();
    }
}
