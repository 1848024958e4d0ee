package org.wushe.region;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

/** A person in Chromium signs in, browses the division tree, searches, and switches language. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegionBrowserJourneyTests {

    static final AtomicInteger COUNTER = new AtomicInteger();

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;

    @Autowired
    Accounts accounts;

    /** A fresh account each time: signs in with its one-time password and must choose its own first. */
    @BeforeEach
    void signIn() {
        String username = "journey" + COUNTER.incrementAndGet();
        IssuedPassword issued = Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                .wholeCountry()
                .call(() -> accounts.create(new NewAccount(
                        username,
                        "旅程测试",
                        null,
                        Set.of(Role.STATION_STAFF),
                        DataScope.of(List.of(RegionCode.parse("310104"))))));
        context = browser.newContext(port);
        page = Browser.staffPage(context);
        page.navigate("/regions");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        Browser.signInChoosingPassword(page, username, issued.temporaryPassword(), "Journey-2022-ok");
        assertThat(page.locator("#current-user")).hasText(username);
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void expandsTheTreeDownToAStreetWithoutReloading() {
        page.navigate("/regions");
        assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
        page.getByLabel("展开 上海市").click();
        page.getByLabel("展开 市辖区").first().click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("徐汇区").setExact(true))
                .first()
                .click();

        assertThat(page.locator("#region-name")).hasText("徐汇区");
        assertThat(page.locator("#region-detail")).containsText("天平路街道");
        assertThat(page).hasURL(Pattern.compile(".*/regions\\?code=310104$"));
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/regions-xuhui.png")));
    }

    @Test
    void searchesAsYouType() {
        page.navigate("/regions");
        page.getByLabel("按名称搜索").fill("徐汇");
        assertThat(page.locator("#search-results")).containsText("上海市 / 市辖区 / 徐汇区");
        page.locator("#search-results a").first().click();
        assertThat(page.locator("#region-name")).hasText("徐汇区");
    }

    @Test
    void englishIsOneClickAwayAndRemembered() {
        page.navigate("/");
        page.getByText("English").click();
        assertThat(page.locator("h1")).hasText("Welcome to Wushe");
        page.navigate("/regions");
        assertThat(page.locator("h1")).hasText("Regions");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/regions-en.png")));
    }
}
