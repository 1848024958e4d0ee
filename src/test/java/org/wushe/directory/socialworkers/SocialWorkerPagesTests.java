package org.wushe.directory.socialworkers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.wushe.directory.DirectoryTestData.marker;
import static org.wushe.directory.DirectoryTestData.phone;
import static org.wushe.directory.socialworkers.SocialWorkerTestData.draft;
import static org.wushe.directory.socialworkers.SocialWorkerTestData.idNumber;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.ImportPolling;
import org.wushe.directory.Qualification;

/** The social-worker pages and API as staff use them: masked values, scoping, export, import flow. */
@WusheIntegrationTest
class SocialWorkerPagesTests {

    static final Staff XUHUI = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").named("xuhui-sw-page-admin");
    static final Staff HUANGPU = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310101").named("huangpu-sw-page-admin");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    SocialWorkers socialWorkers;

    @Test
    void aSocialWorkerWithoutPhoneOrCertificateIsExportedToo() throws IOException {
        // found by the authorisation matrix: the export answered 500 (List.of refused the null optional fields)
        String m = marker();
        XUHUI.run(() -> socialWorkers.create(new SocialWorkerDraft(
                "吴静" + m,
                idNumber(),
                null,
                "NONE",
                null,
                List.of("COMMUNITY"),
                false,
                null,
                "ON_DUTY",
                "310104",
                List.of(),
                List.of("310104"))));
        var export = mvc.get()
                .uri("/api/v1/social-workers/export")
                .param("name", m)
                .with(XUHUI.request())
                .exchange();
        assertThat(export).hasStatusOk();
        try (XSSFWorkbook workbook =
                new XSSFWorkbook(new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
            assertThat(new DataFormatter()
                            .formatCellValue(workbook.getSheetAt(0).getRow(1).getCell(1)))
                    .isEqualTo("吴静" + m);
        }
    }

    @Test
    void theListDetailAndExportShowMaskedValuesOnlyAndOnlyInScope() throws IOException {
        String m = marker();
        String id = idNumber();
        String phone = phone();
        long sw = XUHUI.call(() -> socialWorkers.create(draft("周敏" + m, id, phone, "310104", List.of())));
        String maskedId = id.substring(0, 3) + "***********" + id.substring(14);

        assertThat(mvc.get().uri("/social-workers").param("name", m).with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("社工人员", "共 1 条", "周敏" + m, maskedId, "社工师", "医务社工", "导出", "导入")
                .doesNotContain(id)
                .doesNotContain(phone);
        assertThat(mvc.get().uri("/social-workers").param("name", m).with(HUANGPU.request()))
                .hasStatusOk()
                .bodyText()
                .contains("共 0 条", "没有符合条件的社工");
        assertThat(mvc.get().uri("/social-workers/" + sw).with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("周敏" + m, maskedId, phone.substring(0, 3) + "****" + phone.substring(7))
                .doesNotContain(id)
                .doesNotContain(phone);
        assertThat(mvc.get().uri("/social-workers/" + sw).with(HUANGPU.request()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/social-workers/" + sw).with(HUANGPU.request()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.post()
                        .uri("/social-workers/" + sw + "/id-number")
                        .param("reason", "核实身份")
                        .with(XUHUI.request())
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains(id);
        assertThat(mvc.get().uri("/social-workers/counts").with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("社工人数统计", "310104");

        var export = mvc.get()
                .uri("/social-workers/export")
                .param("name", m)
                .with(XUHUI.request())
                .exchange();
        assertThat(export).hasStatusOk();
        try (XSSFWorkbook workbook =
                new XSSFWorkbook(new ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            DataFormatter f = new DataFormatter();
            assertThat(f.formatCellValue(sheet.getRow(1).getCell(1))).isEqualTo("周敏" + m);
            assertThat(f.formatCellValue(sheet.getRow(1).getCell(2))).isEqualTo(maskedId);
        }
        var other = mvc.get()
                .uri("/api/v1/social-workers/export")
                .param("name", m)
                .with(HUANGPU.request())
                .exchange();
        try (XSSFWorkbook workbook =
                new XSSFWorkbook(new ByteArrayInputStream(other.getResponse().getContentAsByteArray()))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isZero();
        }
    }

    @Test
    void theApiCreatesRefusesADuplicateAndImportsWithAnErrorWorkbookUrl() throws IOException {
        String m = marker();
        String id = idNumber();
        String body = """
                {"name":"吴静%s","idNumber":"%s","phone":"%s","qualification":"ASSISTANT","specialties":["COMMUNITY"],
                 "partyMember":false,"availability":"ON_DUTY","regionCode":"310104"}""".formatted(m, id, phone());
        assertThat(mvc.post()
                        .uri("/api/v1/social-workers")
                        .contentType("application/json")
                        .content(body)
                        .with(XUHUI.request())
                        .with(csrf()))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("maskedIdNumber")
                .isEqualTo(id.substring(0, 3) + "***********" + id.substring(14));
        assertThat(mvc.post()
                        .uri("/api/v1/social-workers")
                        .contentType("application/json")
                        .content(body)
                        .with(XUHUI.request())
                        .with(csrf()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("该身份证号已登记为社工");

        String csv = "姓名,身份证号,手机号,职业资格,所属区划\n"
                + "甲" + m + "," + idNumber() + "," + phone() + ",社工师,310104\n"
                + "乙" + m + "," + id + ",,社工师,310104\n";
        var upload = mvc.post()
                .uri("/api/v1/social-workers/import")
                .multipart()
                .file(new MockMultipartFile("file", "w.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(XUHUI.request())
                .with(csrf())
                .exchange();
        assertThat(upload).hasStatusOk().bodyJson().extractingPath("written").isEqualTo(1);
        assertThat(upload).bodyJson().extractingPath("rejected").isEqualTo(1);
        String url = JsonPath.read(upload.getResponse().getContentAsString(), "$.errorWorkbookUrl");
        assertThat(mvc.get().uri(url).with(XUHUI.request()))
                .hasStatusOk()
                .hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        assertThat(mvc.post()
                        .uri("/api/v1/social-workers/import")
                        .multipart()
                        .file(new MockMultipartFile("file", "w.pdf", "application/pdf", new byte[] {1, 2, 3}))
                        .with(XUHUI.request())
                        .with(csrf()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("只能导入 xlsx 或 csv 文件");
        assertThat(mvc.get().uri("/api/v1/social-workers/import-template").with(XUHUI.request()))
                .hasStatusOk();
    }

    @Test
    void theImportPageRunsInTheBackgroundAndShowsTheSummaryAndTheErrorLink() throws Exception {
        String m = marker();
        String csv = "姓名,身份证号,所属区划\n" + "丙" + m + "," + idNumber() + ",310104\n" + "丁" + m + ",123,310104\n";
        assertThat(mvc.get().uri("/social-workers/import").with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("批量导入社工", "下载导入模板");
        String job = ImportPolling.upload(mvc, XUHUI, "social-workers", "w.csv", csv);
        String last = ImportPolling.done(mvc, XUHUI, job);
        assertThat(last).contains("读取 2 行，写入 1 行，拒绝 1 行。", "下载错误明细");
        assertThat(mvc.get().uri(job).with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("批量导入社工", "读取 2 行，写入 1 行，拒绝 1 行。");
        assertThat(mvc.get().uri(job).with(HUANGPU.request()))
                .as("another user's job")
                .hasStatus(HttpStatus.BAD_REQUEST);

        String refused = ImportPolling.upload(mvc, XUHUI, "social-workers", "w.txt", new byte[] {1});
        assertThat(ImportPolling.done(mvc, XUHUI, refused)).contains("只能导入 xlsx 或 csv 文件");
        assertThat(mvc.post()
                        .uri("/social-workers/import")
                        .multipart()
                        .file(new MockMultipartFile("file", "w.csv", "text/csv", new byte[0]))
                        .with(XUHUI.request())
                        .with(csrf()))
                .hasStatusOk()
                .bodyText()
                .contains("请选择要导入的文件");
        assertThat(mvc.get().uri("/social-workers/import/template").with(XUHUI.request()))
                .hasStatusOk();
    }

    @Test
    void eachBadFieldIsMarkedWithItsOwnMessageAndTheInputIsKept() throws Exception {
        String m = marker();
        String badId = SocialWorkerTestData.withWrongCheck(idNumber());
        String html = mvc.post()
                .uri("/social-workers")
                .with(XUHUI.request())
                .with(csrf())
                .param("name", "字段社工" + m)
                .param("idNumber", badId)
                .param("phone", "12345")
                .param("regionCode", "310104999")
                .param("qualification", "SOCIAL_WORKER")
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(tag(html, "sw-id"))
                .contains("is-invalid", "value=\"" + badId + "\"", "aria-describedby=\"sw-id-error\"");
        assertThat(feedbackAfter(html, "sw-id")).contains("身份证号码校验位不正确");
        assertThat(tag(html, "sw-phone")).contains("is-invalid", "value=\"12345\"");
        assertThat(feedbackAfter(html, "sw-phone")).isNotBlank();
        assertThat(html).as("the cascader keeps the refused code").contains("name=\"regionCode\" value=\"310104999\"");
        assertThat(html).containsPattern("id=\"sw-region-error\">[^<]*310104999");
        assertThat(tag(html, "sw-name"))
                .as("a good field is not marked")
                .doesNotContain("is-invalid")
                .contains("value=\"字段社工" + m + "\"");
        assertThat(html).containsPattern("<option value=\"SOCIAL_WORKER\" selected");
    }

    /** The opening tag of the input or select with this id. */
    private static String tag(String html, String id) {
        var matcher =
                Pattern.compile("<(input|select)[^>]*id=\"" + id + "\"[^>]*>").matcher(html);
        assertThat(matcher.find()).as(id).isTrue();
        return matcher.group();
    }

    /** The text of the invalid-feedback that follows the field with this id (its select options skipped). */
    private static String feedbackAfter(String html, String id) {
        var matcher = Pattern.compile("id=\"" + id + "\"[\\s\\S]*?<div class=\"invalid-feedback[^\"]*\" id=\"" + id
                        + "-error\">([^<]*)</div>")
                .matcher(html);
        assertThat(matcher.find()).as(id).isTrue();
        return matcher.group(1);
    }

    @Test
    void theFormCreatesEditsAndARejectedFormKeepsTheInputWithTheReason() {
        String m = marker();
        String id = idNumber();
        assertThat(mvc.get().uri("/social-workers/new").with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("新建社工", "身份证号", "type=\"tel\"", "高级社工师");
        assertThat(mvc.post()
                        .uri("/social-workers")
                        .with(XUHUI.request())
                        .with(csrf())
                        .param("name", "表单社工" + m)
                        .param("idNumber", SocialWorkerTestData.withWrongCheck(id))
                        .param("regionCode", "310104"))
                .hasStatusOk()
                .bodyText()
                .contains("身份证号码校验位不正确", "表单社工" + m);
        var created = mvc.post()
                .uri("/social-workers")
                .with(XUHUI.request())
                .with(csrf())
                .param("name", "表单社工" + m)
                .param("idNumber", id)
                .param("regionCode", "310104")
                .param("qualification", "ASSISTANT")
                .param("specialties", "ELDERLY", "FAMILY")
                .param("availability", "ON_DUTY")
                .exchange();
        assertThat(created).hasStatus3xxRedirection();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(mvc.get().uri(location).with(XUHUI.request())).bodyText().contains("老年人", "婚姻家庭");
        long sw = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(mvc.get().uri("/social-workers/" + sw + "/edit").with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("编辑社工", "表单社工" + m)
                .doesNotContain(id);
        assertThat(mvc.post()
                        .uri("/social-workers/" + sw)
                        .with(XUHUI.request())
                        .with(csrf())
                        .param("name", "改名" + m)
                        .param("regionCode", "310104")
                        .param("qualification", "SENIOR")
                        .param("availability", "OFF_DUTY"))
                .hasStatus3xxRedirection();
        SocialWorkerDetails after = XUHUI.call(() -> socialWorkers.get(sw));
        assertThat(after.name()).isEqualTo("改名" + m);
        assertThat(after.maskedIdNumber()).as("a blank ID number keeps it").endsWith(id.substring(14));
        assertThat(after.qualification()).isEqualTo(Qualification.SENIOR);
    }
}
