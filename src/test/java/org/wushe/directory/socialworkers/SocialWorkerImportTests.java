package org.wushe.directory.socialworkers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wushe.directory.DirectoryTestData.marker;
import static org.wushe.directory.DirectoryTestData.phone;
import static org.wushe.directory.socialworkers.SocialWorkerTestData.idNumber;
import static org.wushe.directory.socialworkers.SocialWorkerTestData.withWrongCheck;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.Availability;
import org.wushe.directory.DirectoryTestData;
import org.wushe.directory.OrgType;
import org.wushe.directory.Qualification;
import org.wushe.directory.Specialty;
import org.wushe.directory.imports.ImportSummary;
import org.wushe.directory.organisations.Organisations;
import org.wushe.shared.InvalidValueException;

/** Importing social workers: only the valid rows are written, every rejected row comes back with its reasons. */
@WusheIntegrationTest
class SocialWorkerImportTests {

    static final Staff XUHUI = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").named("xuhui-sw-importer");
    static final List<String> HEADER =
            List.of("姓名", "身份证号", "手机号", "职业资格", "证书编号", "专长领域", "是否党员", "报到社区", "在岗状态", "所属区划", "所属机构", "服务区划");

    @Autowired
    SocialWorkerImports imports;

    @Autowired
    SocialWorkers socialWorkers;

    @Autowired
    Organisations organisations;

    @Test
    void tenThousandRowsWithThreePercentBadWriteExactlyTheGoodOnesAndReturnTheBadWithReasons() throws IOException {
        String m = marker();
        String orgName = "导入机构" + m;
        XUHUI.call(() -> organisations.create(DirectoryTestData.draft(OrgType.AGENCY, orgName, "310104", null)));
        String existing = idNumber();
        XUHUI.call(
                () -> socialWorkers.create(SocialWorkerTestData.draft("已有" + m, existing, null, "310104", List.of())));

        Map<Integer, String> expectedReason = new HashMap<>(); // spreadsheet row number → a reason it must give
        List<String> firstIds = new ArrayList<>();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("社工");
            write(sheet.createRow(0), HEADER);
            String[] kinds = {"checksum", "phone", "qualification", "inFile", "database"};
            int bad = 0;
            for (int i = 1; i <= 10_000; i++) {
                String id = idNumber();
                String phone = phone();
                String qualification = i % 4 == 0 ? "高级社工师" : "助理社工师";
                if (i % 100 == 7 || i % 100 == 37 || i % 100 == 77) {
                    String kind = kinds[bad++ % kinds.length];
                    switch (kind) {
                        case "checksum" -> {
                            id = withWrongCheck(id);
                            expectedReason.put(i + 1, "身份证号：身份证号码校验位不正确");
                        }
                        case "phone" -> {
                            phone = "1234567";
                            expectedReason.put(i + 1, "手机号：");
                        }
                        case "qualification" -> {
                            qualification = "社工大师";
                            expectedReason.put(i + 1, "职业资格：职业资格“社工大师”不正确");
                        }
                        case "inFile" -> {
                            id = firstIds.get(bad);
                            expectedReason.put(i + 1, "身份证号：与文件第");
                        }
                        default -> {
                            // the first is refused against the database, the later ones repeat it within the file
                            expectedReason.put(
                                    i + 1,
                                    id == null || expectedReason.containsValue("身份证号：该身份证号已登记为社工")
                                            ? "身份证号：与文件第"
                                            : "身份证号：该身份证号已登记为社工");
                            id = existing;
                        }
                    }
                } else {
                    firstIds.add(id);
                }
                write(
                        sheet.createRow(i),
                        List.of(
                                "社工" + i + m,
                                id,
                                phone,
                                qualification,
                                "",
                                "医务社工、老年人",
                                i % 3 == 0 ? "是" : "否",
                                "",
                                "在岗",
                                "310104",
                                orgName,
                                "310104003,310104004"));
            }
            workbook.write(file);
        }
        assertThat(expectedReason).hasSize(300);

