package org.wushe;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * The pages people work on that no journey of a module opens, each at the size its users have and as the demo
 * account that uses it: staff pages at an office screen (1440×900) name things instead of showing codes and keep
 * their buttons on one line; the volunteer's page on a phone (390×844) meets the contrast and tap-target checks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class WorkingPagesBrowserTests {

    /** The demo city's community of the {@code community} account (上海新村居委会). */
    static final String COMMUNITY = "310104003001";

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDistrictAdministratorsFormsImportsAndRules() {
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.demoStaff(context, "xuhui");
            check(page, "/social-workers/new", "新建社工");
            check(page, "/social-workers/import", "批量导入社工");
            check(page, "/organisations/import", "批量导入组织机构");
            long organisation = jdbc.sql("select id from directory_organisation where name = '徐汇区乐群社会工作服务社'")
                    .query(Long.class)
                    .single();
            check(page, "/organisations/" + organisation + "/edit", "编辑组织");
            assertThat(page.locator("#name")).hasValue("徐汇区乐群社会工作服务社");
            check(page, "/requests/rules", "分级规则");
            check(page, "/requests/new", "代为登记求助");
            check(page, "/verification/new", "新建核查");
        }
    }

    @Test
    void theStationsImportAndRecordingOfACall() {
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.demoStaff(context, "station");
            check(page, "/volunteers/import", "批量导入志愿者");
            check(page, "/requests/new", "代为登记求助");
            check(page, "/verification", "核查任务");
        }
    }

    @Test
    void theCampaignOfADistrict() {
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.demoStaff(context, "huangpu"); // the demo campaign is 黄浦区's
            check(page, "/verification", "核查任务");
            page.locator("#campaigns tbody a").first().click();
            assertThat(page).hasURL(Pattern.compile(".*/verification/\\d+$"));
            assertThat(page.locator("#campaign-name")).not().isEmpty();
            VisibleText.noBareCodes(page);
            VisibleText.noWrappedButtons(page);
        }
    }

    @Test
    void theCommunityWorkersPagesOfAResident() {
        Map<String, Object> assessed = jdbc.sql("""
                        select a.resident_id, a.id from residents_assessment a
                        join residents_resident r on r.id = a.resident_id
                        where a.community_code = ? and r.voided_at is null order by a.id limit 1""").param(COMMUNITY).query().singleRow();
        long resident = ((Number) assessed.get("resident_id")).longValue();
        long assessment = ((Number) assessed.get("id")).longValue();
        // the demo city registers no households: this resident gets one, as the register does for a family
        long household = jdbc.sql("""
                        insert into residents_household (community_code, address) values (?, '上海新村1号')
                        returning id""").param(COMMUNITY).query(Long.class).single();
        jdbc.sql("update residents_resident set household_id = ? where id = ?")
                .params(household, resident)
                .update();
        long worker = jdbc.sql("select id from access_account where username = 'worker'")
                .query(Long.class)
                .single();
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.demoStaff(context, "community");
            check(page, "/residents/new", "登记居民");
            check(page, "/residents/check-ins/missed", "今日未报平安");
            check(page, "/residents/" + resident + "/edit", "编辑居民信息");
            page.navigate("/residents/" + resident);
            String name = page.locator("#resident-name").innerText().strip();
            assertThat(name).isNotBlank();
            check(page, "/residents/" + resident + "/assessments", name);
            check(page, "/residents/" + resident + "/assessments/" + assessment, name);
            check(page, "/residents/" + resident + "/visits", name);
            check(page, "/residents/" + resident + "/cases", name);

            // a household, which the residents journey opens only when its resident happens to have one
            Response answer = page.navigate("/residents/households/" + household);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(page.locator("#household-title")).not().isEmpty();
            assertThat(page.locator("#household-place")).containsText("上海新村居委会");
            VisibleText.noBareCodes(page);
            VisibleText.noWrappedButtons(page);
            page.navigate("/residents/" + resident + "/cases");

            // a case opened from the resident's page lands on the case's own page
            String title = "走访跟进" + System.nanoTime() % 100_000;
            page.locator("#case-title").fill(title);
            page.locator("#case-worker").fill(Long.toString(worker));
            page.locator("#case-open-form button[type=submit]").click();
            assertThat(page).hasURL(Pattern.compile(".*/residents/cases/\\d+$"));
            assertThat(page.locator("h1")).containsText(title);
            VisibleText.noBareCodes(page);
            VisibleText.noWrappedButtons(page);
        }
    }

    @Test
    void theSocialWorkersOwnRequests() {
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.demoStaff(context, "worker");
            check(page, "/requests/mine", "我的求助单");
            check(page, "/requests/referrals", "转介给本机构");
        }
    }

    @Test
    void theVolunteersOwnRequestsOnAPhone() {
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.signIn(Browser.phonePage(context), "volunteer", Browser.DEMO_PASSWORD);
            Response answer = page.navigate("/requests/mine");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(page.locator("h1")).hasText("我的求助单");
            VisibleText.noBareCodes(page);
            assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue())
                    .as("no sideways scrolling on a phone")
                    .isLessThanOrEqualTo(390);
        }
    }

    @Test
    void theVolunteersOwnRequestsPassTheResidentPageChecksOnAPhone() {
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.signIn(Browser.phonePage(context), "volunteer", Browser.DEMO_PASSWORD);
            page.navigate("/requests/mine");
            assertThat(Accessibility.problems(page)).isEmpty();
        }
    }

    @Test
    void aDemoRequestsStatusPageGivesItsStreetStationsPhone() {
        // a request of the demo city: the report tests write rows of their own (from 2019) in the same street
        Map<String, Object> demo = jdbc.sql("""
                        select r.tracking_code, o.name, o.public_phone from requests_help_request r
                        join directory_organisation o on o.type = 'STATION' and o.region_code = substr(r.region_code, 1, 9)
                        where r.region_code like '310104003%' and o.public_phone is not null
                          and r.created_by <> 'reports-test'
                        order by r.id, o.id limit 1""").query().singleRow();
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.phonePage(context);
            page.navigate("/help/status/" + demo.get("tracking_code"));
            assertThat(page.locator("#station-call")).containsText((String) demo.get("name"));
            assertThat(page.locator("#station-phone")).hasText((String) demo.get("public_phone"));
            assertThat(page.locator("#station-phone"))
                    .hasAttribute("href", "tel:" + ((String) demo.get("public_phone")).replace("-", ""));
            assertThat(Accessibility.problems(page)).isEmpty();
        }
    }

    @Test
    void theDemoCitysTextMessages() {
        try (BrowserContext context = browser.newContext(port)) {
            check(Browser.staffPage(context), "/demo/messages", "演示短信");
        }
    }

    /** Opens {@code path}: answered, headed {@code heading}, no bare code, no wrapped button. */
    private static void check(Page page, String path, String heading) {
        Response answer = page.navigate(path);
        assertThat(answer.status()).as(path).isEqualTo(200);
        assertThat(page.locator("h1")).hasText(heading);
        VisibleText.noBareCodes(page);
        VisibleText.noWrappedButtons(page);
    }
}
