package org.wushe.region;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Path;
import java.util.ArrayList;
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

/** On a phone-sized Chromium: the cascader picks 上海市 → 市辖区 → 黄浦区 → a street → a community and submits its code. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegionCascaderBrowserTests {

    static final AtomicInteger COUNTER = new AtomicInteger();

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Regions regions;

    BrowserContext context;
    Page page;

    @BeforeEach
    void signIn() {
        RegionCascaderTests.importCommunities(regions);
        String username = "cascader" + COUNTER.incrementAndGet();
        IssuedPassword issued = Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                .wholeCountry()
                .call(() -> accounts.create(new NewAccount(
                        username,
                        "级联测试",
                        null,
                        Set.of(Role.STATION_STAFF),
                        DataScope.of(List.of(RegionCode.parse("310101"))))));
        context = browser.newContext(port);
        page = Browser.phonePage(context);
        Browser.signInChoosingPassword(page, username, issued.temporaryPassword(), "Cascade-2022-ok");
        assertThat(page.locator("#current-user")).hasText(username);
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    Locator list(int depth) {
        return page.locator("#cascader-communityCode-" + depth);
    }

    @Test
    void picksACommunityLevelByLevelAndSubmitsItsCodeAlone() {
        List<String> apiCalls = new ArrayList<>();
        page.onRequest(request -> {
            if (request.url().contains("/api/v1/regions")) {
                apiCalls.add(request.url().replaceAll("^https?://[^/]+", ""));
            }
        });
        page.navigate("/cascader-demo");
        assertThat(page.locator("noscript input")).hasCount(0); // scripting on: no second field

        // too shallow: the browser refuses the form and the script says why
        list(0).selectOption(new SelectOption().setLabel("上海市"));
        assertThat(list(1).locator("option:checked")).hasText("市辖区"); // its only choice, made for the user
        page.locator("#demo-submit").click();
        assertThat(page.locator("[data-cascader-error]")).hasText("请选择到社区（村）。");
        assertThat(page).hasURL(Pattern.compile(".*/cascader-demo$"));
        assertThat(page.locator("#submitted")).hasCount(0);

        list(1).selectOption(new SelectOption().setLabel("市辖区"));
        list(2).selectOption(new SelectOption().setLabel("黄浦区"));
        list(3).selectOption(new SelectOption().setLabel("南京东路街道"));
        list(4).selectOption(new SelectOption().setLabel("龙泉园路居委会"));
        assertThat(page.locator("[data-cascader-error]")).isEmpty();
        assertThat(page.locator("input[type=hidden][name=communityCode]")).hasValue("310101002002");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/region-cascader.png")));
        page.locator("#demo-submit").click();

        assertThat(page.locator("#submitted")).hasText("310101002002"); // one value, not one per list
        assertThat(apiCalls)
                .contains(
                        "/api/v1/regions/310000/children",
                        "/api/v1/regions/310101/children",
                        "/api/v1/regions/310101002/children");
    }

    @Test
    void aPrefilledValueIsShownWithItsAncestorsWithoutAnyRequestAndChangingALevelClearsTheDeeperOnes() {
        List<String> apiCalls = new ArrayList<>();
        page.onRequest(request -> {
            if (request.url().contains("/api/v1/")) {
                apiCalls.add(request.url());
            }
        });
        page.navigate("/cascader-demo?value=310101002001");
        assertThat(list(2).locator("option:checked")).hasText("黄浦区");
        assertThat(list(4).locator("option:checked")).hasText("云南中路居委会");
        assertThat(page.locator("input[type=hidden][name=communityCode]")).hasValue("310101002001");
        assertThat(apiCalls).isEmpty();

        list(2).selectOption(new SelectOption().setLabel("徐汇区"));
        assertThat(list(3).locator("option")).containsText(new String[] {"请选择", "湖南路街道"}); // loaded
        assertThat(list(4)).hasCount(0);
        assertThat(page.locator("input[type=hidden][name=communityCode]")).hasValue("310104");
    }
}
