package org.wushe.statistics.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.platform.ChinaTime;
import org.wushe.region.Regions;
import org.wushe.requests.RequestTestData;
import org.wushe.requests.intake.HelpRequests;
import org.wushe.residents.ResidentTestData;
import org.wushe.residents.register.Residents;

/**
 * The home page's workbench: each count is within the caller's scope (another street's P1 is not counted) and equals
 * the total of the list it links to; the bureau sees the headline figures and the streets worst off; a volunteer
 * sees their own requests, an agency the plain home page.
 */
@WusheIntegrationTest
class WorkbenchTests {

    static final String TIANPING = "310104003";
    static final String HUANGPU_COMMUNITY = "310101002001";
    static final Staff STATION = Staff.as(Role.STATION_STAFF).in(TIANPING).named("tianping-workbench");
    static final Staff COMMUNITY =
            Staff.as(Role.COMMUNITY_STAFF).in(ResidentTestData.A).named("community-workbench");
    static final Staff CIVIL = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").named("xuhui-workbench");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HelpRequests requests;

    @Autowired
    Residents residents;

    @Autowired
    Regions regions;

    @BeforeEach
    void communities() {
        ResidentTestData.communities(regions);
    }

    /** A P1 request, overdue for first contact, recorded in Tianping and then moved to {@code region}. */
    long overdueP1(String region) {
        long id = RequestTestData.recordCall(requests, STATION, "OTHER", Map.of(), "NORMAL", RequestTestData.phone())
                .id();
        Instant past = Instant.now().minus(Duration.ofHours(2));
        jdbc.sql("update requests_help_request set priority = 'P1', status = 'TRIAGED', first_contact_due = ?,"
                        + " first_contact_at = null, region_code = ? where id = ?")
                .params(Timestamp.from(past), region, id)
                .update();
        return id;
    }

    Map<String, Long> tiles(Staff staff) throws Exception {
        String html = mvc.get()
                .uri("/")
                .with(staff.request())
                .exchange()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        Matcher m = Pattern.compile(
                        "id=\"workbench-(\\w+)\"\\s+href=\"[^\"]*\">.*?wushe-workbench-count[^>]*>([\\d,]+)<",
                        Pattern.DOTALL)
                .matcher(html);
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        while (m.find()) {
            counts.put(m.group(1), Long.parseLong(m.group(2).replace(",", "")));
        }
        return counts;
    }

    /** The total a list page states in the element {@code id} ("共 N 条"). */
    long listTotal(Staff staff, String uri, String id) throws Exception {
        String html = mvc.get()
                .uri(uri)
                .with(staff.request())
                .exchange()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>共 ([\\d,]+) 条").matcher(html);
        assertThat(m.find()).as(uri + " states its total in #" + id).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    @Test
    void anotherStreetsP1IsNotCountedAndOneOfTheStreetIs() throws Exception {
        Map<String, Long> before = tiles(STATION);
        overdueP1(HUANGPU_COMMUNITY);
        assertThat(tiles(STATION)).as("Huangpu's P1 is not Tianping's").isEqualTo(before);
        overdueP1(TIANPING + "001");
        Map<String, Long> after = tiles(STATION);
        assertThat(after.get("p1")).isEqualTo(before.get("p1") + 1);
        assertThat(after.get("overdue")).isEqualTo(before.get("overdue") + 1);
    }

    @Test
    void eachCountIsWhatItsListShows() throws Exception {
        overdueP1(TIANPING + "001");
        long resident = COMMUNITY.call(
                () -> residents.create(ResidentTestData.draft("未报平安" + System.nanoTime() % 1000, ResidentTestData.A)));
        // registered 40 days ago and never visited: overdue for a visit on any risk level's plan
        jdbc.sql("update residents_resident set created_at = now() - interval '40 days' where id = ?")
                .param(resident)
                .update();
        jdbc.sql("insert into residents_checkin_alert (resident_id, check_date, level, community_code, raised_at)"
                        + " values (?, ?, 'MISSED', ?, now())")
                .params(resident, LocalDate.now(ChinaTime.ZONE), ResidentTestData.A)
                .update();
        for (Staff staff : new Staff[] {STATION, COMMUNITY}) {
            Map<String, Long> tiles = tiles(staff);
            assertThat(tiles).containsKeys("p1", "overdue", "verification", "visits", "checkins", "unread");
            assertThat(tiles.get("p1"))
                    .isPositive()
                    .isEqualTo(listTotal(staff, "/requests?priority=P1&open=true", "request-total"));
            assertThat(tiles.get("overdue")).isEqualTo(listTotal(staff, "/requests?overdue=true", "request-total"));
            assertThat(tiles.get("verification"))
                    .isEqualTo(listTotal(staff, "/verification/tasks?status=OPEN", "tasks-total"));
            assertThat(tiles.get("visits"))
                    .isPositive()
                    .isEqualTo(listTotal(staff, "/residents/visits/overdue", "overdue-total"));
            assertThat(tiles.get("checkins"))
                    .isPositive()
                    .isEqualTo(listTotal(staff, "/residents/check-ins/missed", "missed-total"));
        }
        assertThat(mvc.get().uri("/residents/check-ins/missed").with(COMMUNITY.request()))
                .bodyText()
                .contains("id=\"missed-" + resident + "\"", "未*");
    }

    @Test
    void theBureauSeesTheHeadlineAndTheStreetsWorstOff() throws Exception {
        overdueP1(TIANPING + "001");
        assertThat(mvc.get().uri("/").with(CIVIL.request()))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"workbench-headline\"", "社工机构", "超时求助最多的街镇")
                .contains("href=\"/statistics?region=310104003\">天平路街道</a>")
                .doesNotContain("id=\"workbench-p1\"", "??");
        assertThat(mvc.get().uri("/").with(CIVIL.request()).param("lang", "en"))
                .bodyText()
                .contains("Streets with the most overdue requests", "Unread notices");
    }

    @Test
    void aVolunteerSeesTheirOwnRequestsAndAnAgencyThePlainHome() throws Exception {
        assertThat(tiles(Staff.as(Role.VOLUNTEER).in(TIANPING))).containsOnlyKeys("mine", "mineOverdue", "unread");
        assertThat(mvc.get()
                        .uri("/")
                        .with(Staff.as(Role.AGENCY_ADMIN).in(TIANPING).request()))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("id=\"workbench\"")
                .contains("欢迎使用五社联动平台");
        assertThat(mvc.get()
                        .uri("/requests/mine?open=true")
                        .with(Staff.as(Role.VOLUNTEER).in(TIANPING).request()))
                .hasStatusOk();
    }
}
