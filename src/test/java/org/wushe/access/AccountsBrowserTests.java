package org.wushe.access;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.wushe.Browser;

/**
 * The city's civil-affairs administrator at an office screen (1440×900), in the demo city (where admins sign in
 * without the second factor): the account list and an account's page name the regions of each scope.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class AccountsBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @LocalServerPort
    int port;

    @Test
    void theAccountListAndAnAccountNameTheRegionsOfTheirScope() {
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.demoStaff(context, "civil");

            page.navigate("/accounts?q=station&size=50");
            var row = page.locator("tr", new Page.LocatorOptions().setHasText("天平路街道"));
            assertThat(row.first()).containsText("徐汇区 天平路街道");
            row.first().getByRole(AriaRole.LINK).first().click();
            assertThat(page).hasURL(Pattern.compile(".*/accounts/\\d+$"));
            assertThat(page.locator("#account-scope")).containsText("徐汇区 天平路街道");
            assertThat(page.locator("#account-scope")).containsText("310104003");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/account-station.png"))
                    .setFullPage(true));
        }
    }
}
