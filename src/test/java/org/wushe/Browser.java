package org.wushe;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium driven by Playwright, headless and offline. Where Chromium is not installed the
 * browser tests are skipped, except in CI ({@code WUSHE_REQUIRE_BROWSER=1}), where they fail instead.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser() {
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

    public static Browser launch() {
        boolean required = "1".equals(System.getenv("WUSHE_REQUIRE_BROWSER"));
        if (!required) {
            Assumptions.assumeTrue(
                    Files.isExecutable(CHROMIUM), "Chromium is not installed (apt-get install chromium)");
        }
        return new Browser();
    }

    public BrowserContext newContext(String baseUrl) {
        return browser.newContext(
                new NewContextOptions().setBaseURL(baseUrl).setLocale("zh-CN").setViewportSize(1280, 900));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
