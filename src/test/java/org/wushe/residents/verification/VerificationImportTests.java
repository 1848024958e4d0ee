package org.wushe.residents.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wushe.residents.verification.VerificationTestData.COMMUNITY_A;
import static org.wushe.residents.verification.VerificationTestData.HEADER;
import static org.wushe.residents.verification.VerificationTestData.HUANGPU;
import static org.wushe.residents.verification.VerificationTestData.XUHUI_COMMUNITY;
import static org.wushe.residents.verification.VerificationTestData.await;
import static org.wushe.residents.verification.VerificationTestData.campaignName;
import static org.wushe.residents.verification.VerificationTestData.csv;
import static org.wushe.residents.verification.VerificationTestData.idNumber;
import static org.wushe.residents.verification.VerificationTestData.wrongCheck;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.privacy.CryptoService;
import org.wushe.region.Regions;

/**
 * Importing lists: the exact error report of a 100,000-row csv with mixed bad rows, tasks per community, matches
 * with the register, an idempotent re-import that keeps recorded outcomes, whole-file refusals and the importer's
 * scope.
 */
@WusheIntegrationTest
class VerificationImportTests {

    @Autowired
    VerificationCampaigns campaigns;

    @Autowired
    Regions regions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CryptoService crypto;

    @BeforeEach
    void communities() {
        VerificationTestData.loadCommunities(regions);
    }

