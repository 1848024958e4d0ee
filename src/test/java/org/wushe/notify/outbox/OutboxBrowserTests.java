package org.wushe.notify.outbox;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.Browser;
import org.wushe.VisibleText;
import org.wushe.access.Accounts;
import org.wushe.access.DataScope;
import org.wushe.access.IssuedPassword;
import org.wushe.access.NewAccount;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.notify.MessageKind;
import org.wushe.notify.Notifications;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.RegionCode;

/**
 * A civil-affairs admin at an office screen (1440×900) finds a failed text message by its provider's code, sees
 * the number masked and no text, and sends it again; the API answers the same, and the retry is audited.
 */
// The admin's authenticator enrolment is TwoFactorTests' journey; here the admin signs in with the password alone.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "wushe.security.totp-required-for-admins=false")
class OutboxBrowserTests {

    @RegisterExtension
    static final Browser browser = Browser.perClass();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminRetriesAFailedMessageFoundByItsCode() {
        String phone = "135" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        long failed = transactions.execute(
                s -> notifications.send(PhoneNumber.parse(phone), MessageKind.REQUEST_CODE, "602214"));
        jdbc.sql("update notify_message set status = 'FAILED', attempts = 1, provider = 'aliyun',"
                        + " error_code = 'isv.MOBILE_NUMBER_ILLEGAL' where id = ?")
                .param(failed)
                .update();
        String username = "sms-admin" + System.nanoTime() % 100_000;
        IssuedPassword issued = Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                .wholeCountry()
                .call(() -> accounts.create(new NewAccount(
                        username,
                        "短信管理",
                        null,
                        Set.of(Role.CIVIL_AFFAIRS_ADMIN),
                        DataScope.of(List.of(RegionCode.parse("310000"))))));
        try (BrowserContext context = browser.newContext(port)) {
            Page page = Browser.staffPage(context);
            Browser.signInChoosingPassword(page, username, issued.temporaryPassword(), "Sms-Outbox-2022");

            page.locator("a[href='/notify/outbox']").first().click();
            assertThat(page.locator("h1")).hasText("短信发送");
            assertThat(page.locator("#outbox-counts")).containsText("求助验证码");
            page.locator("#status").selectOption("FAILED");
            page.locator("#outbox-filter button[type=submit]").click();
            var row = page.locator("#outbox-" + failed);
            // the failure in words; the provider's code for a ticket with the provider on hover
            assertThat(row).containsText("号码无效");
            assertThat(row.locator("[title^='isv.MOBILE_NUMBER_ILLEGAL']")).hasCount(1);
            assertThat(row).containsText(phone.substring(0, 3) + "****" + phone.substring(7));
            assertThat(page.locator("body")).not().containsText(phone);
            assertThat(page.locator("body")).not().containsText("602214");
            VisibleText.noBareCodes(page);
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(Path.of("target/screenshots/sms-outbox.png"))
                    .setFullPage(true));

            APIResponse api = context.request().get("/api/v1/notify/outbox?status=FAILED");
            assertThat(api.status()).isEqualTo(200);
            assertThat(api.text())
                    .contains("\"id\":" + failed)
                    .doesNotContain(phone)
                    .doesNotContain("602214");

            row.locator("summary").click();
            row.locator("form button[type=submit]").click();
            assertThat(page.locator("[role=status]").first()).containsText("已重新排队发送");
        }
        assertThat(jdbc.sql("select status from notify_message where id = ?")
                        .param(failed)
                        .query(String.class)
                        .single())
                .isIn("PENDING", "SENDING", "SENT");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from audit_entry where entity_type = 'sms_message'"
                                        + " and entity_id = ?")
                                .param(Long.toString(failed))
                                .query(Long.class)
                                .single()
                        == 1);
    }
}
