package org.wushe.directory.organisations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.wushe.directory.DirectoryTestData.creditCode;
import static org.wushe.directory.DirectoryTestData.marker;
import static org.wushe.directory.DirectoryTestData.phone;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.ImportFiles;
import org.wushe.directory.ImportPolling;
import org.wushe.directory.OrgType;
import org.wushe.directory.imports.ImportSummary;
import org.wushe.shared.CreditCode;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.PhoneNumber;

/** Importing organisations: credit codes, types, regions, scope, parents and duplicates checked row by row. */
@WusheIntegrationTest
class OrganisationImportTests {

    static final Staff XUHUI = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").named("xuhui-org-importer");
    static final List<String> HEADER = List.of("组织类型", "组织名称", "统一社会信用代码", "所在区划", "地址", "联系人", "联系电话", "上级机构", "服务区划");

    @Autowired
    OrganisationImports imports;

    @Autowired
    Organisations organisations;

    @Autowired
    MockMvcTester mvc;

    @Test
    void aFileWithBadRowsWritesExactlyTheGoodOnesAndReturnsEveryBadOneWithItsReason() throws Exception {
        String m = marker();
        String existingCode = creditCode();
        String parentName = "上级" + m;
        XUHUI.call(() -> organisations.create(new OrganisationDraft(
                "ASSOCIATION", parentName, existingCode, "310104", null, null, null, null, List.of())));
        String good = creditCode();
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        List<List<String>> rows = List.of(
                List.of("社会工作服务机构", "好机构甲" + m, good, "310104", "徐汇区某路1号", "王芳", phone(), parentName, ""),
                List.of("STATION", "好机构乙" + m, "", "310104003", "", "", "", "", "310104003、310104004"),
                List.of("社会工作服务机构", "坏信用代码" + m, badCheck, "310104", "", "", "", "", ""),
                List.of("外星机构", "坏类型" + m, "", "310104", "", "", "", "", ""),
                List.of("学校", "坏区划" + m, "", "310104999", "", "", "", "", ""),
                List.of("学校", "范围外" + m, "", "310101", "", "", "", "", ""),
                List.of("学校", "文件内重复" + m, good, "310104", "", "", "", "", ""),
                List.of("学校", "库内重复" + m, existingCode, "310104", "", "", "", "", ""),
                List.of("学校", "坏电话" + m, "", "310104", "", "", "12345", "", ""),
                List.of("学校", "坏上级" + m, "", "310104", "", "", "", "不存在的机构" + m, ""),
                List.of("学校", "", "", "310104", "", "", "", "", ""));

        ImportSummary summary = XUHUI.call(
                () -> imports.importFile("机构.xlsx", new ByteArrayInputStream(ImportFiles.xlsx(HEADER, rows))));

        assertThat(summary.read()).isEqualTo(11);
        assertThat(summary.written()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(9);
        OrganisationPage page =
                XUHUI.call(() -> organisations.list(new OrganisationFilter(null, null, null, m), 1, 100));
        List<OrganisationRow> written =
                page.rows().stream().filter(r -> !r.name().equals(parentName)).toList();
        assertThat(written).extracting(OrganisationRow::name).containsExactlyInAnyOrder("好机构甲" + m, "好机构乙" + m);
        OrganisationRow first = written.stream()
                .filter(r -> r.name().startsWith("好机构甲"))
                .findFirst()
                .orElseThrow();
        OrganisationDetails details = XUHUI.call(() -> organisations.get(first.id()));
        assertThat(details.type()).isEqualTo(OrgType.AGENCY);
        assertThat(details.creditCode()).isEqualTo(good);
        assertThat(details.parentName()).isEqualTo(parentName);
        assertThat(details.maskedContactPhone()).contains("****");
        OrganisationRow second = written.stream()
                .filter(r -> r.name().startsWith("好机构乙"))
                .findFirst()
                .orElseThrow();
        assertThat(XUHUI.call(() -> organisations.get(second.id())).servedRegions())
                .containsExactly("310104003", "310104004");

        List<List<String>> errors = ImportFiles.errorRows(
                XUHUI.call(() -> imports.errorWorkbook(summary.errorWorkbook())).orElseThrow());
        assertThat(errors)
                .extracting(r -> r.get(1) + " → " + r.get(9))
                .containsExactly(
                        "坏信用代码" + m + " → 统一社会信用代码：" + reasonOf(badCheck),
                        "坏类型" + m + " → 组织类型：组织类型“外星机构”不正确，请从下拉列表选择。",
                        "坏区划" + m + " → 所在区划：区划代码 310104999 不存在。",
                        "范围外" + m + " → 所在区划：区划 310101 不在您的数据范围内。",
                        "文件内重复" + m + " → 统一社会信用代码：与文件第 2 行重复。",
                        "库内重复" + m + " → 统一社会信用代码：该统一社会信用代码已被其他组织使用。",
                        "坏电话" + m + " → 联系电话：" + reasonOfPhone(),
                        "坏上级" + m + " → 上级机构：机构“不存在的机构" + m + "”不存在或不在您的数据范围内（请填写统一社会信用代码或机构全称）。",
                        " → 组织名称：请填写组织名称。");
    }

    private String reasonOf(String badCode) {
        return message(() -> CreditCode.parse(badCode));
    }

    private String reasonOfPhone() {
        return message(() -> PhoneNumber.parse("12345"));
    }

    @Autowired
    MessageSource messages;

    private String message(Runnable parse) {
        try {
            parse.run();
        } catch (InvalidValueException e) {
            return messages.getMessage(e.messageKey(), e.arguments(), Locale.SIMPLIFIED_CHINESE);
        }
        throw new AssertionError("expected a bad value");
    }

    @Test
    void theTemplateOffersEveryTypeAndOnlyWritersMayImport() throws Exception {
        byte[] template = XUHUI.call(() -> imports.template());
        assertThat(ImportFiles.headers(template)).isEqualTo(HEADER);
        assertThat(ImportFiles.dropdowns(template))
                .containsExactly(List.of(
                        "社会工作者协会",
                        "社会工作服务机构",
                        "街镇社工站",
                        "村（社区）社工室",
                        "社区志愿服务站",
                        "医院社工部",
                        "社区两委（居委会/村委会）",
                        "志愿服务组织",
                        "慈善组织",
                        "基金会",
                        "事业单位",
                        "学校"));
        Staff worker = Staff.as(Role.SOCIAL_WORKER).in("310104");
        Assertions.assertThatThrownBy(() -> worker.call(() -> imports.template()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(mvc.get().uri("/organisations/import").with(worker.request()))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void thePageAndTheApiImportInTheBackgroundAndInScope() throws Exception {
        String m = marker();
        String csv = String.join(",", HEADER) + "\n" + "学校,页面学校" + m + ",," + "310104,,,,,\n" + "学校,黄浦学校" + m
                + ",,310101,,,,,\n";
        assertThat(mvc.get().uri("/organisations/import").with(XUHUI.request()))
                .hasStatusOk()
                .bodyText()
                .contains("批量导入组织机构", "下载导入模板");
        String job = ImportPolling.upload(mvc, XUHUI, "organisations", "o.csv", csv);
        assertThat(ImportPolling.done(mvc, XUHUI, job)).contains("读取 2 行，写入 1 行，拒绝 1 行。", "下载错误明细");

        var accepted = mvc.post()
                .uri("/api/v1/organisations/import")
                .param("async", "true")
                .multipart()
                .file(new MockMultipartFile(
                        "file",
                        "o.csv",
                        "text/csv",
                        csv.replace("学校" + m, "学校二" + m).getBytes(StandardCharsets.UTF_8)))
                .with(XUHUI.request())
                .with(csrf())
                .exchange();
        assertThat(accepted).hasStatus(HttpStatus.ACCEPTED);
        String statusUrl = JsonPath.read(accepted.getResponse().getContentAsString(), "$.statusUrl");
        String state = "RUNNING";
        for (int i = 0; i < 600 && state.equals("RUNNING"); i++) {
            Thread.sleep(100);
            state = JsonPath.read(
                    mvc.get()
                            .uri(statusUrl)
                            .with(XUHUI.request())
                            .exchange()
                            .getResponse()
                            .getContentAsString(),
                    "$.state");
        }
        assertThat(mvc.get().uri(statusUrl).with(XUHUI.request()))
                .bodyJson()
                .extractingPath("$.written")
                .isEqualTo(1);
        assertThat(mvc.get().uri("/api/v1/organisations/import-template").with(XUHUI.request()))
                .hasStatusOk();
        assertThat(XUHUI.call(() -> organisations.list(new OrganisationFilter(null, null, null, m), 1, 10))
                        .total())
                .isEqualTo(2);
    }
}
