package org.wushe.requests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.Browser;
import org.wushe.VisibleText;
import org.wushe.access.Accounts;
import org.wushe.access.DataScope;
import org.wushe.access.IssuedPassword;
import org.wushe.access.NewAccount;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.socialworkers.SocialWorkers;
import org.wushe.requests.casework.HelpRequestCases;
import org.wushe.requests.intake.HelpRequests;
import org.wushe.requests.intake.Submission;
import org.wushe.shared.RegionCode;

/**
 * Issue 15 items 1–3 and 7 (durations) on the staff pages, in Chromium at 1440×900: the worklist puts the most
 * urgent first and marks the P1 the station worker has not opened; a name typed into the region filter gets its
 * error under the field while the other filters stay; the request page shows the place by name, durations as
 * "3 天 0 小时" / "25 分钟", and its timeline's actors as names and words, never as codes or usernames.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RequestPagesBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    HelpRequests requests;

    @Autowired
    HelpRequestCases cases;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SocialWorkers socialWorkers;

    @Test
    void theStationWorkerSeesTheMostUrgentFirstByNameAndInPlainDurations() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String username = "pstation" + suffix;
        String displayName = "王站长" + suffix;
        IssuedPassword password = Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                .wholeCountry()
                .call(() -> accounts.create(new NewAccount(
                        username,
                        displayName,
                        null,
                        Set.of(Role.STATION_STAFF),
                        DataScope.of(List.of(RegionCode.parse(RequestTestData.TIANPING))))));
        Staff station =
                Staff.as(Role.STATION_STAFF).in(RequestTestData.TIANPING).named(username);
        String phone = RequestTestData.phone();
        Submission p4 = RequestTestData.recordCall(requests, station, "OTHER", Map.of(), "NORMAL", phone);
        Submission p1 = RequestTestData.recordCall(
                requests, station, "DIALYSIS", Map.of("dialysisDueWithin24h", true), "URGENT", phone);
        Instant now = Instant.now();
        jdbc.sql("update requests_help_request set first_contact_due = ?, resolution_due = ? where id = ?")
                .params(
                        Timestamp.from(now.plus(Duration.ofMinutes(25)).plusSeconds(40)),
                        Timestamp.from(now.plus(Duration.ofDays(3)).plusSeconds(40)),
                        p1.id())
                .update();
        station.run(() -> cases.note(p1.id(), "已电话联系家属"));

        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.staffPage(context);
            Browser.signInChoosingPassword(page, username, password.temporaryPassword(), "Station-2022-ok");

            page.navigate("/requests?phone=" + phone);
            var rows = page.locator("#requests tbody tr");
            assertThat(rows).hasCount(2);
            assertThat(rows.nth(0)).hasId("request-" + p1.id());
            assertThat(rows.nth(0).locator(".request-unseen")).hasText("未查看");
            assertThat(rows.nth(1).locator(".request-unseen")).hasCount(0);
            assertThat(page.locator("#request-order")).containsText("最紧急的在前");
            String listText = page.locator("#requests").innerText();
            assertThat(listText)
                    .as("places by name")
                    .contains("天平路街道")
                    .doesNotContainPattern("(?<![A-Za-z0-9])310104003");

            // newest first from the column header
            page.locator("#sort-submitted a").click();
            assertThat(page).hasURL(Pattern.compile(".*sort=newest.*"));
            assertThat(page.locator("#requests tbody tr").nth(0)).hasId("request-" + p1.id());

            // a name where a code was expected: the error in place, the other filters kept
            page.navigate("/requests?status=TRIAGED&phone=" + phone + "&region=天平路");
            assertThat(page.locator("h1")).hasText("紧急求助");
            assertThat(page.locator("#f-region-error")).containsText("请从列表中选择区划");
            assertThat(page.locator("#f-status")).hasValue("TRIAGED");
            assertThat(page.locator("#f-phone")).hasValue(phone);

            page.navigate("/requests/" + p1.id());
            assertThat(page.locator("#request-place")).containsText("天平路街道");
            assertThat(page.locator("#due-left-firstContactDue")).hasText("剩余 25 分钟");
            assertThat(page.locator("#due-left-resolutionDue")).hasText("剩余 3 天 0 小时");
            String timeline = page.locator("#timeline").innerText();
            assertThat(timeline)
                    .contains("系统（自动）")
                    .contains(displayName)
                    .doesNotContain(username)
                    .doesNotContain("system");
            String main = page.locator("main").innerText();
            assertThat(main)
                    // as a bare code; other tests' organisations may carry it inside their names
                    .doesNotContainPattern("(?<![A-Za-z0-9])310104003")
                    .doesNotContain("WALK_IN")
                    .doesNotContain("HOTLINE")
                    .doesNotContainPattern("\\d,\\d{3}");

            page.navigate("/requests?phone=" + phone);
            assertThat(page.locator("#request-" + p1.id() + " .request-unseen")).hasCount(0);
        }
        assertThat(p4.priority()).isEqualTo(Priority.P4);
    }

    /** Issue 15 item 4: the worklist's social-worker filter is chosen by typing a name, never by an id. */
    @Test
    void theStationWorkerFiltersTheWorklistByASocialWorkerChosenByTyping() {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String username = "pworker" + suffix;
        IssuedPassword password = Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                .wholeCountry()
                .call(() -> accounts.create(new NewAccount(
                        username,
                        "赵站长" + suffix,
                        null,
                        Set.of(Role.STATION_STAFF),
                        DataScope.of(List.of(RegionCode.parse(RequestTestData.TIANPING))))));
        Staff station =
                Staff.as(Role.STATION_STAFF).in(RequestTestData.TIANPING).named(username);
        String name = "柏" + (char) ('甲' + Integer.parseInt(suffix) % 300) + "芳";
        long worker = RequestFixtures.socialWorker(socialWorkers, name, RequestTestData.TIANPING, "COMMUNITY");
        String phone = RequestTestData.phone();
        Submission assigned = RequestTestData.recordCall(requests, station, "OTHER", Map.of(), "NORMAL", phone);
        Submission open = RequestTestData.recordCall(requests, station, "FOOD_SUPPLIES", Map.of(), "NORMAL", phone);
        station.run(() -> cases.assign(assigned.id(), null, worker, null));

        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.staffPage(context);
            Browser.signInChoosingPassword(page, username, password.temporaryPassword(), "Station-2022-ok");
            page.navigate("/requests?phone=" + phone);
            assertThat(page.locator("#requests tbody tr")).hasCount(2);

            Locator field = page.locator("#f-worker");
            field.pressSequentially(name.substring(0, 2));
            Locator option =
                    page.locator("#f-worker-options [data-picker-id]", new Page.LocatorOptions().setHasText(name));
            assertThat(option.first()).isVisible();
            option.first().click();
            assertThat(field).hasValue(name);
            page.locator("#request-search").click();

            assertThat(page).hasURL(Pattern.compile(".*[?&]worker=" + worker + "(&.*)?$"));
            assertThat(page.locator("#requests tbody tr")).hasCount(1);
            assertThat(page.locator("#requests tbody tr").first()).hasId("request-" + assigned.id());
            assertThat(page.locator("#f-worker")).hasValue(name);
            assertThat(page.locator("#f-phone")).hasValue(phone);
            VisibleText.noBareCodes(page);

            // a name that names nobody: said under the field, the phone filter kept, no 400 page
            var response = page.navigate("/requests?phone=" + phone + "&worker=" + name + "不在");
            assertThat(response.status()).isEqualTo(200);
            assertThat(page.locator("#f-worker-error")).containsText("没有名为");
            assertThat(page.locator("#f-phone")).hasValue(phone);
            assertThat(open.id()).isPositive();
        }
    }
}
