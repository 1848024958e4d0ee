package org.wushe;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Debian's Chromium driven by Playwright, headless and offline. Where Chromium is not installed the
 * browser tests are skipped, except in CI ({@code WUSHE_REQUIRE_BROWSER=1}), where they fail instead.
 *
 * <p>A browser test class declares {@code @RegisterExtension static final Browser browser = Browser.perClass();}
 * (launched before its tests, closed after them), opens {@code browser.newContext(port)}, and takes its pages at the
 * size their users have: {@link #staffPage} (an office screen) or {@link #phonePage} (a resident's phone).
 */
public final class Browser implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    /** The password of every account of the demo city ({@code demo} profile). */
    public static final String DEMO_PASSWORD = "Wushe@2022demo";

    private static final Pattern PASSWORD_PAGE = Pattern.compile(".*/account/password$");

    private Playwright playwright;
    private com.microsoft.playwright.Browser browser;

    private Browser() {}

    /** Launches Chromium now; the caller closes it. */
    public static Browser launch() {
        Browser launched = new Browser();
        launched.start();
        return launched;
    }

    /**
     * For {@code @RegisterExtension static final Browser browser = Browser.perClass();}: Chromium is launched before
     * the class's first test and closed after its last.
     */
    public static Browser perClass() {
        return new Browser();
    }

    private void start() {
        boolean required = "1".equals(System.getenv("WUSHE_REQUIRE_BROWSER"));
        if (!required) {
            Assumptions.assumeTrue(
                    Files.isExecutable(CHROMIUM), "Chromium is not installed (apt-get install chromium)");
        }
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--no-first-run",
                                "--disable-sync")));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public BrowserContext newContext(String baseUrl) {
        return browser.newContext(
                new NewContextOptions().setBaseURL(baseUrl).setLocale("zh-CN").setViewportSize(1280, 900));
    }

    /** A context for the application on this port of the local machine. */
    public BrowserContext newContext(int port) {
        return newContext("http://localhost:" + port);
    }

    /** A new page at a staff member's office screen, 1440×900. */
    public static Page staffPage(BrowserContext context) {
        Page page = context.newPage();
        page.setViewportSize(1440, 900);
        return page;
    }

    /** A new page at a resident's or volunteer's phone, 390×844. */
    public static Page phonePage(BrowserContext context) {
        Page page = context.newPage();
        page.setViewportSize(390, 844);
        return page;
    }

    /** Signs in on the login page with a password that is not temporary; the shell then names the user. */
    public static Page signIn(Page page, String username, String password) {
        page.navigate("/login");
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录"))
                .click();
        assertThat(page.locator("#current-user")).hasText(username);
        return page;
    }

    /** A staff page (1440×900) signed in as this account of the demo city. */
    public static Page demoStaff(BrowserContext context, String username) {
        return signIn(staffPage(context), username, DEMO_PASSWORD);
    }

    /**
     * Signs in with a one-time password, is sent to choose a password of one's own, chooses {@code chosen}, and
     * leaves the password page.
     */
    public static Page signInChoosingPassword(Page page, String username, String temporary, String chosen) {
        page.navigate("/login");
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(temporary);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录"))
                .click();
        assertThat(page).hasURL(PASSWORD_PAGE);
        page.locator("#current").fill(temporary);
        page.locator("#replacement").fill(chosen);
        page.locator("#confirmation").fill(chosen);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存"))
                .click();
        assertThat(page).not().hasURL(PASSWORD_PAGE);
        return page;
    }

    @Override
    public void close() {
        if (browser != null) {
            browser.close();
            playwright.close();
            browser = null;
        }
    }
}