    /** The communities of 黄浦区 from the demo division data, with their names. */
    static Map<String, String> huangpuCommunities() throws IOException {
        Map<String, String> names = new TreeMap<>();
        try (InputStream in = new ClassPathResource("region/demo-communities-huangpu-xuhui.csv").getInputStream()) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] cells = line.split(",", 2);
                if (cells[0].startsWith("310101")) {
                    names.put(cells[0], cells[1].replace("\"", "").strip());
                }
            }
        }
        return names;
    }

    @Test
    void aHundredThousandRowListWithMixedBadRowsGivesTheExactErrorReportAndTasksPerCommunity() throws IOException {
        List<String> codes = new ArrayList<>(huangpuCommunities().keySet());
        String aName = huangpuCommunities().get(COMMUNITY_A).replace("居委会", "");
        Random random = new Random(2022);
        StringBuilder file = new StringBuilder(HEADER);
        Map<Integer, String> expected = new TreeMap<>(); // spreadsheet row → 错误原因
        Map<String, Integer> perCommunity = new HashMap<>();
        Map<Integer, String> idOfRow = new HashMap<>();
        List<String> onRegister = new ArrayList<>();
        String[] categories = {"低保", "特困", "独居老人", "DISABLED", "", "高龄老人"};
        int bad = 0;
        for (int i = 1; i <= 100_000; i++) {
            int row = i + 1;
            String name = "居民" + i;
            String id = idNumber(1, i);
            String phone = random.nextInt(4) == 0
                    ? ""
                    : "13" + (5 + random.nextInt(5)) + String.format("%08d", random.nextInt(100_000_000));
            String community = codes.get(random.nextInt(codes.size()));
            String address = "某路" + random.nextInt(2000) + "号";
            String category = categories[random.nextInt(categories.length)];
            if (i % 100 == 13 || i % 100 == 47 || i % 100 == 81) {
                switch (bad++ % 9) {
                    case 0 -> {
                        id = wrongCheck(id);
                        expected.put(row, "身份证号：身份证号码校验位不正确，请核对最后一位");
                    }
                    case 1 -> {
                        phone = "13a45678901";
                        expected.put(row, "手机号：电话号码第3位字符不正确：只能包含数字、空格、连字符“-”、括号、开头的“+”和分机前的“转”");
                    }
                    case 2 -> {
                        category = "五保";
                        expected.put(row, "类别：类别“五保”不正确，请按模板下拉选项填写");
                    }
                    case 3 -> {
                        community = XUHUI_COMMUNITY;
                        expected.put(row, "社区代码：社区“310104003001”不在本次核查区划（310101）内");
                    }
                    case 4 -> {
                        community = "310101002999";
                        expected.put(row, "社区代码：社区代码“310101002999”不存在");
                    }
                    case 5 -> {
                        community = "310101002";
                        expected.put(row, "社区代码：社区代码“310101002”不是 12 位的村（社区）代码");
                    }
                    case 6 -> {
                        id = idOfRow.get(row - 2);
                        expected.put(row, "身份证号：与文件第 " + (row - 2) + " 行的身份证号重复");
                    }
                    case 7 -> {
                        community = "";
                        address = "无名路" + i + "号";
                        expected.put(row, "社区代码：未填写社区代码，且无法由地址确定唯一的社区，请补充社区代码");
                    }
                    default -> {
                        name = "";
                        phone = "12345";
                        expected.put(row, "姓名：请填写姓名；手机号：电话号码格式不正确：请填写11位手机号码，或带区号的固定电话号码（如010-12345678）");
                    }
                }
            } else if (i % 100 == 55) {
                community = ""; // the address names the community
                address = aName + "100弄" + i + "号";
                perCommunity.merge(COMMUNITY_A, 1, Integer::sum);
            } else {
                perCommunity.merge(community, 1, Integer::sum);
                if (i % 2000 == 999) {
                    onRegister.add(id);
                }
            }
            idOfRow.put(row, id);
            file.append(name)
                    .append(',')
                    .append(id)
                    .append(',')
                    .append(phone)
                    .append(',')
                    .append(address)
                    .append(',')
                    .append(category)
                    .append(",街道摸排,")
                    .append(community)
                    .append('\n');
        }
        assertThat(expected).hasSize(3_000);
        for (String id : onRegister) {
            VerificationTestData.registerResident(jdbc, crypto, "台账居民", id, COMMUNITY_A);
        }
        byte[] bytes = file.toString().getBytes(StandardCharsets.UTF_8);

        long campaign = HUANGPU.call(() -> campaigns.create(new CampaignDraft(
                campaignName("十万行"),
                "市民政局",
                "310101",
                LocalDate.now().plusDays(3).toString())));
        long started = System.nanoTime();
        UUID importId = HUANGPU.call(() -> campaigns.startImport(campaign, "名单.csv", new ByteArrayInputStream(bytes)));
        ImportStatus status = await(HUANGPU, campaigns, importId);
        System.out.printf(
                "[verification] 100,000-row csv (%,d bytes): %,d ms; read %d, created %d, rejected %d%n",
                bytes.length,
                (System.nanoTime() - started) / 1_000_000,
                status.rowsRead(),
                status.tasksCreated(),
                status.rowsRejected());

        assertThat(status.state()).isEqualTo("DONE");
        assertThat(status.rowsRead()).isEqualTo(100_000);
        assertThat(status.rowsRejected()).isEqualTo(3_000);
        assertThat(status.tasksCreated()).isEqualTo(97_000);
        assertThat(status.tasksExisting()).isZero();
        assertThat(status.tasksMatched()).isEqualTo(onRegister.size()).isEqualTo(50);

        Map<String, Integer> actual = new HashMap<>();
        jdbc.sql("select community_code, count(*) from residents_verification_task where campaign_id = ?"
                        + " group by community_code")
                .param(campaign)
                .query((rs, n) -> actual.put(rs.getString(1), rs.getInt(2)))
                .list();
        assertThat(actual).isEqualTo(perCommunity);
        assertThat(jdbc.sql("select count(*) from residents_verification_staging")
                        .query(Long.class)
                        .single())
                .as("staging emptied")
                .isZero();
        assertThat(HUANGPU.call(() -> campaigns.get(campaign)).total()).isEqualTo(97_000);

        byte[] errors = HUANGPU.call(() -> campaigns.errorWorkbook(importId)).orElseThrow();
        assertThat(Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                        .in("310101")
                        .named("someone-else")
                        .call(() -> campaigns.errorWorkbook(importId)))
                .as("only the importer's")
                .isEmpty();
        Map<Integer, String> reported = new TreeMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(errors))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("错误原因");
            DataFormatter format = new DataFormatter();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                var cells = sheet.getRow(r);
                String name = format.formatCellValue(cells.getCell(0));
                String id = format.formatCellValue(cells.getCell(1));
                int original = name.isEmpty() ? rowOf(idOfRow, id, reported) : Integer.parseInt(name.substring(2)) + 1;
                if (!name.isEmpty()) {
                    assertThat(cells.getCell(8).getNumericCellValue()).as("源行号").isEqualTo(original);
                }
                XSSFCell reason = (XSSFCell) cells.getCell(7);
                reported.put(original, reason.getStringCellValue());
                assertThat(reason.getCellStyle().getFont().getXSSFColor().getARGBHex())
                        .endsWith("FF0000");
            }
        }
        assertThat(reported).isEqualTo(expected);

        // the same list again: nothing new, the outcome already recorded stays
        long taskId = jdbc.sql("select id from residents_verification_task where campaign_id = ? order by id limit 1")
                .param(campaign)
                .query(Long.class)
                .single();
        HUANGPU.call(
                () -> campaigns.recordOutcome(taskId, new OutcomeDraft("DECEASED", null, null, null, "家属告知", null)));
        UUID again = HUANGPU.call(() -> campaigns.startImport(campaign, "名单.csv", new ByteArrayInputStream(bytes)));
        ImportStatus second = await(HUANGPU, campaigns, again);
        assertThat(second.state()).isEqualTo("DONE");
        assertThat(second.tasksCreated()).isZero();
        assertThat(second.tasksExisting()).isEqualTo(97_000);
        assertThat(second.rowsRejected()).isEqualTo(3_000);
        assertThat(jdbc.sql("select count(*) from residents_verification_task where campaign_id = ?")
                        .param(campaign)
                        .query(Long.class)
                        .single())
                .isEqualTo(97_000);
        TaskDetails kept = HUANGPU.call(() -> campaigns.task(taskId));
        assertThat(kept.outcome()).isEqualTo(VerificationOutcome.DECEASED);
        assertThat(kept.note()).isEqualTo("家属告知");
    }

    /** Rows without a name are found by their ID number (the duplicate cases have a name). */
    private static int rowOf(Map<Integer, String> idOfRow, String id, Map<Integer, String> reported) {
        return idOfRow.entrySet().stream()
                .filter(e -> e.getValue().equals(id) && !reported.containsKey(e.getKey()))
                .mapToInt(Map.Entry::getKey)
                .min()
                .orElseThrow();
    }

    @Test
    void aListSavedByChineseExcelInGb18030IsImportedAndItsErrorsKeepTheirSourceRows() throws IOException {
        // no BOM, as Excel's "CSV (逗号分隔)" writes it on a Chinese Windows; 䶮 is outside GBK, inside GB18030
        String rows = "欧阳䶮," + idNumber(9, 1_900_001) + ",13812345678,云南中路1号,低保,街道排查,310101002001\r\n"
                + "错号," + wrongCheck(idNumber(9, 1_900_002)) + ",,,,,310101002001\r\n"
                + "司马懿," + idNumber(9, 1_900_003) + ",,,,,310101002002\r\n"
                + "钱七," + idNumber(9, 1_900_004) + ",,云南\u0000中路2号,,,310101002001\r\n";
        byte[] bytes = (HEADER + rows).getBytes(Charset.forName("GB18030"));
        long campaign = VerificationTestData.campaignWith(campaigns, "国标编码", HEADER);
        UUID id = HUANGPU.call(() -> campaigns.startImport(campaign, "核查名单.csv", new ByteArrayInputStream(bytes)));
        ImportStatus status = await(HUANGPU, campaigns, id);
        assertThat(status.state()).isEqualTo("DONE");
        assertThat(status.tasksCreated()).isEqualTo(2);
        assertThat(status.rowsRejected())
                .as("the wrong check digit, and the NUL in an address")
                .isEqualTo(2);
        assertThat(jdbc.sql("select name from residents_verification_task where campaign_id = ? order by name")
                        .param(campaign)
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder("欧阳䶮", "司马懿");
        byte[] errors = HUANGPU.call(() -> campaigns.errorWorkbook(id)).orElseThrow();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(errors))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(8).getStringCellValue()).isEqualTo("源行号");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("错号");
            assertThat(sheet.getRow(1).getCell(8).getNumericCellValue()).isEqualTo(3);
            assertThat(sheet.getRow(2).getCell(7).getStringCellValue()).contains("控制字符");
            assertThat(sheet.getRow(2).getCell(8).getNumericCellValue()).isEqualTo(5);
        }
    }

    @Test
    void aReimportOfTheSameRowsInAnotherFileAddsOnlyTheNewPeople() {
        String rows = "张三," + idNumber(2, 1) + ",13812345678,,低保,,310101002001\n" + "李四," + idNumber(2, 2)
                + ",,,,,310101002002\n";
        long campaign = VerificationTestData.campaignWith(campaigns, "重导", HEADER + rows);
        String more = "王五," + idNumber(2, 3) + ",,,,,310101002002\n";
        UUID second = HUANGPU.call(() -> campaigns.startImport(campaign, "更新.csv", csv(HEADER + more + rows)));
        ImportStatus status = await(HUANGPU, campaigns, second);
        assertThat(status.tasksCreated()).isEqualTo(1);
        assertThat(status.tasksExisting()).isEqualTo(2);
        assertThat(HUANGPU.call(() -> campaigns.get(campaign)).total()).isEqualTo(3);
    }

    @Test
    void aFileMissingARequiredColumnFailsWholeAndWritesNothing() {
        long campaign = VerificationTestData.campaignWith(campaigns, "缺列", HEADER);
        UUID id = HUANGPU.call(() -> campaigns.startImport(campaign, "list.csv", csv("姓名,手机号\n张三,13812345678\n")));
        ImportStatus status = await(HUANGPU, campaigns, id);
        assertThat(status.state()).isEqualTo("FAILED");
        assertThat(status.errorKey()).isEqualTo("import.file.columns");
        assertThat(status.errorArgs()).containsExactly("身份证号、社区代码");
        UUID notCsv = HUANGPU.call(() -> campaigns.startImport(campaign, "list.txt", csv(HEADER)));
        assertThat(await(HUANGPU, campaigns, notCsv).errorKey()).isEqualTo("import.file.format");
        assertThat(HUANGPU.call(() -> campaigns.get(campaign)).total()).isZero();
    }

    @Test
    void theImportersScopeAppliesToEveryRow() {
        long campaign = VerificationTestData.campaignWith(campaigns, "范围", HEADER);
        Staff station = Staff.as(Role.STATION_STAFF).in("310101002").named("camp-station");
        String rows = "甲," + idNumber(3, 1) + ",,,,,310101002001\n" + "乙," + idNumber(3, 2) + ",,,,,310101013001\n";
        UUID id = station.call(() -> campaigns.startImport(campaign, "list.csv", csv(HEADER + rows)));
        ImportStatus status = await(station, campaigns, id);
        assertThat(status.tasksCreated()).isEqualTo(1);
        assertThat(status.rowsRejected()).isEqualTo(1);
    }
}
