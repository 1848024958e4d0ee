package org.wushe.statistics.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.platform.ChinaTime;
import org.wushe.privacy.CryptoService;
import org.wushe.region.Regions;
import org.wushe.requests.RequestTestData;

/**
 * The reports read back with POI: a street's staff get a row per community of their street and a total without
 * another district's figures; the bureau gets a row per district and the total; a month sums its days; bad input is
 * said on the form (page) or as a 400 problem (API); each report generated is audited.
 */
@WusheIntegrationTest
class ReportsTests {

    // two communities and a day kept for this test alone (no other test writes 2019-11 or these 7xx codes)
    static final String TIANPING_COMMUNITY = "310104003702";
    static final String HUANGPU_COMMUNITY = "310101002702";
    static final LocalDate DAY = LocalDate.of(2019, 11, 13);
    static final Staff TIANPING = Staff.as(Role.STATION_STAFF).in("310104003").named("tianping-reports");
    static final Staff CIVIL = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310000").named("civil-reports");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CryptoService crypto;

    @Autowired
    Regions regions;

    @BeforeEach
    void figures() {
        String csv = "code,name,parent\n" + TIANPING_COMMUNITY + ",天平报表居委会,310104003\n" + HUANGPU_COMMUNITY
                + ",云南报表居委会,310101002\n";
        Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                .wholeCountry()
                .named("reports-test-setup")
                .run(() -> regions.importCommunities(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
        jdbc.sql("delete from statistics_daily_rollup where community_code in (?, ?)")
                .params(TIANPING_COMMUNITY, HUANGPU_COMMUNITY)
                .update();
        jdbc.sql("delete from requests_help_request where tracking_code like 'RPT%'")
                .update();
        jdbc.sql("delete from directory_organisation where name like '报表测试%'").update();
        rollup(DAY, TIANPING_COMMUNITY, "HEALTH_CARE", 7, "2.5");
        rollup(DAY, TIANPING_COMMUNITY, "PSYCHOLOGICAL_COUNSELLING", 3, "0");
        rollup(DAY, HUANGPU_COMMUNITY, "HEALTH_CARE", 1_000_000, "0");
        rollup(DAY.plusDays(7), TIANPING_COMMUNITY, "HEALTH_CARE", 5, "1");
        // met both deadlines; first contact missed; resolved after its deadline (submitted the day before)
        request("RPT00001", TIANPING_COMMUNITY, at(10, 0, 0), at(10, 30, 0), at(10, 10, 0), at(10, 0, 1), at(15, 0, 0));
        request("RPT00002", TIANPING_COMMUNITY, at(11, 0, 0), at(11, 30, 0), null, at(11, 0, 2), null);
        request(
                "RPT00003",
                TIANPING_COMMUNITY,
                at(20, 0, -1),
                at(20, 30, -1),
                at(20, 10, -1),
                at(12, 0, 0),
                at(13, 0, 0));
        request("RPT00004", HUANGPU_COMMUNITY, at(9, 0, 0), at(9, 30, 0), at(9, 10, 0), at(9, 0, 1), null);
        organisation("报表测试机构", "AGENCY", "ACTIVE");
        organisation("报表测试停用机构", "AGENCY", "SUSPENDED");
    }

    @Test
    void aStreetsStaffGetTheirCommunitiesAndATotalWithoutAnotherDistrict() throws Exception {
        try (XSSFWorkbook book = xlsx(get("/api/v1/statistics/reports/daily")
                .param("date", DAY.toString())
                .with(TIANPING.request()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(text(sheet, 0, 0)).isEqualTo("天平路街道社会工作服务日报（2019-11-13）");
            assertThat(text(sheet, 2, 0)).isEqualTo("社区（村）");
            Map<String, Double> row = row(sheet, "天平报表居委会");
            assertThat(row)
                    .containsEntry("健康关爱", 7.0)
                    .containsEntry("心理疏导", 3.0)
                    .containsEntry("服务人次", 10.0)
                    .containsEntry("服务时长（小时）", 2.5)
                    .containsEntry("社会工作服务机构", 1.0)
                    .containsEntry("收到", 2.0)
                    .containsEntry("办结", 2.0)
                    .containsEntry("超时", 2.0);
            Map<String, Double> total = row(sheet, "合计");
            assertThat(total).containsEntry("健康关爱", 7.0).containsEntry("收到", 2.0);
            assertThat(labels(sheet)).doesNotContain("云南报表居委会", "黄浦区");
        }
        mvc.perform(get("/api/v1/statistics/reports/daily")
                        .param("date", DAY.toString())
                        .param("region", "310101")
                        .with(TIANPING.request()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theBureauGetsARowPerDistrictAndTheTotalAndItIsAudited() throws Exception {
        try (XSSFWorkbook book = xlsx(get("/api/v1/statistics/reports/daily")
                .param("date", DAY.toString())
                .with(CIVIL.request()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(text(sheet, 2, 0)).isEqualTo("区（县）");
            assertThat(row(sheet, "徐汇区")).containsEntry("健康关爱", 7.0).containsEntry("超时", 2.0);
            assertThat(row(sheet, "黄浦区")).containsEntry("健康关爱", 1_000_000.0).containsEntry("收到", 1.0);
            assertThat(row(sheet, "静安区")).containsEntry("健康关爱", 0.0);
            assertThat(row(sheet, "合计")).containsEntry("健康关爱", 1_000_007.0).containsEntry("收到", 3.0);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from audit_entry where actor = 'civil-reports' and entity_type"
                                        + " = 'statistics_report' and entity_id = ? and action = 'EXPORT' and fields"
                                        + " = '{daily}'")
                                .param(DAY.toString())
                                .query(Long.class)
                                .single()
                        >= 1);
    }

    @Test
    void aMonthlyReportSumsItsDaysForTheChosenStreet() throws Exception {
        try (XSSFWorkbook book = xlsx(get("/statistics/reports/monthly")
                .param("month", "2019-11")
                .param("region", "310104003")
                .with(CIVIL.request()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(text(sheet, 0, 0)).isEqualTo("天平路街道社会工作服务月报（2019-11）");
            assertThat(row(sheet, "天平报表居委会")).containsEntry("健康关爱", 12.0).containsEntry("服务时长（小时）", 3.5);
        }
    }

    @Test
    void badInputIsSaidOnTheFormAndAs400OnTheApi() throws Exception {
        mvc.perform(get("/api/v1/statistics/reports/daily").param("date", "昨天").with(TIANPING.request()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.date").value("请输入日期，例如 2026-12-01"));
        mvc.perform(get("/api/v1/statistics/reports/monthly")
                        .param("month", "2999-01")
                        .with(TIANPING.request()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.month").exists());
        mvc.perform(get("/statistics/reports/monthly").param("month", "2019-13").with(TIANPING.request()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请输入月份，例如 2026-12")))
                .andExpect(content().string(containsString("value=\"2019-13\"")));
        mvc.perform(get("/statistics/reports/daily")
                        .param("date", DAY.toString())
                        .param("region", "310101")
                        .with(TIANPING.request()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("不在您的管辖范围内")));
    }

    @Test
    void thePageIsLinkedFromTheDashboardAndClosedToVolunteers() throws Exception {
        mvc.perform(get("/statistics").with(TIANPING.request()))
                .andExpect(content().string(containsString("href=\"/statistics/reports")));
        mvc.perform(get("/statistics/reports").with(TIANPING.request()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("下载日报")));
        Staff volunteer = Staff.as(Role.VOLUNTEER).in("310104003").named("v-reports");
        mvc.perform(get("/statistics/reports").with(volunteer.request())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/statistics/reports/daily")
                        .param("date", DAY.toString())
                        .with(volunteer.request()))
                .andExpect(status().isForbidden());
    }

    private XSSFWorkbook xlsx(MockHttpServletRequestBuilder request) throws Exception {
        byte[] bytes = mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    /** The figures of the row labelled {@code label}, by the heading of their column (row 4 of the template). */
    private static Map<String, Double> row(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getRowNum() > 3 && label.equals(text(sheet, row.getRowNum(), 0))) {
                Map<String, Double> figures = new HashMap<>();
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.NUMERIC) {
                        figures.put(text(sheet, 3, cell.getColumnIndex()), cell.getNumericCellValue());
                    }
                }
                return figures;
            }
        }
        throw new AssertionError("no row " + label + " in " + labels(sheet));
    }

    private static java.util.List<String> labels(Sheet sheet) {
        java.util.List<String> labels = new java.util.ArrayList<>();
        for (Row row : sheet) {
            labels.add(text(sheet, row.getRowNum(), 0));
        }
        return labels;
    }

    private static String text(Sheet sheet, int row, int column) {
        Cell cell = sheet.getRow(row) == null ? null : sheet.getRow(row).getCell(column);
        return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
    }

    private static Timestamp at(int hour, int minute, int dayOffset) {
        return Timestamp.from(LocalDateTime.of(DAY.plusDays(dayOffset), java.time.LocalTime.of(hour, minute))
                .atZone(ChinaTime.ZONE)
                .toInstant());
    }

    private void rollup(LocalDate day, String community, String kind, long personTimes, String hours) {
        jdbc.sql("insert into statistics_daily_rollup values (?, ?, ?, 'STATION', 1, ?, ?::numeric)")
                .params(day, community, kind, personTimes, hours)
                .update();
    }

    private void request(
            String code,
            String community,
            Timestamp submitted,
            Timestamp contactDue,
            Timestamp contacted,
            Timestamp resolutionDue,
            Timestamp resolved) {
        String phone = RequestTestData.phone();
        jdbc.sql("insert into requests_help_request (tracking_code, channel, category, for_whom, region_code,"
                        + " address_cipher, address_search, phone_cipher, phone_index, description_cipher, urgency,"
                        + " priority, status, first_contact_due, resolution_due, first_contact_at, resolved_at,"
                        + " submitted_at, created_by) values (?, 'ONLINE', 'CHRONIC_MEDICINE', 'SELF', ?, ?, '-',"
                        + " ?, ?, ?, 'NORMAL', 'P3', ?, ?, ?, ?, ?, ?, 'reports-test')")
                // encrypted as the intake stores them: the privacy tests check every row of the table
                .params(
                        code,
                        community,
                        crypto.encrypt("天平路1号", "requests_help_request", "address"),
                        crypto.encrypt(phone, "requests_help_request", "phone"),
                        crypto.blindIndex("phone", phone),
                        crypto.encrypt("需要配药", "requests_help_request", "description"),
                        // done by now, late where the day's report must see it late: a request left open from
                        // 2019 would head every other test's worklist in this street (overdue first)
                        "RESOLVED",
                        contactDue,
                        resolutionDue,
                        contacted != null ? contacted : later(contactDue, 1),
                        resolved != null ? resolved : later(resolutionDue, 2),
                        submitted)
                .update();
    }

    private static Timestamp later(Timestamp t, int days) {
        return Timestamp.from(t.toInstant().plus(java.time.Duration.ofDays(days)));
    }

    private void organisation(String name, String type, String status) {
        jdbc.sql("insert into directory_organisation (type, name, region_code, status, created_by)"
                        + " values (?, ?, ?, ?, 'reports-test')")
                .params(type, name, TIANPING_COMMUNITY, status)
                .update();
    }
}
