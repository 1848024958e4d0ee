package org.wushe.region;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wushe.Browser;

/** A person in Chromium browses the division tree, searches, and switches language. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegionBrowserJourneyTests {

    static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void launch() {
        browser = Browser.launch();
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void open() {
        context = browser.newContext("http://localhost:" + port);
        page = context.newPage();
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
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("徐汇区").setExact(true)).first().click();

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
