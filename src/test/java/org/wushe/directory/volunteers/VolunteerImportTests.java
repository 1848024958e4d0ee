package org.wushe.directory.volunteers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wushe.directory.DirectoryTestData.marker;
import static org.wushe.directory.socialworkers.SocialWorkerTestData.idNumber;
import static org.wushe.directory.socialworkers.SocialWorkerTestData.withWrongCheck;
import static org.wushe.directory.volunteers.VolunteerTestData.phone;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.ImportFiles;
import org.wushe.directory.Skill;
import org.wushe.directory.VolunteerStatus;
import org.wushe.directory.imports.ImportSummary;

/** Importing a station's volunteer roster: approved with passport numbers; bad rows returned with reasons. */
@WusheIntegrationTest
class VolunteerImportTests {

    static final Staff STATION = Staff.as(Role.STATION_STAFF).in("310104003").named("tianping-volunteer-importer");
    static final List<String> HEADER = List.of("姓名", "身份证号", "手机号", "技能", "所在社区", "可服务区划", "可服务时间", "紧急联系人", "紧急联系人电话");

    @Autowired
    VolunteerImports imports;

    @Autowired
    Volunteers volunteers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    @Test
    void theGoodRowsComeInApprovedWithPassportsAndEveryBadRowIsReturnedWithItsReason() throws Exception {
        String m = marker();
        String known = idNumber();
        ImportSummary first = STATION.call(() -> imports.importFile(
                "名册.xlsx",
                new ByteArrayInputStream(ImportFiles.xlsx(
                        HEADER, List.of(List.of("老队员" + m, known, phone(), "驾驶", "310104003", "", "", "", ""))))));
        assertThat(first.written()).isEqualTo(1);

        String good = idNumber();
        List<List<String>> rows = List.of(
                List.of("好甲" + m, good, phone(), "驾驶、医疗", "310104003", "310104003", "周末", "李四", phone()),
                List.of("好乙" + m, idNumber(), phone(), "", "310104003", "", "", "", ""),
                List.of("坏号" + m, withWrongCheck(idNumber()), phone(), "", "310104003", "", "", "", ""),
                List.of("坏技能" + m, idNumber(), phone(), "飞行", "310104003", "", "", "", ""),
                List.of("范围外" + m, idNumber(), phone(), "", "310104004", "", "", "", ""),
                List.of("文件内重复" + m, good, phone(), "", "310104003", "", "", "", ""),
                List.of("已登记" + m, known, phone(), "", "310104003", "", "", "", ""),
                List.of("坏电话" + m, idNumber(), "12", "", "310104003", "", "", "", ""));
        ImportSummary summary = STATION.call(
                () -> imports.importFile("名册.xlsx", new ByteArrayInputStream(ImportFiles.xlsx(HEADER, rows))));

        assertThat(summary.read()).isEqualTo(8);
        assertThat(summary.written()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(6);
        List<Long> ids = jdbc.sql("select id from directory_volunteer where name like ? order by id")
                .param("好%" + m)
                .query(Long.class)
                .list();
        assertThat(ids).hasSize(2);
        VolunteerDetails a = STATION.call(() -> volunteers.get(ids.get(0)));
        assertThat(a.name()).isEqualTo("好甲" + m);
        assertThat(a.status()).isEqualTo(VolunteerStatus.APPROVED);
        assertThat(a.passportNo()).matches(VolunteerTestData.PASSPORT).startsWith("WS310104");
        assertThat(a.reviewedBy()).isEqualTo("tianping-volunteer-importer");
        assertThat(a.skills()).containsExactly(Skill.DRIVING, Skill.MEDICAL);
        assertThat(a.servedRegions()).containsExactly("310104003");
        assertThat(a.maskedIdNumber()).doesNotContain(good);
        assertThat(jdbc.sql("select count(*) from directory_volunteer where name like ?")
                        .param("%" + m)
                        .query(Long.class)
                        .single())
                .as("the earlier one and the two good ones")
                .isEqualTo(3);

        List<List<String>> errors =
                ImportFiles.errorRows(STATION.call(() -> imports.errorWorkbook(summary.errorWorkbook()))
                        .orElseThrow());
        assertThat(errors)
                .extracting(r -> r.get(0))
                .containsExactly("坏号" + m, "坏技能" + m, "范围外" + m, "文件内重复" + m, "已登记" + m, "坏电话" + m);
        assertThat(errors)
                .extracting(r -> r.get(9))
                .satisfiesExactly(
                        r -> assertThat(r).startsWith("身份证号：身份证号码校验位不正确"),
                        r -> assertThat(r).isEqualTo("技能：未知的技能：飞行"),
                        r -> assertThat(r).isEqualTo("所在社区：区划 310104004 不在您的数据范围内。"),
                        r -> assertThat(r).isEqualTo("身份证号：与文件第 2 行的身份证号重复。"),
                        r -> assertThat(r).isEqualTo("身份证号：该身份证号已登记为志愿者。"),
                        r -> assertThat(r).startsWith("手机号："));
    }

    @Test
    void theTemplateAndThePageAreThereForReviewersOnly() throws Exception {
        byte[] template = STATION.call(() -> imports.template());
        assertThat(ImportFiles.headers(template)).isEqualTo(HEADER);
        assertThat(ImportFiles.dropdowns(template))
                .containsExactly(List.of("驾驶", "医疗", "心理疏导", "外语 / 方言", "信息技术", "照护", "物资搬运", "其他"));
        assertThat(mvc.get().uri("/volunteers/import").with(STATION.request()))
                .hasStatusOk()
                .bodyText()
                .contains("批量导入志愿者", "直接通过并分配公益护照号");
        assertThat(mvc.get()
                        .uri("/volunteers/import")
                        .with(Staff.as(Role.AGENCY_ADMIN).in("310104").request()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/volunteers").with(STATION.request()))
                .hasStatusOk()
                .bodyText()
                .contains("导入");
    }

    @Test
    void theExportListsOnlyTheScopesVolunteersMaskedAndIsAudited() throws Exception {
        String m = marker();
        Staff otherStation = Staff.as(Role.STATION_STAFF).in("310104004").named("fenglin-volunteer-importer");
        STATION.call(() -> imports.importFile(
                "a.xlsx",
                new ByteArrayInputStream(ImportFiles.xlsx(
                        HEADER,
                        List.of(
                                List.of("天平甲" + m, idNumber(), phone(), "驾驶", "310104003", "", "", "", ""),
                                List.of("天平乙" + m, idNumber(), phone(), "", "310104003", "", "", "", ""))))));
        otherStation.call(() -> imports.importFile(
                "b.xlsx",
                new ByteArrayInputStream(ImportFiles.xlsx(
                        HEADER, List.of(List.of("枫林丙" + m, idNumber(), phone(), "", "310104004", "", "", "", ""))))));

        var result = mvc.get()
                .uri("/volunteers/export")
                .param("status", "APPROVED")
                .with(STATION.request())
                .exchange();
        assertThat(result)
                .hasStatusOk()
                .hasContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        List<Long> ids = jdbc.sql("select id from directory_volunteer where name like ? order by id")
                .param("%" + m)
                .query(Long.class)
                .list();
        assertThat(ids).hasSize(3);
        List<Long> exported = new ArrayList<>();
        try (var book =
                new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("姓名");
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                exported.add((long) row.getCell(0).getNumericCellValue());
                assertThat(row.getCell(1).getStringCellValue()).as("masked").doesNotContain("天平", "枫林");
                assertThat(row.getCell(2).getStringCellValue())
                        .as("the region by name")
                        .endsWith("天平路街道");
            }
        }
        assertThat(exported).contains(ids.get(0), ids.get(1)).doesNotContain(ids.get(2));
        assertThat(mvc.get()
                        .uri("/api/v1/volunteers/export")
                        .with(otherStation.request())
                        .exchange()
                        .getResponse()
                        .getContentAsByteArray())
                .isNotEmpty();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'EXPORT' and entity_type = 'volunteer'"
                                + " and actor = ?")
                        .param("tianping-volunteer-importer")
                        .query(Long.class)
                        .single())
                .isPositive();
    }
}
