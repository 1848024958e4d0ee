package org.wushe.audit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wushe.Browser;
import org.wushe.access.Accounts;
import org.wushe.access.DataScope;
import org.wushe.access.IssuedPassword;
import org.wushe.access.NewAccount;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.shared.RegionCode;

/** An auditor at an office screen (1440×900) opens the audit trail and has the chain verified. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditBrowserTests {

    static final AtomicInteger COUNTER = new AtomicInteger();

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void anAuditorVerifiesTheChainFromTheAuditTrail() {
        String username = "audit-journey" + COUNTER.incrementAndGet() + "x" + System.nanoTime() % 10_000;
        IssuedPassword issued = Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                .wholeCountry()
                .call(() -> accounts.create(new NewAccount(
                        username,
                        "审计旅程",
                        null,
                        Set.of(Role.AUDITOR),
                        DataScope.of(List.of(RegionCode.parse("310000"))))));
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.staffPage(context);
            Browser.signInChoosingPassword(page, username, issued.temporaryPassword(), "Audit-Journey-2022");

            page.navigate("/audit");
            // entries carry the number the verification page names
            assertThat(page.locator("#audit-results thead th").first()).hasText("编号");
            page.locator("a[href='/audit/verification']").first().click();
            assertThat(page).hasURL(Pattern.compile(".*/audit/verification$"));
            assertThat(page.locator("#audit-verification")).containsText("审计链完整");
            assertThat(page.locator("#audit-verification")).hasClass(Pattern.compile(".*alert-success.*"));
            // the last entry by its number and when it happened, not a bare id
            assertThat(page.locator("#audit-last"))
                    .hasText(Pattern.compile("^\\s*\\d+\\s+\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\s*$"));
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/audit-verification.png"))
                    .setFullPage(true));
        }
    }
}
