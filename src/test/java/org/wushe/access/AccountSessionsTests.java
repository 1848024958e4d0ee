package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.shared.RegionCode;

/**
 * Issue 13 item 4: a change to what an account may do ends its sessions at once — every device, through the real
 * session store (Spring Session JDBC) and the login form, not a mocked security context.
 */
@WusheIntegrationTest
class AccountSessionsTests {

    static final AtomicInteger COUNTER = new AtomicInteger();
    static final String RUN = Long.toString(System.nanoTime() % 100_000, 36);
    static final String PASSWORD = "Sessions-2022-ok";
    static final Staff ADMIN = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310101").named("sessions-admin");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    FindByIndexNameSessionRepository<? extends Session> sessions;

    /** A station-staff account with a known, non-temporary password (no pending step after sign-in). */
    private Account account(String... regions) {
        String username = "sess-" + RUN + "-" + COUNTER.incrementAndGet();
        return new Account(
                SignInTestAccounts.stationStaff(
                        jdbc, username, "会话测试", SignInTestAccounts.hashOf(passwords, PASSWORD), regions),
                username);
    }

    record Account(long id, String username) {}

    private Cookie signIn(String username, String password) {
        var result = SignInTestAccounts.signIn(mvc, username, password, null);
        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/");
        return result.getResponse().getCookie("SESSION");
    }

    private void assertSignedIn(Cookie session) {
        assertThat(mvc.get().uri("/regions").cookie(session)).hasStatusOk();
    }

    private void assertSignedOut(Cookie session) {
        var page = mvc.get().uri("/regions").cookie(session).exchange();
        assertThat(page).hasStatus3xxRedirection();
        assertThat(page.getResponse().getRedirectedUrl()).contains("/login");
        assertThat(mvc.get().uri("/api/v1/residents").cookie(session)).hasStatus(401);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"disable", "password-reset", "unlock", "permissions"})
    void aChangeToTheAccountEndsEverySessionOfItAtOnce(String change) {
        Account account = account("310101002", "310101013");
        Cookie phone = signIn(account.username(), PASSWORD);
        Cookie desktop = signIn(account.username(), PASSWORD);
        assertSignedIn(phone);
        assertSignedIn(desktop);
        assertThat(sessions.findByPrincipalName(account.username())).hasSize(2);

        String api = "/api/v1/accounts/" + account.id();
        var request = change.equals("permissions")
                ? mvc.put()
                        .uri(api + "/permissions")
                        .contentType("application/json")
                        .content("{\"roles\":[\"STATION_STAFF\"],\"regions\":[\"310101002\"]}")
                : mvc.post().uri(api + "/" + change);
        assertThat(request.with(ADMIN.request()).with(csrf())).hasStatusOk();

        assertSignedOut(phone);
        assertSignedOut(desktop);
        assertThat(sessions.findByPrincipalName(account.username())).isEmpty();
    }

    @Test
    void aNarrowedScopeIsWhatTheNextSessionCarries() {
        Account account = account("310101002", "310101013");
        Cookie before = signIn(account.username(), PASSWORD);
        assertThat(scopeOfTheOnlySession(account.username()).regions())
                .extracting(RegionCode::value)
                .containsExactlyInAnyOrder("310101002", "310101013");

        assertThat(mvc.put()
                        .uri("/api/v1/accounts/" + account.id() + "/permissions")
                        .with(ADMIN.request())
                        .with(csrf())
                        .contentType("application/json")
                        .content("{\"roles\":[\"STATION_STAFF\"],\"regions\":[\"310101002\"]}"))
                .hasStatusOk();
        assertSignedOut(before);

        Cookie after = signIn(account.username(), PASSWORD);
        assertSignedIn(after);
        assertThat(scopeOfTheOnlySession(account.username()).regions())
                .extracting(RegionCode::value)
                .containsExactly("310101002");
    }

    @Test
    void changingOnesOwnPasswordEndsTheOtherSessionsButNotThisOne() {
        Account account = account("310101002");
        Cookie here = signIn(account.username(), PASSWORD);
        Cookie elsewhere = signIn(account.username(), PASSWORD);
        var changed = mvc.post()
                .uri("/account/password")
                .cookie(here)
                .with(csrf())
                .param("current", PASSWORD)
                .param("replacement", "Sessions-2023-new")
                .param("confirmation", "Sessions-2023-new")
                .exchange();
        assertThat(changed).hasStatus3xxRedirection().hasRedirectedUrl("/");
        Cookie renewed = changed.getResponse().getCookie("SESSION");
        assertSignedIn(renewed);
        assertSignedOut(elsewhere);
        assertThat(sessions.findByPrincipalName(account.username())).hasSize(1);
    }

    private DataScope scopeOfTheOnlySession(String username) {
        List<? extends Session> found =
                List.copyOf(sessions.findByPrincipalName(username).values());
        assertThat(found).hasSize(1);
        SecurityContext context = found.get(0).getAttribute("SPRING_SECURITY_CONTEXT");
        return ((StaffPrincipal) context.getAuthentication().getPrincipal()).scope();
    }
}