        ImportSummary summary =
                XUHUI.call(() -> imports.importFile("社工.xlsx", new ByteArrayInputStream(file.toByteArray())));
        System.out.printf(
                "[import] 10,000-row xlsx (%,d bytes): %,d ms; read %d, written %d, rejected %d%n",
                file.size(), summary.elapsedMillis(), summary.read(), summary.written(), summary.rejected());

        assertThat(summary.read()).isEqualTo(10_000);
        assertThat(summary.written()).isEqualTo(9_700);
        assertThat(summary.rejected()).isEqualTo(300);
        assertThat(XUHUI.call(() -> socialWorkers.list(SocialWorkerFilter.named(m), 1, 10))
                        .total())
                .as("the 9,700 imported and the one created before")
                .isEqualTo(9_701);
        SocialWorkerRow one = XUHUI.call(() -> socialWorkers.list(SocialWorkerFilter.named("社工1" + m), 1, 10))
                .rows()
                .get(0);
        assertThat(one.organisations()).containsExactly(orgName);
        assertThat(one.specialties()).containsExactly(Specialty.MEDICAL, Specialty.ELDERLY);

        byte[] errors =
                XUHUI.call(() -> imports.errorWorkbook(summary.errorWorkbook())).orElseThrow();
        assertThat(Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                        .in("310104")
                        .named("someone-else")
                        .call(() -> imports.errorWorkbook(summary.errorWorkbook())))
                .as("only the importer's")
                .isEmpty();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(errors))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(12).getStringCellValue()).isEqualTo("错误原因");
            assertThat(sheet.getRow(0).getCell(13).getStringCellValue()).isEqualTo("源行号");
            assertThat(sheet.getLastRowNum()).isEqualTo(300);
            DataFormatter format = new DataFormatter();
            for (int r = 1; r <= 300; r++) {
                Row row = sheet.getRow(r);
                int original = Integer.parseInt(format.formatCellValue(row.getCell(0))
                                .replace(m, "")
                                .substring(2))
                        + 1;
                assertThat(expectedReason).containsKey(original);
                assertThat(row.getCell(13).getNumericCellValue())
                        .as("source row")
                        .isEqualTo(original);
                XSSFCell reason = (XSSFCell) row.getCell(12);
                assertThat(reason.getStringCellValue()).as("row " + original).contains(expectedReason.get(original));
                assertThat(reason.getCellStyle().getFont().getXSSFColor().getARGBHex())
                        .as("red")
                        .endsWith("FF0000");
            }
        }
    }

    @Test
    void aCsvWithABomIsImported() throws IOException {
        String m = marker();
        String good = idNumber();
        String csv = "\uFEFF" + String.join(",", HEADER) + "\r\n"
                + "\"陈,好\"" + m + "," + good + "," + phone() + ",社工师,SW1,心理疏导,是,310104003,休息,310104,,\r\n"
                + "陈坏" + m + "," + withWrongCheck(idNumber()) + ",,,,,,,,310104,,\r\n";
        ImportSummary summary = XUHUI.call(() ->
                imports.importFile("workers.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
        assertThat(summary.read()).isEqualTo(2);
        assertThat(summary.written()).isEqualTo(1);
        assertThat(summary.rejected()).isEqualTo(1);
        SocialWorkerRow row = XUHUI.call(() -> socialWorkers.list(SocialWorkerFilter.named(m), 1, 10))
                .rows()
                .get(0);
        assertThat(row.name()).isEqualTo("陈,好" + m);
        assertThat(row.availability()).isEqualTo(Availability.OFF_DUTY);
        assertThat(row.qualification()).isEqualTo(Qualification.SOCIAL_WORKER);
        assertThat(XUHUI.call(() -> socialWorkers.get(row.id())).reportedCommunity())
                .isEqualTo("310104003");
    }

    @Test
    void aCsvSavedByChineseExcelInGb18030IsImportedAndItsErrorsKeepTheirSourceRows() throws IOException {
        String m = marker();
        String good = idNumber();
        // no BOM, as Excel's "CSV (逗号分隔)" writes it on a Chinese Windows; 䶮 is outside GBK, inside GB18030
        String csv = String.join(",", HEADER) + "\r\n"
                + "刘䶮" + m + "," + good + "," + phone() + ",社工师,SW2,心理疏导,否,,在岗,310104,,\r\n"
                + "陈坏" + m + "," + withWrongCheck(idNumber()) + ",,,,,,,,310104,,\r\n"
                + ",,,,,,,,,,,\r\n"
                + "\u200b\u200b," + idNumber() + ",,,,,,,,310104,,\r\n";
        byte[] bytes = csv.getBytes(Charset.forName("GB18030"));
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .as("not readable as UTF-8")
                .doesNotContain("刘");
        ImportSummary summary = XUHUI.call(() -> imports.importFile("社工名单.csv", new ByteArrayInputStream(bytes)));
        assertThat(summary.written()).isEqualTo(1);
        assertThat(summary.rejected()).isEqualTo(2);
        SocialWorkerRow row = XUHUI.call(() -> socialWorkers.list(SocialWorkerFilter.named(m), 1, 10))
                .rows()
                .get(0);
        assertThat(row.name()).isEqualTo("刘䶮" + m);
        assertThat(row.qualification()).isEqualTo(Qualification.SOCIAL_WORKER);

        byte[] errors =
                XUHUI.call(() -> imports.errorWorkbook(summary.errorWorkbook())).orElseThrow();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(errors))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(13).getStringCellValue()).isEqualTo("源行号");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("陈坏" + m);
            assertThat(sheet.getRow(1).getCell(13).getNumericCellValue()).isEqualTo(3);
            assertThat(sheet.getRow(2).getCell(12).getStringCellValue()).contains("不可见");
            assertThat(sheet.getRow(2).getCell(13).getNumericCellValue())
                    .as("after the blank row 4")
                    .isEqualTo(5);
        }
    }

    @Test
    void oversizedMalformedAndForeignFilesAreRefusedWholeAndNothingIsWritten() {
        String m = marker();
        byte[] big = new byte[21 * 1024 * 1024];
        assertRefused("big.csv", big, "import.file.tooLarge");
        assertRefused("notes.txt", "姓名\n张三".getBytes(StandardCharsets.UTF_8), "import.file.format");
        assertRefused("fake.xlsx", "not a zip".getBytes(StandardCharsets.UTF_8), "import.file.format");
        assertRefused("broken.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0, 0}, "import.file.damaged");
        assertRefused(
                "columns.csv",
                ("姓名,电话\n" + "张" + m + ",13900000000\n").getBytes(StandardCharsets.UTF_8),
                "import.file.columns");
        assertThat(XUHUI.call(() -> socialWorkers.list(SocialWorkerFilter.named(m), 1, 10))
                        .total())
                .isZero();
    }

    @Test
    void theTemplateHasChineseHeadersAndDropdowns() throws IOException {
        byte[] template = XUHUI.call(() -> imports.template());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            List<String> headers = new ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).isEqualTo(HEADER);
            assertThat(sheet.getDataValidations()).hasSize(4);
            assertThat(sheet.getDataValidations())
                    .anySatisfy(v -> assertThat(v.getValidationConstraint().getExplicitListValues())
                            .containsExactly("无", "助理社工师", "社工师", "高级社工师"));
            assertThat(sheet.getDataValidations())
                    .anySatisfy(v -> assertThat(v.getValidationConstraint().getExplicitListValues())
                            .containsExactly("在岗", "休息", "不可用"));
        }
    }

    private void assertRefused(String name, byte[] content, String key) {
        assertThatThrownBy(() -> XUHUI.call(() -> imports.importFile(name, new ByteArrayInputStream(content))))
                .as(name)
                .isInstanceOf(InvalidValueException.class)
                .extracting("messageKey")
                .isEqualTo(key);
    }

    private static void write(Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            row.createCell(i).setCellValue(values.get(i));
        }
    }
}
