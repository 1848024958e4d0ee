package org.wushe.requests;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wushe.Accessibility;
import org.wushe.Browser;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.StationContacts;
import org.wushe.directory.organisations.OrganisationDraft;
import org.wushe.directory.organisations.Organisations;
import org.wushe.requests.intake.HelpRequests;
import org.wushe.requests.intake.Submission;
import org.wushe.shared.RegionCode;

/**
 * Issue 15 items 9 and 11 on a 390×844 phone, in standard print and 大字版: "拨打 120" is a tel: link; the status
 * page says in plain words what happens next and by when (no bare "P1", no internal status words); /help/track and
 * its not-found answer lead back to /help; the status page gives the covering station's public phone as a tel:
 * link; and the changed pages pass the contrast and tap-target checks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResidentHelpPagesBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @LocalServerPort
    int port;

    @Autowired
    HelpRequests requests;

    @Autowired
    StationContacts stations;

    @Autowired
    Organisations organisations;

    @Test
    void theResidentPagesSpeakPlainlyAndLeadBack() {
        Submission p1 = RequestTestData.recordCall(
                requests,
                Staff.as(Role.STATION_STAFF).in(RequestTestData.TIANPING).named("plain-words"),
                "DIALYSIS",
                Map.of("dialysisDueWithin24h", true),
                "URGENT",
                RequestTestData.phone());
        // the station covering 天平路街道 publishes a number (the demo city's does; here one is made if none does)
        if (stations.covering(RegionCode.parse(RequestTestData.TIANPING)).isEmpty()) {
            RequestFixtures.ADMIN.call(() -> organisations.create(new OrganisationDraft(
                    "STATION",
                    "天平路街道社工站（浏览器测试）",
                    null,
                    RequestTestData.TIANPING,
                    "天平路1号",
                    null,
                    null,
                    "021-64381234",
                    null,
                    List.of(RequestTestData.TIANPING))));
        }
        var station =
                stations.covering(RegionCode.parse(RequestTestData.TIANPING)).orElseThrow();
        List<String> problems = new ArrayList<>();
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.phonePage(context);
            for (boolean large : new boolean[] {false, true}) {
                String print = large ? " (大字版)" : "";
                page.navigate("/help/font?large=" + (large ? 1 : 0) + "&back=/help");
                page.navigate("/help");
                assertThat(page.locator("#call-120")).hasAttribute("href", "tel:120");
                assertThat(page.locator("#call-120")).hasText("拨打 120");
                Accessibility.problems(page).forEach(p -> problems.add("/help" + print + ": " + p));

                page.navigate("/help/track");
                assertThat(page.locator("#back-to-help")).hasAttribute("href", "/help");
                Accessibility.problems(page).forEach(p -> problems.add("/help/track" + print + ": " + p));
                page.locator("#code").fill("ZZZZZZZZ");
                page.locator("form[action$='/help/track'] button").click();
                assertThat(page.locator("#not-found")).isVisible();
                page.locator("#back-to-help").click();
                assertThat(page).hasURL(Pattern.compile(".*/help$"));

                page.navigate("/help/track");
                page.locator("#code").fill(p1.trackingCode());
                page.locator("form[action$='/help/track'] button").click();
                assertThat(page.locator("#next-step")).hasText("工作人员将在 30 分钟内联系您，请保持电话畅通。");
                assertThat(page.locator("#priority")).hasText("非常紧急");
                assertThat(page.locator("#status")).hasText("已收到，正在安排工作人员");
                String text = page.locator("main").innerText();
                assertThat(text).doesNotContain("P1").doesNotContain("已分级").doesNotContain("待派单");
                // item 11: whom to call with a question, as a link a thumb can hit
                assertThat(page.locator("#station-call")).containsText("如有疑问请拨打" + station.name() + "电话");
                assertThat(page.locator("#station-phone")).hasAttribute("href", station.telUri());
                assertThat(page.locator("#station-phone")).hasText(station.phone());
                var box = page.locator("#station-phone").boundingBox();
                assertThat(box.height).as("tap target height" + print).isGreaterThanOrEqualTo(44);
                assertThat(box.width).as("tap target width" + print).isGreaterThanOrEqualTo(44);
                Accessibility.problems(page).forEach(p -> problems.add("status" + print + ": " + p));
            }
        }
        assertThat(problems).isEmpty();
    }
}
