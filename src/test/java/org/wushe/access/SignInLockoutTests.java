package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.wushe.WusheIntegrationTest;

/**
 * Issue 13 item 7: a locked account answers exactly like an unknown username, and failures are counted per account
 * and client address, with a slower account-wide limit — one address cannot lock an account for everybody.
 */
@WusheIntegrationTest
class SignInLockoutTests {

    static final AtomicInteger COUNTER = new AtomicInteger();
    static final String RUN = Long.toString(System.nanoTime() % 100_000, 36);
    static final String PASSWORD = "Lockout-2022-ok";
    static final Staff ADMIN = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310101").named("lockout-admin");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    /** A station-staff account with a known, non-temporary password. */
    private String account() {
        String username = "lock-" + RUN + "-" + COUNTER.incrementAndGet();
        SignInTestAccounts.stationStaff(
                jdbc, username, "锁定测试", SignInTestAccounts.hashOf(passwords, PASSWORD), "310101002");
        return username;
    }

    private MvcTestResult signIn(String username, String password, String address) {
        return SignInTestAccounts.signIn(mvc, username, password, address);
    }

    private String answer(String username, String password, String address) {
        return signIn(username, password, address).getResponse().getRedirectedUrl();
    }

    private long idOf(String username) {
        return jdbc.sql("select id from access_account where username = ?")
                .param(username)
                .query(Long.class)
                .single();
    }

    /** What the client sees of an answer: status, where it is sent, which headers and cookies it gets. */
    private static List<Object> visible(MvcTestResult result) {
        var response = result.getResponse();
        List<Object> seen = new ArrayList<>();
        seen.add(response.getStatus());
        seen.add(response.getRedirectedUrl());
        seen.add(new TreeSet<>(response.getHeaderNames()));
        seen.add(Arrays.stream(response.getCookies())
                .map(c -> c.getName())
                .sorted()
                .toList());
        seen.add(response.getContentLength());
        return seen;
    }

    @Test
    void aLockedAccountAnswersExactlyLikeAnUnknownUsername() {
        String known = account();
        String address = "10.13.7.1";
        for (int i = 0; i < 5; i++) {
            assertThat(answer(known, "Wrong-password-" + i, address)).isEqualTo("/login?error");
        }
        MvcTestResult lockedRightPassword = signIn(known, PASSWORD, address);
        MvcTestResult lockedWrongPassword = signIn(known, "Wrong-password-x", address);
        MvcTestResult unknown = signIn("nobody-" + RUN, "Whatever-2022", address);
        assertThat(visible(lockedRightPassword)).isEqualTo(visible(unknown)).isEqualTo(visible(lockedWrongPassword));
        assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        // the page that answer leads to is one and the same, and names no lock
        assertThat(mvc.get().uri("/login?error"))
                .hasStatusOk()
                .bodyText()
                .contains("用户名或密码错误")
                .doesNotContain("已锁定");

        // the lock is real and recorded: the login log says LOCKED, the audit trail LOCKED
        assertThat(jdbc.sql("select outcome from access_login_log where username = ? order by id")
                        .param(known)
                        .query(String.class)
                        .list())
                .containsExactly(
                        "BAD_PASSWORD",
                        "BAD_PASSWORD",
                        "BAD_PASSWORD",
                        "BAD_PASSWORD",
                        "BAD_PASSWORD",
                        "LOCKED",
                        "LOCKED");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "select count(*) from audit_entry where entity_type = 'account' and entity_id = ?"
                                                + " and action = 'LOCKED'")
                                .param(Long.toString(idOf(known)))
                                .query(Long.class)
                                .single())
                        .isEqualTo(1));
    }

    @Test
    void failuresFromOneAddressDoNotLockTheAccountForAnother() {
        String known = account();
        for (int i = 0; i < 5; i++) {
            assertThat(answer(known, "Wrong-password-" + i, "10.13.8.1")).isEqualTo("/login?error");
        }
        assertThat(answer(known, PASSWORD, "10.13.8.1")).isEqualTo("/login?error"); // locked there
        assertThat(answer(known, PASSWORD, "10.13.8.2")).isEqualTo("/"); // not here

        // the administrator sees the lock and can lift it
        assertThat(mvc.get().uri("/api/v1/accounts/" + idOf(known)).with(ADMIN.request()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.lockedUntil")
                .isNotNull();
        assertThat(mvc.get().uri("/api/v1/accounts").param("q", known).with(ADMIN.request()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.rows[0].lockedUntil")
                .isNotNull();
        assertThat(mvc.post()
                        .uri("/api/v1/accounts/" + idOf(known) + "/unlock")
                        .with(ADMIN.request())
                        .with(csrf()))
                .hasStatusOk();
        assertThat(answer(known, PASSWORD, "10.13.8.1")).isEqualTo("/");
    }

    @Test
    void fiftyFailuresWithinAnHourFromAllAddressesLockTheAccountEverywhere() {
        String known = account();
        // 12 addresses × 4 failures: none reaches its own limit of 5; 48 on the account
        for (int a = 0; a < 12; a++) {
            for (int i = 0; i < 4; i++) {
                assertThat(answer(known, "Wrong-password-" + i, "10.13.9." + a)).isEqualTo("/login?error");
            }
        }
        assertThat(answer(known, PASSWORD, "10.13.10.1")).isEqualTo("/");
        assertThat(answer(known, "Wrong-password-48", "10.13.9.100")).isEqualTo("/login?error"); // 49th
        assertThat(answer(known, PASSWORD, "10.13.10.1")).isEqualTo("/");
        assertThat(answer(known, "Wrong-password-49", "10.13.9.100")).isEqualTo("/login?error"); // 50th: locked
        assertThat(answer(known, PASSWORD, "10.13.10.1")).isEqualTo("/login?error");
        assertThat(answer(known, PASSWORD, "10.13.10.2")).isEqualTo("/login?error");

        assertThat(mvc.post()
                        .uri("/api/v1/accounts/" + idOf(known) + "/unlock")
                        .with(ADMIN.request())
                        .with(csrf()))
                .hasStatusOk();
        assertThat(answer(known, PASSWORD, "10.13.10.2")).isEqualTo("/");
    }
}
