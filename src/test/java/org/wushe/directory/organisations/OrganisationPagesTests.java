package org.wushe.directory.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.wushe.directory.DirectoryTestData.draft;
import static org.wushe.directory.DirectoryTestData.marker;
import static org.wushe.directory.DirectoryTestData.phone;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.OrgType;

/** The organisation pages and API as staff use them: Chinese pages, scoping, the form, the xlsx export. */
@WusheIntegrationTest
class OrganisationPagesTests {

    static final Staff XUHUI = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").named("xuhui-dir-page-admin");
    static final Staff HUANGPU = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310101").named("huangpu-dir-page-admin");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    Organisations organisations;

    @Test
    void theListAndDetailPagesRenderInChineseWithTheTotalAndAMaskedPhone() {
        String m = marker();
        String phone = phone();
        long id = XUHUI.call(() -> organisations.create(draft(OrgType.STATION, "枫林路街道社工站" + m, "310104", phone)));

        assertThat(mvc.get().uri("/organisations").param("name", m).with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "组织机构",
                        "类型",
                        "区划",
                        "状态",
                        "名称",
                        "搜索",
                        "重置",
                        "共 1 条",
                        "导出",
                        "街镇社工站",
                        "枫林路街道社工站" + m,
                        "/organisations/export?name=")
                .doesNotContain(phone);
        assertThat(mvc.get().uri("/organisations").param("name", m + "无").with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("共 0 条", "没有符合条件的组织");
        assertThat(mvc.get().uri("/organisations").param("size", "7").with(XUHUI.request()))
                .hasStatus(HttpStatus.BAD_REQUEST);

        assertThat(mvc.get().uri("/organisations/" + id).with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("枫林路街道社工站" + m, "正常", phone.substring(0, 3) + "****" + phone.substring(7), "暂停", "认证")
                .doesNotContain(phone);
        assertThat(mvc.get().uri("/organisations/" + id).with(HUANGPU.request()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/organisations/" + id + "/contact-phone")
                        .param("reason", "派单联系")
                        .with(XUHUI.request())
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains(phone);

        assertThat(mvc.post()
                        .uri("/organisations/" + id + "/suspend")
                        .with(XUHUI.request())
                        .with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/organisations/" + id).with(XUHUI.request()))
                .bodyText()
                .contains("已暂停", "恢复");
    }

    @Test
    void theFormCreatesAndARejectedFormComesBackWithTheInputAndTheReason() {
        String m = marker();
        assertThat(mvc.get().uri("/organisations/new").with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("新建组织", "统一社会信用代码", "type=\"tel\"");
        var rejected = mvc.post()
                .uri("/organisations")
                .with(XUHUI.request())
                .with(csrf())
                .param("type", "AGENCY")
                .param("name", "表单机构" + m)
                .param("regionCode", "310104")
                .param("contactPhone", "12345");
        assertThat(rejected).hasStatusOk().bodyText().contains("电话号码格式不正确", "表单机构" + m, "is-invalid");
        assertThat(XUHUI.call(() -> organisations.list(new OrganisationFilter(null, null, null, m), 1, 10))
                        .total())
                .isZero();

        var created = mvc.post()
                .uri("/organisations")
                .with(XUHUI.request())
                .with(csrf())
                .param("type", "AGENCY")
                .param("name", "表单机构" + m)
                .param("regionCode", "310104")
                .param("servedRegions", "310104003, 310104004")
                .exchange();
        assertThat(created).hasStatus3xxRedirection();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(mvc.get().uri(location).with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("表单机构" + m, "社会工作服务机构", "310104003", "310104004");
        assertThat(mvc.get().uri(location + "/edit").with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("编辑组织", "表单机构" + m);
    }

    @Test
    void theExportHoldsExactlyTheFilteredRowsWithFormulasNeutralised() throws IOException {
        String m = marker();
        long plain = XUHUI.call(() -> organisations.create(draft(OrgType.CHARITY, "徐汇慈善" + m, "310104", null)));
        long formula = XUHUI.call(() -> organisations.create(draft(OrgType.CHARITY, "=cmd" + m, "310104003", null)));
        XUHUI.call(() -> organisations.create(draft(OrgType.SCHOOL, "徐汇学校" + m, "310104", null)));
        HUANGPU.call(() -> organisations.create(draft(OrgType.CHARITY, "黄浦慈善" + m, "310101", null)));

        var result = mvc.get()
                .uri("/organisations/export")
                .param("name", m)
                .param("type", "CHARITY")
                .with(XUHUI.request())
                .exchange();
        assertThat(result)
                .hasStatusOk()
                .hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment; filename=\"organisations-")
                .endsWith(".xlsx\"");
        List<List<String>> rows = read(result.getResponse().getContentAsByteArray());
        assertThat(rows.get(0)).containsExactly("编号", "名称", "类型", "统一社会信用代码", "所在区划", "地址", "联系人", "状态", "认证");
        assertThat(rows.subList(1, rows.size()))
                .extracting(r -> r.get(0) + " " + r.get(1) + " " + r.get(2))
                .containsExactlyInAnyOrder(plain + " 徐汇慈善" + m + " 慈善组织", formula + " '=cmd" + m + " 慈善组织");

        var api = mvc.get()
                .uri("/api/v1/organisations/export")
                .param("name", m)
                .with(HUANGPU.request())
                .exchange();
        assertThat(read(api.getResponse().getContentAsByteArray())).hasSize(2);
    }

    @Test
    void theApiIsScopedAndGuarded() throws IOException {
        String m = marker();
        var created = mvc.post()
                .uri("/api/v1/organisations")
                .with(XUHUI.request())
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"VOLUNTEER_ORG\",\"name\":\"徐汇志愿者协会" + m + "\",\"regionCode\":\"310104\","
                        + "\"contactPhone\":\"13812345678\",\"servedRegions\":[\"310104003\"]}")
                .exchange();
        assertThat(created)
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.maskedContactPhone")
                .isEqualTo("138****5678");
        Number id = JsonPath.read(created.getResponse().getContentAsString(StandardCharsets.UTF_8), "$.id");

        assertThat(mvc.get().uri("/api/v1/organisations").param("name", m).with(XUHUI.request()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(1);
        assertThat(mvc.get().uri("/api/v1/organisations").param("name", m).with(HUANGPU.request()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.total")
                .isEqualTo(0);
        assertThat(mvc.get().uri("/api/v1/organisations/" + id).with(HUANGPU.request()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/api/v1/organisations/" + id + "/verify")
                        .with(XUHUI.request())
                        .with(csrf()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.verifiedBy")
                .isEqualTo("xuhui-dir-page-admin");
        assertThat(mvc.post()
                        .uri("/api/v1/organisations/" + id + "/contact-phone/reveal")
                        .with(XUHUI.request())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(
                        mvc.put()
                                .uri("/api/v1/organisations/" + id)
                                .with(XUHUI.request())
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"type\":\"VOLUNTEER_ORG\",\"name\":\"x\",\"regionCode\":\"310104\",\"creditCode\":\"123\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("统一社会信用代码应为18位");

        assertThat(mvc.get().uri("/api/v1/organisations")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post()
                        .uri("/api/v1/organisations")
                        .with(Staff.as(Role.VOLUNTEER).in("310104").request())
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"AGENCY\",\"name\":\"志愿者建的" + m + "\",\"regionCode\":\"310104\"}"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get()
                        .uri("/organisations")
                        .with(Staff.as(Role.VOLUNTEER).in("310104").request()))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    private static List<List<String>> read(byte[] xlsx) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("组织机构");
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    cells.add(row.getCell(i) == null ? "" : format.formatCellValue(row.getCell(i)));
                }
                rows.add(cells);
            }
            return rows;
        }
    }
}
