package org.wushe.statistics.workbench;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.wushe.Browser;
import org.wushe.VisibleText;

/**
 * Issue 16 at an office screen (1440×900): the demo {@code station} account's home shows its P1 and overdue
 * requests, and following the count lands on the worklist showing the same number of them; the {@code civil}
 * account's home shows the city's figures and the streets worst off, named, not coded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class WorkbenchBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** One open request of 天平路街道 made P1 and overdue for first contact, so that the station has one at least. */
    void anOverdueP1InTianping() {
        jdbc.sql("update requests_help_request set priority = 'P1', status = 'TRIAGED', first_contact_at = null,"
                        + " first_contact_due = now() - interval '1 hour' where id = (select min(id) from"
                        + " requests_help_request where region_code like '310104003%')")
                .update();
    }

    @Test
    void theStationsHomeShowsItsP1AndOverdueRequestsAndLeadsToThem() {
        anOverdueP1InTianping();
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.demoStaff(context, "station");
            page.setViewportSize(1440, 900);
            page.navigate("/");
            assertThat(page.locator("#workbench")).isVisible();
            long p1 = count(page, "#workbench-p1");
            long overdue = count(page, "#workbench-overdue");
            assertThat(p1).isPositive();
            assertThat(overdue).isPositive();
            VisibleText.noBareCodes(page);
            VisibleText.noWrappedButtons(page);

            page.locator("#workbench-p1").click();
            assertThat(page).hasURL(Pattern.compile(".*/requests\\?priority=P1&open=true$"));
            assertThat(page.locator("#request-total")).hasText("共 " + p1 + " 条");
            assertThat(page.locator("#f-open")).isChecked();

            page.navigate("/");
            page.locator("#workbench-overdue").click();
            assertThat(page).hasURL(Pattern.compile(".*/requests\\?overdue=true$"));
            assertThat(page.locator("#request-total")).hasText("共 " + overdue + " 条");
        }
    }

    @Test
    void theBureausHomeShowsTheCityAndTheStreetsWorstOff() {
        anOverdueP1InTianping();
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.demoStaff(context, "civil");
            page.setViewportSize(1440, 900);
            page.navigate("/");
            assertThat(page.locator("#workbench-headline")).isVisible();
            assertThat(page.locator("#workbench-streets tbody tr").first()).isVisible();
            VisibleText.noBareCodes(page);
            VisibleText.noWrappedButtons(page);
            page.locator("#workbench-streets tbody a").first().click();
            assertThat(page).hasURL(Pattern.compile(".*/statistics\\?region=\\d{9}$"));
        }
    }

    private static long count(Page page, String tile) {
        return Long.parseLong(
                page.locator(tile + " .wushe-workbench-count").innerText().replace(",", ""));
    }
}
