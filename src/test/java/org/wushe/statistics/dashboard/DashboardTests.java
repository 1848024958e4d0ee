package org.wushe.statistics.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.platform.ChinaTime;
import org.wushe.region.Regions;
import org.wushe.residents.ResidentTestData;

/**
 * The dashboard counts only what the caller may see, in SQL: figures of another street never reach a street's
 * staff, not even in a total; a drill-down link leads one level down; bad parameters are said in place (page) or
 * as a 400 (API); each chart downloads as xlsx.
 */
@WusheIntegrationTest
class DashboardTests {

    // two streets' communities kept for this test alone (the 7xx numbers no other test uses)
    static final String TIANPING_COMMUNITY = "310104003701";
    static final String HUANGPU_COMMUNITY = "310101002701";
    static final Staff TIANPING = Staff.as(Role.STATION_STAFF).in("310104003").named("tianping-dashboard");
    static final Staff CIVIL = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310000").named("civil-dashboard");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Regions regions;

    @BeforeEach
    void figures() {
        ResidentTestData.communities(regions);
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        for (String community : new String[] {TIANPING_COMMUNITY, HUANGPU_COMMUNITY}) {
            jdbc.sql("delete from statistics_daily_rollup where community_code = ?")
                    .param(community)
                    .update();
        }
        rollup(today, TIANPING_COMMUNITY, "HEALTH_CARE", 7);
        rollup(today, HUANGPU_COMMUNITY, "HEALTH_CARE", 1_000_000);
    }

    private void rollup(LocalDate day, String community, String kind, long personTimes) {
        jdbc.sql("insert into statistics_daily_rollup values (?, ?, ?, 'STATION', 1, ?, 0)")
                .params(day, community, kind, personTimes)
                .update();
    }

    @Test
    void aStreetsStaffSeeTheirStreetsFiguresAndNothingOfAnother() throws Exception {
        String json = mvc.perform(get("/api/v1/statistics").with(TIANPING.request()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long total = com.jayway.jsonpath.JsonPath.parse(json).read("$.total.personTimes", Long.class);
        assertThat(total).as("Huangpu's million is not in Tianping's total").isLessThan(1_000_000);
        assertThat(total).isGreaterThanOrEqualTo(7);

        mvc.perform(get("/api/v1/statistics").param("region", "310101002").with(TIANPING.request()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/statistics").param("region", "310101").with(TIANPING.request()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theBureauDrillsDownFromTheCityToAStreet() throws Exception {
        mvc.perform(get("/statistics").param("region", "310000").with(CIVIL.request()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("徐汇区")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("region=310104")));
        mvc.perform(get("/statistics").param("region", "310104").with(CIVIL.request()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("天平路街道")));
        mvc.perform(get("/api/v1/statistics").param("region", "310104003").with(CIVIL.request()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.charts[?(@.id == 'byRegion')].rows[*].hint")
                        .value(org.hamcrest.Matchers.hasItem(TIANPING_COMMUNITY)));
    }

    @Test
    void aBadDateIsSaidUnderItsFieldAndTheApiAnswers400() throws Exception {
        mvc.perform(get("/statistics").param("from", "昨天").with(TIANPING.request()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请输入日期")));
        mvc.perform(get("/statistics")
                        .param("from", "2026-12-05")
                        .param("to", "2026-12-01")
                        .with(TIANPING.request()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("开始日期不能晚于结束日期")));
        mvc.perform(get("/api/v1/statistics").param("from", "yesterday").with(TIANPING.request()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void eachChartDownloadsAsXlsx() throws Exception {
        byte[] xlsx = mvc.perform(get("/statistics/charts/byKind.xlsx").with(TIANPING.request()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("服务人次");
            boolean healthCare = false;
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                healthCare |= sheet.getRow(i).getCell(0).getStringCellValue().equals("健康关爱");
            }
            assertThat(healthCare).isTrue();
        }
        mvc.perform(get("/statistics/charts/nothing.xlsx").with(TIANPING.request()))
                .andExpect(status().isNotFound());
    }

    @Test
    void volunteersHaveNoDashboard() throws Exception {
        mvc.perform(get("/statistics")
                        .with(Staff.as(Role.VOLUNTEER)
                                .in("310104003")
                                .named("v-dash")
                                .request()))
                .andExpect(status().isForbidden());
    }
}
