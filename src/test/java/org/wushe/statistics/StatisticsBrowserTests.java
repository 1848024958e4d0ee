package org.wushe.statistics;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.time.LocalDate;
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
import org.wushe.platform.ChinaTime;

/**
 * The bureau's dashboard at an office screen (1440×900): the civil account drills 上海市 → 徐汇区 → 天平路街道 by
 * the regions' names, the breadcrumb leads back up, the charts are drawn and no code is shown bare.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class StatisticsBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theBureauDrillsFromTheCityToAStreet() {
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        // a day of services in 天平路街道 (徐汇区) and in 黄浦区, written as the ledger's listener would
        jdbc.sql("delete from statistics_daily_rollup where day = ? and community_code in (?, ?)")
                .params(today, "310104003001", "310101002001")
                .update();
        jdbc.sql("insert into statistics_daily_rollup values (?, '310104003001', 'HEALTH_CARE', 'STATION', 2, 5, 0),"
                        + " (?, '310101002001', 'VISIT', 'STATION', 3, 3, 0)")
                .params(today, today)
                .update();
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.demoStaff(context, "civil");
            page.navigate("/statistics");
            assertThat(page.locator("h1")).hasText("统计");
            assertThat(page.locator("#statistics-breadcrumb")).containsText("上海市");
            assertThat(page.locator("#chart-byKind .wushe-chart svg")).hasCount(1);
            VisibleText.noBareCodes(page);
            VisibleText.noWrappedButtons(page);

            page.locator("#chart-byRegion summary").click(); // the table is folded once the chart is drawn
            page.locator("#chart-byRegion table").getByText("徐汇区").click();
            assertThat(page).hasURL(Pattern.compile("region=310104(&|$)"));
            assertThat(page.locator("#statistics-breadcrumb li").last()).hasText("徐汇区");
            page.locator("#chart-byRegion summary").click();
            page.locator("#chart-byRegion table").getByText("天平路街道").click();
            assertThat(page).hasURL(Pattern.compile("region=310104003(&|$)"));
            assertThat(page.locator("#statistics-breadcrumb li").last()).hasText("天平路街道");
            assertThat(page.locator("#chart-byRegion table")).containsText("上海新村居委会");
            long personTimes = Long.parseLong(
                    page.locator("#headline-personTimes").innerText().replace(",", ""));
            assertThat(personTimes).as("天平路街道's services are counted").isGreaterThanOrEqualTo(5);
            VisibleText.noBareCodes(page);

            page.locator("#statistics-breadcrumb").getByText("徐汇区").click();
            assertThat(page).hasURL(Pattern.compile("region=310104(&|$)"));
        }
    }
}
