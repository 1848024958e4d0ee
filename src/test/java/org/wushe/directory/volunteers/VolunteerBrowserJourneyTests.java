package org.wushe.directory.volunteers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.Browser;
import org.wushe.access.Accounts;
import org.wushe.access.DataScope;
import org.wushe.access.IssuedPassword;
import org.wushe.access.NewAccount;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.ImportFiles;
import org.wushe.directory.imports.ImportSummary;
import org.wushe.privacy.CryptoService;
import org.wushe.shared.RegionCode;

/**
 * The journey in Chromium at 390×844: a volunteer registers on the phone page (the SMS code read from the
 * outbox), a Xuhui station approves in its browser, and the volunteer signs in with the one-time password from
 * the SMS and sees the passport number on their own page; and a volunteer a station imported (no account) follows
 * the SMS invitation, activates the account on the phone and sees the passport number there too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VolunteerBrowserJourneyTests {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CryptoService crypto;

    @Autowired
    VolunteerImports imports;

    @Test
    void aVolunteerRegistersOnAPhoneAStationApprovesAndThePassportNumberAppears() {
        String base = "http://localhost:" + port;
        String phoneNumber = VolunteerTestData.phone();

        try (BrowserContext volunteerContext = browser.newContext(base)) {
            Page page = Browser.phonePage(volunteerContext);
            page.navigate("/volunteer/register");
            assertThat(page.locator("h1")).hasText("志愿者注册");
            page.getByText("大字版").click();
            assertThat(page.locator("body")).hasClass(Pattern.compile("wushe-large"));
            page.getByLabel("手机号").fill(phoneNumber);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("获取验证码"))
                    .click();
            assertThat(page.getByText("验证码已通过短信发送")).isVisible();
            page.getByLabel("短信验证码").fill(VolunteerTestData.code(jdbc, crypto, phoneNumber));
            page.getByLabel("真实姓名").fill("孙志愿");
            page.getByLabel("身份证号").fill(VolunteerTestData.idNumber());
            page.getByLabel("驾驶").check();
            page.getByLabel("心理疏导").check();
            // the region cascader: 上海市 → 市辖区 (chosen for the user) → 徐汇区 → a street (communities are optional:
            // they exist only where they were imported)
            page.locator("#cascader-regionCode-0").selectOption("310000");
            page.locator("#cascader-regionCode-2").selectOption("310104");
            page.locator("#cascader-regionCode-3").selectOption("310104003");
            assertThat(page.locator("input[type=hidden][name=regionCode]")).hasValue("310104003");
            page.getByLabel("可服务时间").fill("周末全天");
            page.locator("label[for=slot-SATURDAY_MORNING]").click();
            page.locator("label[for=slot-SUNDAY_EVENING]").click();
            assertThat(page.locator("#slot-SATURDAY_MORNING")).isChecked();
            page.getByLabel("我已阅读并同意").check();
            Object width = page.evaluate("document.documentElement.scrollWidth");
            assertThat(((Number) width).intValue())
                    .as("one column, no sideways scrolling")
                    .isLessThanOrEqualTo(390);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交注册"))
                    .click();
            assertThat(page.locator("#registered")).hasText("提交成功，等待审核");
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/volunteer-registered.png")));
        }

        String station = "vstation" + System.nanoTime() % 1_000_000;
        IssuedPassword issued = Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                .wholeCountry()
                .call(() -> accounts.create(new NewAccount(
                        station,
                        "天平路志愿服务站",
                        null,
                        Set.of(Role.STATION_STAFF),
                        DataScope.of(List.of(RegionCode.parse("310104"))))));
        try (BrowserContext stationContext = browser.newContext(base)) {
            Page page = Browser.staffPage(stationContext);
            Browser.signInChoosingPassword(page, station, issued.temporaryPassword(), "Station-2022-ok");
            page.navigate("/volunteers");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("孙*愿"))
                    .first()
                    .click();
            page.locator("#volunteer-approve").click();
            assertThat(page.locator("#volunteer-status")).hasText("已通过");
            assertThat(page.locator("#volunteer-passport")).hasText(Pattern.compile("WS310104\\d{9}"));
        }

        String passport =
                VolunteerTestData.find(VolunteerTestData.lastSms(jdbc, crypto, phoneNumber), "公益护照号(WS\\d{15})");
        String oneTime = VolunteerTestData.oneTimePassword(jdbc, crypto, phoneNumber);
        try (BrowserContext volunteerContext = browser.newContext(base)) {
            Page page = Browser.phonePage(volunteerContext);
            Browser.signInChoosingPassword(page, passport.toLowerCase(Locale.ROOT), oneTime, "Volunteer-2022-ok");
            page.navigate("/volunteer/me");
            assertThat(page.locator("#passport-no")).hasText(passport);
            assertThat(page.locator("#volunteer-status")).hasText("已通过");
            assertThat(page.getByLabel("驾驶")).isChecked();
            page.getByLabel("驾驶").uncheck();
            page.getByLabel("信息技术").check();
            page.getByLabel("可服务时间").fill("工作日晚上");
            page.locator("label[for=slot-SUNDAY_EVENING]").click();
            page.locator("label[for=slot-WEDNESDAY_EVENING]").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("保存修改"))
                    .click();
            assertThat(page.locator("#me-notice")).hasText("已保存");
            assertThat(page.getByLabel("驾驶")).not().isChecked();
            assertThat(page.getByLabel("信息技术")).isChecked();
            assertThat(page.getByLabel("可服务时间")).hasValue("工作日晚上");
            assertThat(page.locator("#slot-SATURDAY_MORNING")).isChecked();
            assertThat(page.locator("#slot-WEDNESDAY_EVENING")).isChecked();
            assertThat(page.locator("#slot-SUNDAY_EVENING")).not().isChecked(); // unticked on /volunteer/me
            assertThat(page.locator("#slot-MONDAY_MORNING")).not().isChecked();
            Object meWidth = page.evaluate("document.documentElement.scrollWidth");
            assertThat(((Number) meWidth).intValue())
                    .as("the week grid fits a phone")
                    .isLessThanOrEqualTo(390);
            page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/volunteer-me.png")));
        }
    }

    @Test
    void anImportedVolunteerActivatesTheirAccountOnAPhoneAndSeesThePassportNumber() {
        String base = "http://localhost:" + port;
        String phoneNumber = VolunteerTestData.phone();
        String id = VolunteerTestData.idNumber();
        Staff station = Staff.as(Role.STATION_STAFF).in("310104003").named("tianping-browser-importer");
        ImportSummary summary = station.call(() -> imports.importFile(
                "名册.xlsx",
                new ByteArrayInputStream(ImportFiles.xlsx(
                        VolunteerImportTests.HEADER,
                        List.of(List.of("钱导入", id, phoneNumber, "医疗", "310104003", "", "", "", ""))))));
        assertThat(summary.written()).isEqualTo(1);
        String passport =
                VolunteerTestData.find(VolunteerTestData.lastSms(jdbc, crypto, phoneNumber), "公益护照号(WS\\d{15})");

        try (BrowserContext volunteerContext = browser.newContext(base)) {
            Page page = Browser.phonePage(volunteerContext);
            page.navigate("/login");
            page.getByText("志愿者激活账号").click();
            assertThat(page.locator("h1")).hasText("激活志愿者账号");
            page.getByLabel("身份证号").fill(id);
            page.getByLabel("登记的手机号").fill(phoneNumber);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("获取验证码"))
                    .click();
            assertThat(page.locator("#activate-code-sent")).isVisible();
            page.getByLabel("短信验证码").fill(VolunteerTestData.code(jdbc, crypto, phoneNumber));
            page.getByLabel("设置登录密码").fill("Qian-2022-ok!");
            page.getByLabel("再次输入密码").fill("Qian-2022-ok!");
            Object width = page.evaluate("document.documentElement.scrollWidth");
            assertThat(((Number) width).intValue())
                    .as("one column, no sideways scrolling")
                    .isLessThanOrEqualTo(390);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("开通账号"))
                    .click();
            assertThat(page.locator("#activated")).hasText("账号已开通");
            String username = passport.toLowerCase(Locale.ROOT);
            assertThat(page.locator("#activated-username")).hasText(username);
            page.screenshot(
                    new Page.ScreenshotOptions().setPath(Path.of("target/screenshots/volunteer-activated.png")));

            page.locator("#activated-login").click();
            page.getByLabel("用户名").fill(username);
            page.getByLabel("密码").fill("Qian-2022-ok!");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录"))
                    .click();
            assertThat(page).not().hasURL(Pattern.compile(".*/(login|account/password).*"));
            page.navigate("/volunteer/me");
            assertThat(page.locator("#passport-no")).hasText(passport);
            assertThat(page.getByLabel("医疗")).isChecked();
        }
    }
}
