package org.wushe.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.wushe.requests.RequestTestData.TIANPING;
import static org.wushe.requests.RequestTestData.phone;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.OrgType;
import org.wushe.directory.organisations.Organisations;
import org.wushe.directory.socialworkers.SocialWorkers;
import org.wushe.platform.ChinaTime;
import org.wushe.requests.RequestFixtures;
import org.wushe.requests.RequestTestData;
import org.wushe.requests.ServiceType;
import org.wushe.requests.casework.CaseworkFixtures;
import org.wushe.requests.casework.HelpRequestCases;
import org.wushe.requests.intake.HelpRequests;
import org.wushe.requests.intake.Submission;

/**
 * From the worklist to the bureau's figures: a request closed now is in the dashboard within 60 s, and in the
 * day's report.
 */
@WusheIntegrationTest
class ClosedRequestOnTheDashboardTests {

    static final Staff STATION = Staff.as(Role.STATION_STAFF).in(TIANPING).named("tianping-figures");

    @Autowired
    MockMvc mvc;

    /** The application's clock (tests may have moved it): the request is closed on its day. */
    @Autowired
    Clock clock;

    @Autowired
    HelpRequests requests;

    @Autowired
    HelpRequestCases cases;

    @Autowired
    Organisations organisations;

    @Autowired
    SocialWorkers workers;

    @Test
    void aClosedRequestIsInTheDashboardWithinAMinute() throws Exception {
        String phone = phone();
        long station = RequestFixtures.organisation(
                organisations, OrgType.STATION, "天平路统计站" + phone.substring(7), "310104003");
        long worker = RequestFixtures.socialWorker(workers, "钱统计" + phone.substring(7), TIANPING, "ELDERLY");
        Submission s = RequestTestData.recordCall(requests, STATION, "FOOD_SUPPLIES", Map.of(), "NORMAL", phone);
        long before = personTimes("HEALTH_CARE");
        double reportedBefore = dailyReportTotal("健康关爱");

        CaseworkFixtures.close(cases, STATION, s.id(), station, worker, List.of(ServiceType.HEALTH_CARE), 6);

        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> personTimes("HEALTH_CARE") == before + 6);
        assertThat(dailyReportTotal("健康关爱"))
                .as("the day's report (日报) counts it in its total")
                .isEqualTo(reportedBefore + 6);
    }

    /** The total row's figure under {@code heading} in today's daily report of the station's street. */
    private double dailyReportTotal(String heading) throws Exception {
        byte[] xlsx = mvc.perform(get("/api/v1/statistics/reports/daily")
                        .param(
                                "date",
                                LocalDate.now(clock.withZone(ChinaTime.ZONE)).toString())
                        .with(STATION.request()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            int column = -1;
            for (Cell cell : sheet.getRow(3)) {
                if (cell.getCellType() == CellType.STRING && heading.equals(cell.getStringCellValue())) {
                    column = cell.getColumnIndex();
                }
            }
            for (Row row : sheet) {
                Cell first = row.getCell(0);
                if (row.getRowNum() > 3
                        && first != null
                        && first.getCellType() == CellType.STRING
                        && "合计".equals(first.getStringCellValue())) {
                    return row.getCell(column).getNumericCellValue();
                }
            }
        }
        throw new AssertionError("no total row with " + heading);
    }

    /** The person-times of one kind of service on the station's dashboard (the API, as the page shows it). */
    private long personTimes(String kind) throws Exception {
        String json = mvc.perform(get("/api/v1/statistics").with(STATION.request()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Number> values = JsonPath.read(json, "$.charts[?(@.id == 'byKind')].rows[?(@.label == '健康关爱')].values[0]");
        return values.isEmpty() ? 0 : values.get(0).longValue();
    }
}
