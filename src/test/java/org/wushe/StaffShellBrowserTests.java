package org.wushe;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.wushe.access.ApiClients;
import org.wushe.access.ApiPermission;
import org.wushe.access.DataScope;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.shared.RegionCode;

/**
 * The staff shell's pages of the audit, access, region, notify and platform modules, at an office screen
 * (1440×900) in the demo city, signed in as the demo accounts {@code civil} and {@code auditor} (issue 15 items 3,
 * 4 and 7): no visible text is a bare code where a name belongs, no button wraps, the audit trail names record
 * types, fields, actors and regions, and a name typed where a code was expected is answered in place.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class StaffShellBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @LocalServerPort
    int port;

    @Autowired
    ApiClients clients;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theAuditorReadsNamesOnTheAuditPagesAndAWrongFilterIsSaidInPlace() {
        try (BrowserContext civil = browser.newContext(port)) {
            Browser.demoStaff(civil, "civil"); // at least one sign-in of civil in the trail
        }
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.demoStaff(context, "auditor");
            checkPages(page, List.of("/", "/audit", "/audit?size=100", "/audit/verification", "/inbox"));

            page.navigate("/audit?actor=civil&action=LOGIN");
            var row = page.locator("#audit-results tbody tr").first();
            assertThat(row.locator(".audit-entity span")).hasText("工作人员账户");
            assertThat(row.locator(".audit-entity span")).hasAttribute("title", "account");
            assertThat(row.locator(".audit-region span")).hasText("上海市");
            assertThat(row.locator(".audit-region span")).hasAttribute("title", "310000");
            VisibleText.noBareCodes(page);

            // the record type is chosen by its name; the region from the cascader
            page.navigate("/audit");
            page.locator("#audit-entity-type").selectOption(new SelectOption().setLabel("工作人员账户"));
            page.locator("#audit-region select").first().selectOption("310000");
            page.locator("#audit-search").click();
            assertThat(page).hasURL(Pattern.compile(".*entityType=account.*"));
            assertThat(page).hasURL(Pattern.compile(".*region=310\\d*.*"));
            assertThat(page.locator("#audit-results tbody tr").first().locator(".audit-entity span"))
                    .hasText("工作人员账户");

            // a refused filter after an htmx search: said under its field, the page and the other filters stay
            page.locator("#audit-from").fill("2026-11-29T10:00");
            page.locator("#audit-to").fill("2026-11-29T09:00");
            page.locator("#audit-search").click();
            assertThat(page.locator("#audit-to-error")).containsText("开始时间不能晚于结束时间");
            assertThat(page.locator("#audit-entity-type")).hasValue("account");
            assertThat(page.locator("h1")).hasCount(1);

            // a name typed where a code was expected: the field says so, the rest of the filter stays
            Response answer = page.navigate(
                    "/audit?actor=civil&action=LOGIN&region=%E5%BE%90%E6%B1%87%E5%8C%BA" + "&from=yesterday");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(page.locator("#audit-region-error")).containsText("区划代码");
            assertThat(page.locator("#audit-from-error")).containsText("时间格式");
            assertThat(page.locator("#audit-actor")).hasValue("civil");
            assertThat(page.locator("#audit-action")).hasValue("LOGIN");
            assertThat(page.locator("#audit-filter-error")).isVisible();
            VisibleText.noWrappedButtons(page);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/audit-names.png"))
                    .setFullPage(true));
        }
    }

    @Test
    void theApiClientsCreatorAndAReasonWrittenByCodeAreShownInWords() {
        // civil creates a client and rotates its token (the trail's reason is the stored word "rotate")
        Staff civil = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry().named("civil");
        String name = "shell-client-" + System.nanoTime() % 1_000_000;
        long id = civil.call(() -> clients.create(
                        name,
                        DataScope.of(List.of(RegionCode.parse("310104"))),
                        EnumSet.of(ApiPermission.HELP_REQUESTS_SUBMIT)))
                .client()
                .id();
        civil.call(() -> clients.rotate(id));
        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        jdbc.sql("""
                        select count(*) from audit_entry
                        where actor = 'civil' and entity_type = 'api_client' and entity_id = ? and reason = 'rotate'""").param(Long.toString(id)).query(Long.class).single() == 1);
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.demoStaff(context, "civil");
            page.navigate("/api-clients");
            var creator = page.locator("tr:has-text('" + name + "') .api-client-creator");
            assertThat(creator).hasText("上海市民政局 王*");
            assertThat(creator).hasAttribute("title", "civil");
            VisibleText.noBareCodes(page);
        }
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.demoStaff(context, "auditor");
            page.navigate("/audit?actor=civil&entityType=api_client&action=UPDATE");
            var reason = page.locator("#audit-results tbody tr").first().locator(".audit-reason");
            assertThat(reason).hasText("更换访问令牌");
            assertThat(reason).hasAttribute("title", "rotate");
            VisibleText.noBareCodes(page);
            page.navigate("/audit?actor=civil&entityType=api_client&action=UPDATE&lang=en");
            assertThat(page.locator("#audit-results tbody tr").first().locator(".audit-reason"))
                    .hasText("token rotated");
            VisibleText.noBareCodes(page);
        }
    }

    @Test
    void theCivilAffairsAdministratorReadsNamesOnTheAccountRegionAndInboxPages() {
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.demoStaff(context, "civil");
            checkPages(
                    page,
                    List.of(
                            "/",
                            "/accounts",
                            "/accounts?size=100",
                            "/api-clients",
                            "/regions",
                            "/regions?code=310104",
                            "/regions?code=310104003",
                            "/inbox"));

            page.navigate("/accounts?q=station");
            page.locator("#account-filter ~ * tbody a, table tbody a").first().click();
            assertThat(page).hasURL(Pattern.compile(".*/accounts/\\d+$"));
            VisibleText.noBareCodes(page);
            VisibleText.noWrappedButtons(page);

            // a name where the region browser expected a code: said under the field, and searched by name
            Response answer = page.navigate("/regions?code=%E5%BE%90%E6%B1%87%E5%8C%BA");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(page.locator("#region-jump-error")).containsText("不是区划代码");
            assertThat(page.locator("#search-results")).containsText("徐汇区");
        }
    }

    @Test
    void theAdministratorGivesAnAccountItsRegionsFromTheCascaderNotByCode() {
        String username = "shell" + System.nanoTime() % 1_000_000;
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.demoStaff(context, "civil");
            page.navigate("/accounts");
            page.locator("summary", new Page.LocatorOptions().setHasText("新建账户"))
                    .click();
            assertThat(page.locator("#account-regions input[type=text]:visible"))
                    .hasCount(0);
            page.locator("#username").fill(username);
            page.locator("#displayName").fill("范围测试");
            page.locator("#role-STATION_STAFF").check();
            page.locator("#cascader-regions-0").selectOption("310000");
            page.locator("#cascader-regions-2").selectOption(new SelectOption().setLabel("徐汇区"));
            page.locator("#account-regions")
                    .locator("xpath=ancestor::form")
                    .locator("button[type=submit]")
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/accounts/\\d+$"));
            assertThat(page.locator("#account-scope")).containsText("徐汇区");

            // the regions it has are ticked by name; another is added from the cascader
            page.locator("summary", new Page.LocatorOptions().setHasText("角色与数据范围"))
                    .click();
            assertThat(page.locator("#perm-region-310104")).isChecked();
            assertThat(page.locator("label[for=perm-region-310104]")).hasText("徐汇区");
            page.locator("#cascader-regions-0").selectOption("310000");
            page.locator("#cascader-regions-2").selectOption(new SelectOption().setLabel("黄浦区"));
            page.locator("#perm-regions")
                    .locator("xpath=ancestor::form")
                    .locator("button[type=submit]")
                    .click();
            assertThat(page.locator("#account-scope")).containsText("黄浦区");
            assertThat(page.locator("#account-scope")).containsText("徐汇区");
            VisibleText.noBareCodes(page);
            VisibleText.noWrappedButtons(page);
        }
    }

    @Test
    void theCheckFindsBareCodesAndWrappedButtons() {
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.staffPage(context);
            page.setContent("<link rel=stylesheet href='" + base() + "/webjars/bootstrap/css/bootstrap.min.css'>"
                    + "<p>上海新村居委会 <code>310104003001</code> <span data-code>310104</span></p>"
                    + "<p id=a>区划 310104003001</p><p id=b>渠道 WALK_IN</p><p id=c>HMAC-SM3 P1 station310104 共 1,234,567 条</p>"
                    + "<button class='btn' style='width:60px'>新建社工人员</button>"
                    + "<button class='btn'>搜索</button>");
            assertThat(VisibleText.bareCodes(page))
                    .hasSize(2)
                    .anyMatch(s -> s.contains("310104003001"))
                    .anyMatch(s -> s.contains("WALK_IN"));
            assertThat(VisibleText.wrappedButtons(page))
                    .singleElement()
                    .asString()
                    .contains("新建社工人员");
        }
    }

    private void checkPages(Page page, List<String> paths) {
        for (String path : paths) {
            Response answer = page.navigate(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            page.waitForLoadState();
            VisibleText.noBareCodes(page);
            VisibleText.noWrappedButtons(page);
        }
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
