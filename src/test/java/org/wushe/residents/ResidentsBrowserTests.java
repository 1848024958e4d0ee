package org.wushe.residents;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.wushe.Accessibility;
import org.wushe.Browser;
import org.wushe.VisibleText;

/**
 * The demo city's community worker (上海新村居委会) at an office screen (1440×900) and an elderly resident on a phone
 * (390×844), issue 15 items 3, 5 and 12: the residents pages name communities and accounts instead of showing codes,
 * a name typed into the community filter is an error at its field, a new check-in link comes with a QR code, a copy
 * button and "send by SMS", and the resident's page greets by the 称呼 chosen at enrolment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ResidentsBrowserTests {

    /** A bare 12-digit community code in visible text. */
    static final Pattern COMMUNITY_CODE = Pattern.compile("(?<!\\d)\\d{12}(?!\\d)");

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @LocalServerPort
    int port;

    @Test
    void theResidentsPagesNameCommunitiesAndAccountsAndTheCheckInLinkReachesTheResident() {
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.demoStaff(context, "community");

            List<String> codes = new ArrayList<>();
            page.navigate("/residents?category=ELDERLY_ALONE&community=310104003001&size=50");
            var first = page.locator("table tbody tr").first();
            assertThat(first).containsText("上海新村居委会");
            noBareCode(page, codes);
            first.getByRole(AriaRole.LINK).first().click();
            assertThat(page).hasURL(Pattern.compile(".*/residents/\\d+$"));
            String residentUrl = page.url();
            assertThat(page.locator("#resident-community")).containsText("上海新村居委会");
            assertThat(page.locator("#resident-community span[title='310104003001']"))
                    .isVisible();
            // the grid worker by display name, not username (the demo picks whoever covers the community first;
            // in a full test run that can be another test's account)
            assertThat(page.locator("#resident-grid-worker")).not().hasText(Pattern.compile("^[A-Za-z0-9_.-]*$"));
            noBareCode(page, codes);
            if (page.locator("#resident-household").count() > 0) {
                page.locator("#resident-household").click();
                assertThat(page.locator("#household-place")).containsText("上海新村居委会");
                noBareCode(page, codes);
            }
            for (String list : List.of("/residents/cases", "/residents/visits/overdue", "/verification/tasks")) {
                page.navigate(list);
                assertThat(page.locator("h1")).isVisible();
                noBareCode(page, codes);
            }
            assertThat(codes).as("bare community codes in visible text").isEmpty();

            // a name typed where a code was expected: the error at the field, the other filters kept, no 400 page
            var response = page.navigate("/residents?community=上海新村&category=ELDERLY_ALONE&name=张");
            assertThat(response.status()).isEqualTo(200);
            assertThat(page.locator("#error-community")).isVisible();
            assertThat(page.locator("#filter-name")).hasValue("张");
            assertThat(page.locator("#filter-category")).hasValue("ELDERLY_ALONE");

            // enrol (again: confirm) with a form of address; the link comes with a QR code, copy and SMS
            page.navigate(residentUrl + "/check-in");
            page.locator("#addressAs").fill("王阿姨");
            if (page.locator("#confirmReplace").count() > 0) {
                page.locator("#enrol-submit").click();
                assertThat(page.locator("#error-confirmReplace")).isVisible();
                assertThat(page.locator("#addressAs")).hasValue("王阿姨");
                page.locator("#confirmReplace").check();
            }
            page.locator("#enrol-submit").click();
            assertThat(page.locator("#check-in-qr svg.wushe-qr")).isVisible();
            assertThat(page.locator("#check-in-link img")).hasCount(0);
            String link = page.locator("#check-in-url").inputValue();
            assertThat(link).matches("http://localhost:\\d+/check-in/[A-Za-z0-9_-]{43}");
            page.locator("#check-in-copy").click();
            assertThat(page.locator("#check-in-copy")).hasText("已复制");
            var buttons = page.locator("#check-in-sms-form button");
            for (int i = 0; i < buttons.count(); i++) {
                assertThat(buttons.nth(i)).not().hasAttribute("disabled", "");
                double height = buttons.nth(i).boundingBox().height;
                assertThat(height).as("an SMS button does not wrap").isLessThan(40);
            }
            page.locator("#check-in-sms-form button").first().click();
            assertThat(page.locator(".alert-success")).containsText("短信");
            assertThat(page.locator("#check-in-qr")).isVisible();
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/check-in-staff.png"))
                    .setFullPage(true));

            // the resident's phone
            Page phone = Browser.phonePage(context);
            phone.navigate(link);
            assertThat(phone.locator("#check-in-hello")).containsText("王阿姨，您好");
            assertThat(phone.locator("body")).not().containsText("*");
            assertThat(Accessibility.problems(phone)).isEmpty();
            phone.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/check-in-phone.png"))
                    .setFullPage(true));
            phone.locator("#check-in-well").click();
            assertThat(phone.locator("#check-in-done")).isVisible();
            assertThat(Accessibility.problems(phone)).isEmpty();
        }
    }

    /**
     * Issue 15 item 4: the community worker picks a resident's grid worker and a case's worker by typing their
     * names; the forms show names, never account numbers.
     */
    @Test
    void theGridWorkerAndTheCaseWorkerArePickedByTypingTheirNames() {
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.demoStaff(context, "community");
            page.navigate("/residents?community=310104003001&size=10");
            page.locator("table tbody tr")
                    .first()
                    .getByRole(AriaRole.LINK)
                    .first()
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/residents/\\d+$"));
            String residentUrl = page.url();

            page.navigate(residentUrl + "/edit");
            Locator grid = page.locator("#r-grid");
            assertThat(page.locator("label[for=r-grid]")).hasText("网格员");
            grid.fill("");
            grid.pressSequentially("孙");
            Locator sun = page.locator(
                    "#r-grid-options [data-picker-id]", new Page.LocatorOptions().setHasText("上海新村居委会 孙*"));
            assertThat(sun).isVisible();
            sun.click();
            assertThat(grid).hasValue("上海新村居委会 孙*");
            VisibleText.noBareCodes(page);
            page.locator("#resident-form button[type=submit]").click();
            assertThat(page).hasURL(Pattern.compile(".*/residents/\\d+$"));
            assertThat(page.locator("#resident-grid-worker")).hasText("上海新村居委会 孙*");

            page.navigate(residentUrl + "/cases");
            page.locator("#case-title").fill("浏览器测试个案");
            Locator worker = page.locator("#case-worker");
            worker.pressSequentially("周");
            Locator zhou = page.locator(
                    "#case-worker-options [data-picker-id]", new Page.LocatorOptions().setHasText("社工 周*"));
            assertThat(zhou).isVisible();
            zhou.click();
            assertThat(worker).hasValue("社工 周*");
            VisibleText.noBareCodes(page);
            page.locator("#case-open-form button[type=submit]").click();
            assertThat(page).hasURL(Pattern.compile(".*/residents/cases/\\d+$"));
            assertThat(page.locator("main")).containsText("社工 周*");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/picker-case-worker.png")));
        }
    }

    private static void noBareCode(Page page, List<String> codes) {
        String text = page.locator("main").count() > 0
                ? page.locator("main").innerText()
                : page.locator("body").innerText();
        Matcher m = COMMUNITY_CODE.matcher(text);
        while (m.find()) {
            codes.add(page.url() + ": " + m.group());
        }
    }
}
