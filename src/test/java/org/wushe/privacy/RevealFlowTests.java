package org.wushe.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.RegionCode;

/** End to end with the test-only RevealDemoController: masked page, reveal for a reason, the audit event. */
@WusheIntegrationTest
@RecordApplicationEvents
class RevealFlowTests {

    static final Staff STAFF = Staff.as(Role.STATION_STAFF).in("310104").named("privacy-tester");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApplicationEvents events;

    @Autowired
    CryptoService crypto;

    @Test
    void thePageShowsTheMaskedValueAndAsksForAReasonToRevealIt() {
        assertThat(mvc.get().uri("/privacy-demo").with(staff()))
                .hasStatusOk()
                .bodyText()
                .contains(
                        "138****5678",
                        "hx-post=\"/privacy-demo/phone\"",
                        "hx-target=\"#demo-phone\"",
                        "hx-swap=\"outerHTML\"",
                        "id=\"demo-phone\"",
                        "查看原因",
                        "maxlength=\"200\"",
                        "required",
                        "name=\"_csrf\"",
                        "显示完整信息",
                        "审计")
                .doesNotContain(RevealDemoController.PHONE, "style=", "onclick", "<script>");
        assertThat(events.stream(Activity.class)).isEmpty();
    }

    @Test
    void aReasonRevealsTheValueAndRecordsWhoWhyAndFromWhere() {
        assertThat(mvc.post()
                        .uri("/privacy-demo/phone")
                        .param("reason", "电话回访核实身份")
                        .header("HX-Request", "true")
                        .with(csrf())
                        .with(staff()))
                .hasStatusOk()
                .bodyText()
                .contains(RevealDemoController.PHONE, "wushe-revealed")
                .doesNotContain("<html", "138****5678");

        assertThat(events.stream(Activity.class)).singleElement().satisfies(activity -> {
            assertThat(activity.action()).isEqualTo(AuditAction.REVEAL);
            // Spring Security's name for the principal: the username once StaffPrincipal implements
            // AuthenticatedPrincipal (until then its toString()); SensitiveDataTests checks a plain name
            assertThat(activity.actor()).isEqualTo(STAFF.authentication().getName());
            assertThat(activity.entityType()).isEqualTo("demo_person");
            assertThat(activity.entityId()).isEqualTo("42");
            assertThat(activity.regionCode()).isEqualTo(RegionCode.parse("310104"));
            assertThat(activity.clientAddress()).isEqualTo("127.0.0.1");
            assertThat(activity.reason()).isEqualTo("电话回访核实身份");
            assertThat(activity.fields()).containsExactly("phone");
        });
    }

    @Test
    void withoutAReasonNothingIsShownAndNothingRecorded() {
        assertThat(mvc.post()
                        .uri("/privacy-demo/phone")
                        .param("reason", "  ")
                        .with(csrf())
                        .with(staff()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyText()
                .contains("请填写查看原因，不超过200个字符")
                .doesNotContain(RevealDemoController.PHONE);
        assertThat(mvc.post()
                        .uri("/privacy-demo/phone")
                        .param("reason", "x".repeat(201))
                        .with(csrf())
                        .with(staff()))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(events.stream(Activity.class)).isEmpty();
    }

    @Test
    void aRevealNeedsASignedInUserAndACsrfToken() {
        // without a CSRF token (here: no session either) the post never reaches the controller: refused (403), not
        // sent to "session expired" — there was no session (issue 13 item 10)
        assertThat(mvc.post().uri("/privacy-demo/phone").param("reason", "r").with(staff()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/privacy-demo/phone").param("reason", "r").with(csrf()))
                .hasStatus3xxRedirection();
        assertThat(events.stream(Activity.class)).isEmpty();
    }

    @Test
    void withoutConfiguredKeysTheApplicationUsesOwnerOnlyDevelopmentKeys() throws IOException {
        Path file = Path.of(System.getProperty("wushe.embedded-db.data-dir"), "wushe-keys.properties");
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        byte[] stored = crypto.encrypt("11010519491231002X", "residents_resident", "id_number");
        assertThat(crypto.decrypt(stored, "residents_resident", "id_number")).isEqualTo("11010519491231002X");
    }

    private static RequestPostProcessor staff() {
        return STAFF.request();
    }
}
