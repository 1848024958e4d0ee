package org.wushe.access.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Accounts;
import org.wushe.access.DataScope;
import org.wushe.access.IssuedPassword;
import org.wushe.access.NewAccount;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.shared.RegionCode;

/** An administrator's first sign-in: one-time password → own password → authenticator enrolment → code. */
@WusheIntegrationTest
class TwoFactorTests {

    @Autowired
    Accounts accounts;

    @Autowired
    MockMvcTester mvc;

    @Test
    void adminsMustEnrolAnAuthenticatorAndGiveItsCodeAtEverySignIn() throws Exception {
        IssuedPassword issued = Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                .wholeCountry()
                .call(() -> accounts.create(new NewAccount(
                        "totpadmin",
                        "两步验证管理员",
                        null,
                        Set.of(Role.CIVIL_AFFAIRS_ADMIN),
                        DataScope.of(List.of(RegionCode.parse("310101"))))));
        Cookie session = signIn(issued.temporaryPassword());
        var changed = mvc.post()
                .uri("/account/password")
                .cookie(session)
                .with(csrf())
                .param("current", issued.temporaryPassword())
                .param("replacement", "Admin-2022-strong")
                .param("confirmation", "Admin-2022-strong")
                .exchange();
        session = changed.getResponse().getCookie("SESSION");
        assertThat(mvc.get().uri("/accounts").cookie(session))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/account/two-factor");

        String page = mvc.get()
                .uri("/account/two-factor")
                .cookie(session)
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        var key = Pattern.compile("id=\"totp-key\">([A-Z2-7]+)<").matcher(page);
        assertThat(key.find()).isTrue();
        byte[] secret = SecondFactor.Base32.decode(key.group(1));
        // the key is also offered as a QR code of the otpauth link (issue 15 item 6), drawn inline
        assertThat(page)
                .contains("id=\"totp-qr\"")
                .containsPattern("<svg[^>]*class=\"wushe-qr\"[^>]*aria-label=\"用身份验证器应用扫描");

        assertThat(mvc.post()
                        .uri("/account/two-factor")
                        .cookie(session)
                        .with(csrf())
                        .param("code", "000000"))
                .hasStatusOk()
                .bodyText()
                .contains("验证码不正确");
        var enrolled = mvc.post()
                .uri("/account/two-factor")
                .cookie(session)
                .with(csrf())
                .param("code", Totp.code(secret, Totp.step(Instant.now()), 6))
                .exchange();
        assertThat(enrolled).hasStatus3xxRedirection().hasRedirectedUrl("/");
        assertThat(mvc.get().uri("/accounts").cookie(enrolled.getResponse().getCookie("SESSION")))
                .hasStatusOk();

        // Next sign-in: the password alone is not enough.
        Cookie next = signIn("Admin-2022-strong");
        assertThat(mvc.get().uri("/accounts").cookie(next))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/login/code");
        assertThat(mvc.post().uri("/login/code").cookie(next).with(csrf()).param("code", "123456"))
                .hasStatusOk()
                .bodyText()
                .contains("验证码不正确");
        // the code just used for enrolment is not accepted again; the next time step's code is
        String nextCode = Totp.code(secret, Totp.step(Instant.now()) + 1, 6);
        var verified = mvc.post()
                .uri("/login/code")
                .cookie(next)
                .with(csrf())
                .param("code", nextCode)
                .exchange();
        assertThat(verified).hasStatus3xxRedirection().hasRedirectedUrl("/");
        assertThat(mvc.get().uri("/accounts").cookie(verified.getResponse().getCookie("SESSION")))
                .hasStatusOk();

        // Lost the phone: an administrator's password reset also asks for a new enrolment.
        var reset = Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                .wholeCountry()
                .call(() -> accounts.resetPassword(issued.accountId()));
        Cookie afterReset = signIn(reset.temporaryPassword());
        var renewed = mvc.post()
                .uri("/account/password")
                .cookie(afterReset)
                .with(csrf())
                .param("current", reset.temporaryPassword())
                .param("replacement", "Admin-2022-again")
                .param("confirmation", "Admin-2022-again")
                .exchange();
        assertThat(mvc.get().uri("/accounts").cookie(renewed.getResponse().getCookie("SESSION")))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/account/two-factor");
    }

    private Cookie signIn(String password) {
        return mvc.post()
                .uri("/login")
                .param("username", "totpadmin")
                .param("password", password)
                .with(csrf())
                .exchange()
                .getResponse()
                .getCookie("SESSION");
    }
}
