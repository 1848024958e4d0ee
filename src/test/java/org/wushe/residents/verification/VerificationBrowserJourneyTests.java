package org.wushe.residents.verification;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wushe.residents.verification.VerificationTestData.COMMUNITY_A;
import static org.wushe.residents.verification.VerificationTestData.HEADER;
import static org.wushe.residents.verification.VerificationTestData.idNumber;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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
import org.wushe.region.Regions;
import org.wushe.shared.RegionCode;

/**
 * The journey in Chromium at 390×844: a community worker signs in on a phone, opens the campaign's task
 * list, opens a task, reveals the phone for a reason, is refused a bad corrected phone next to the field, records
 * DIFFERS with valid corrections, and sees the progress of the list go from 0 / 3 to 1 / 3.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VerificationBrowserJourneyTests {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    VerificationCampaigns campaigns;

    @Autowired
    Regions regions;

    @Test
    void aCommunityWorkerVerifiesATaskOnAPhoneAndSeesTheProgressChange() {
        VerificationTestData.loadCommunities(regions);
        int n = (int) (System.nanoTime() % 1_000_000);
        long campaign = VerificationTestData.campaignWith(
                campaigns,
                "浏览器核查",
                HEADER
                        + "赵一," + idNumber(7, n) + ",13812340001,云南中路8号,独居老人,,310101002001\n"
                        + "赵二," + idNumber(7, n + 1) + ",,云南中路9号,,,310101002001\n"
                        + "赵三," + idNumber(7, n + 2) + ",,云南中路10号,,,310101002001\n");
        String campaignName =
                VerificationTestData.HUANGPU.call(() -> campaigns.get(campaign)).name();
        String username = "grid" + n;
        IssuedPassword issued = VerificationTestData.CITY.call(() -> accounts.create(new NewAccount(
                username,
                "网格员小赵",
                null,
                Set.of(Role.COMMUNITY_STAFF),
                DataScope.of(List.of(RegionCode.parse(COMMUNITY_A))))));

        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.phonePage(context);
            Browser.signInChoosingPassword(page, username, issued.temporaryPassword(), "Grid-Worker-2022");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("核查任务"))
                    .first()
                    .click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(campaignName))
                    .click();
            page.locator("#campaign-tasks").click();
            assertThat(page.locator("#tasks-progress")).hasText("已核查 0 / 3");
            assertThat(page.locator(".wushe-task")).hasCount(3);
            Object width = page.evaluate("document.documentElement.scrollWidth");
            assertThat(((Number) width).intValue())
                    .as("no sideways scrolling on a phone")
                    .isLessThanOrEqualTo(390);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/verification-tasks.png")));

            page.locator(".wushe-task")
                    .filter(new Locator.FilterOptions().setHasText("赵*"))
                    .first()
                    .click();
            assertThat(page.locator("#task-status")).hasText("待核查");
            assertThat(page.locator("#task-id-number .wushe-masked"))
                    .hasText(Pattern.compile("310\\*{11}\\d{3}[\\dX]"));

            page.getByLabel("信息有误（填写更正）").check();
            page.getByLabel("正确的手机号").fill("12345");
            page.locator("#outcome-submit").click();
            assertThat(page.locator("#phone-error")).hasText(Pattern.compile("电话号码格式不正确.*"));
            assertThat(page.locator("#task-status")).hasText("待核查");

            page.getByLabel("信息有误（填写更正）").check();
            page.getByLabel("正确的手机号").fill("13900002222");
            page.getByLabel("正确的地址").fill("云南中路8号3楼");
            page.getByLabel("备注").fill("本人电话已更换");
            page.locator("#outcome-submit").click();
            assertThat(page.locator("#task-saved")).hasText("已记录核查结果。");
            assertThat(page.locator("#task-status")).hasText("信息有误（填写更正）");
            assertThat(page.locator("#task-corrected-phone")).hasText("139****2222");
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/verification-task.png")));

            page.locator("#back-to-tasks").click();
            assertThat(page.locator("#tasks-progress")).hasText("已核查 1 / 3");
            assertThat(page.locator(".wushe-task")).hasCount(2);
        }
    }
}
