package org.wushe.directory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.wushe.Browser;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.socialworkers.SocialWorkerDraft;
import org.wushe.directory.socialworkers.SocialWorkerTestData;
import org.wushe.directory.socialworkers.SocialWorkers;

/**
 * The directory at an office screen (1440×900) in the demo city, signed in as 徐汇区民政局 ({@code xuhui}): regions
 * are shown by name, not code (issue 15 item 3), and organisations are chosen with the search-as-you-type picker,
 * not by id (item 4): type, choose, submit, and the id arrives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class DirectoryBrowserTests {

    static final Pattern CODE = Pattern.compile("\\b\\d{6}(\\d{3}){0,2}\\b");

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SocialWorkers socialWorkers;

    static final Staff XUHUI = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").named("xuhui-browser");

    @Test
    void regionsAreShownByNameOnTheDirectorysPages() {
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.demoStaff(context, "xuhui");

            page.navigate("/social-workers?size=50");
            assertThat(page.locator("#social-worker-new")).hasText("新建社工");
            Locator regions = page.locator("#social-worker-results tbody td:nth-child(7)");
            assertThat(regions.first()).isVisible();
            for (String text : regions.allInnerTexts()) {
                assertThat(text).containsPattern("\\p{IsHan}").doesNotContainPattern(CODE);
            }
            assertThat(regions.first().locator("span")).hasAttribute("title", Pattern.compile("^3101\\d+$"));
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/social-workers.png")));

            page.locator("#social-worker-results tbody a").first().click();
            assertThat(page.locator("#social-worker-region")).containsText("徐汇区");
            assertThat(page.locator("#social-worker-region small")).hasText(Pattern.compile("^310104\\d*$"));

            page.navigate("/social-workers/counts");
            Locator byRegion = page.locator("#counts-byRegion tbody");
            assertThat(byRegion).containsText("徐汇区");
            assertThat(byRegion.innerText()).doesNotContainPattern(CODE);

            page.navigate("/organisations?size=50&type=STATION");
            Locator orgRegions = page.locator("#organisation-results tbody td:nth-child(4)");
            assertThat(orgRegions.first()).isVisible();
            for (String text : orgRegions.allInnerTexts()) {
                assertThat(text).startsWith("徐汇区 ").doesNotContainPattern(CODE);
            }

            page.navigate("/volunteers?status=APPROVED");
            Locator volunteerRegions = page.locator("#volunteers tbody td:nth-child(2)");
            assertThat(volunteerRegions.first()).isVisible();
            assertThat(volunteerRegions.first().innerText())
                    .containsPattern("\\p{IsHan}")
                    .doesNotContainPattern(CODE);
        }
    }

    @Test
    void theSocialWorkerFilterChoosesAnOrganisationByName() {
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.demoStaff(context, "xuhui");
            page.navigate("/social-workers");
            Locator field = page.locator("#filter-organisation");
            assertThat(page.locator("#filter-organisation-help")).hasText("输入名称中的几个字，再从列表中选择。");
            field.pressSequentially("乐群");
            Locator option = page.locator(
                    "#filter-organisation-options [data-picker-id]",
                    new Page.LocatorOptions().setHasText("徐汇区乐群社会工作服务社"));
            assertThat(option).isVisible();
            String id = option.getAttribute("data-picker-id");
            option.click();
            assertThat(field).hasValue("徐汇区乐群社会工作服务社");
            page.locator("#social-worker-search").click();

            assertThat(page).hasURL(Pattern.compile(".*[?&]organisation=" + id + "(&.*)?$"));
            assertThat(page.locator("#filter-organisation")).hasValue("徐汇区乐群社会工作服务社");
            Locator organisations = page.locator("#social-worker-results tbody td:nth-child(8)");
            assertThat(organisations.first()).isVisible();
            for (String text : organisations.allInnerTexts()) {
                assertThat(text).contains("徐汇区乐群社会工作服务社");
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/picker-filter.png")));
        }
    }

    @Test
    void theOrganisationFormChoosesItsParentByName() {
        String name = "浏览器测试" + DirectoryTestData.marker();
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.demoStaff(context, "xuhui");
            page.navigate("/organisations/new");
            page.locator("#type").selectOption("AGENCY");
            page.locator("#name").fill(name);
            page.locator("select[aria-label='省级']").selectOption(new SelectOption().setLabel("上海市"));
            Locator county = page.locator("select:has(option:text-is('徐汇区'))");
            assertThat(county).isVisible();
            county.selectOption(new SelectOption().setLabel("徐汇区"));

            Locator parent = page.locator("#parentId");
            parent.pressSequentially("阳光");
            Locator option = page.locator(
                    "#parentId-options [data-picker-id]", new Page.LocatorOptions().setHasText("徐汇区阳光社会工作事务所"));
            assertThat(option).isVisible();
            String id = option.getAttribute("data-picker-id");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/picker-open.png")));
            parent.press("ArrowDown");
            page.keyboard().press("Enter");
            assertThat(parent).hasValue("徐汇区阳光社会工作事务所");
            page.locator("#organisation-form button[type=submit]").click();

            assertThat(page).hasURL(Pattern.compile(".*/organisations/\\d+$"));
            assertThat(page.locator("dd a", new Page.LocatorOptions().setHasText("徐汇区阳光社会工作事务所")))
                    .isVisible();
            assertThat(jdbc.sql("select parent_id from directory_organisation where name = ?")
                            .param(name)
                            .query(Long.class)
                            .single())
                    .isEqualTo(Long.parseLong(id));
            assertThat(page.locator("#organisation-region")).containsText("徐汇区");
        }
    }

    @Test
    void theSocialWorkerFormChoosesSeveralOrganisationsAsChips() {
        long lequn = jdbc.sql("select id from directory_organisation where name = '徐汇区乐群社会工作服务社'")
                .query(Long.class)
                .single();
        long yangguang = jdbc.sql("select id from directory_organisation where name = '徐汇区阳光社会工作事务所'")
                .query(Long.class)
                .single();
        String name = "浏览" + DirectoryTestData.marker().substring(1, 4).replaceAll("[^\\p{IsHan}]", "") + "社工";
        long worker = XUHUI.call(() -> socialWorkers.create(new SocialWorkerDraft(
                name,
                SocialWorkerTestData.idNumber(),
                null,
                "NONE",
                null,
                List.of(),
                false,
                null,
                "ON_DUTY",
                "310104",
                List.of(lequn),
                List.of())));
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.demoStaff(context, "xuhui");
            page.navigate("/social-workers/" + worker + "/edit");
            Locator chips = page.locator("[data-picker-chip]");
            assertThat(chips).hasCount(1);
            assertThat(chips.first()).containsText("徐汇区乐群社会工作服务社");

            page.locator("#sw-orgs").pressSequentially("阳光");
            Locator option = page.locator(
                    "#sw-orgs-options [data-picker-id]", new Page.LocatorOptions().setHasText("徐汇区阳光社会工作事务所"));
            assertThat(option).isVisible();
            option.click();
            assertThat(chips).hasCount(2);
            assertThat(page.locator("#sw-orgs")).hasValue("");
            chips.first().locator("[data-picker-remove]").click();
            assertThat(chips).hasCount(1);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/picker-chips.png")));
            page.locator("#social-worker-form button[type=submit]").click();

            assertThat(page).hasURL(Pattern.compile(".*/social-workers/" + worker + "$"));
            assertThat(jdbc.sql("select organisation_id from directory_social_worker_membership"
                                    + " where social_worker_id = ?")
                            .param(worker)
                            .query(Long.class)
                            .list())
                    .containsExactly(yangguang);
        }
    }

    @Test
    void aNameTheFilterCannotFindIsSaidUnderTheFieldAndTheOtherFiltersStay() {
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.demoStaff(context, "xuhui");
            page.navigate("/social-workers");
            page.locator("#filter-name").fill("王");
            page.locator("#filter-organisation").fill("没有这家机构");
            page.locator("#social-worker-search").click();
            assertThat(page.locator("#filter-organisation-error")).containsText("没有名为“没有这家机构”的组织");
            assertThat(page.locator("#filter-organisation")).hasValue("没有这家机构");
            assertThat(page.locator("#filter-name")).hasValue("王");
        }
    }
}
