package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/** Accounts and sign-in on the real database: lockout, temporary passwords, scopes, encrypted phones. */
@WusheIntegrationTest
class AccountsTests {

    static final AtomicInteger COUNTER = new AtomicInteger();
    static final Staff HUANGPU = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310101").named("huangpu-admin");
    static final Staff XUHUI = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").named("xuhui-admin");

    @Autowired
    Accounts accounts;

    @Autowired
    AccountNames names;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    private IssuedPassword create(Staff by, String region, Role role, String phone) {
        String username = "user" + COUNTER.incrementAndGet() + "x";
        return by.call(() -> accounts.create(new NewAccount(
                username, "测试用户", phone, Set.of(role), DataScope.of(List.of(RegionCode.parse(region))))));
    }

    /** Signs in through the login form and returns the session cookie (sessions live in PostgreSQL). */
    private Cookie session(String username, String password) {
        return SignInTestAccounts.signIn(mvc, username, password, null)
                .getResponse()
                .getCookie("SESSION");
    }

    private String signIn(String username, String password) {
        return SignInTestAccounts.signIn(mvc, username, password, null)
                .getResponse()
                .getRedirectedUrl();
    }

    @Test
    void anAgencyAdministratorCreatesSocialWorkersOfTheirOwnAgencyAndNothingWider() {
        Staff agency = Staff.as(Role.AGENCY_ADMIN).in("310104").organisation(1L).named("agency-grants");
        IssuedPassword worker = create(agency, "310104003", Role.SOCIAL_WORKER, null);
        assertThat(jdbc.sql("select organisation_id from access_account where id = ?")
                        .param(worker.accountId())
                        .query(Long.class)
                        .single())
                .as("the agency's organisation, though the form named none")
                .isEqualTo(1L);
        assertThatThrownBy(() -> create(agency, "310104003", Role.STATION_STAFF, null))
                .isInstanceOf(AccessDeniedException.class);
        Staff association = Staff.as(Role.ASSOCIATION_ADMIN).in("310000").named("association-grants");
        assertThat(create(association, "310104", Role.AGENCY_ADMIN, null).accountId())
                .isPositive();
        assertThatThrownBy(() -> create(association, "310104", Role.SOCIAL_WORKER, null))
                .isInstanceOf(AccessDeniedException.class);
    }

    /** Neither the page (it has no organisation field) nor an API call leaving it out drops an account's agency. */
    @Test
    void aPermissionChangeNamingNoOrganisationKeepsTheAccountsOwn() {
        Staff agency = Staff.as(Role.AGENCY_ADMIN).in("310104").organisation(1L).named("agency-keeps");
        long worker = create(agency, "310104003", Role.SOCIAL_WORKER, null).accountId();
        assertThat(mvc.put()
                        .uri("/api/v1/accounts/" + worker + "/permissions")
                        .with(XUHUI.request())
                        .with(csrf())
                        .contentType("application/json")
                        .content("{\"roles\":[\"SOCIAL_WORKER\"],\"regions\":[\"310104003\"]}"))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.scope.organisation")
                .isEqualTo(1);
        assertThat(mvc.post()
                        .uri("/accounts/" + worker + "/permissions")
                        .with(XUHUI.request())
                        .with(csrf())
                        .param("roles", "SOCIAL_WORKER")
                        .param("regions", "310104003"))
                .hasStatus3xxRedirection();
        assertThat(jdbc.sql("select organisation_id from access_account where id = ?")
                        .param(worker)
                        .query(Long.class)
                        .single())
                .as("still the agency's")
                .isEqualTo(1L);
        // and the agency's administrator can still manage the account
        assertThat(mvc.post()
                        .uri("/api/v1/accounts/" + worker + "/disable")
                        .with(agency.request())
                        .with(csrf()))
                .hasStatusOk();
    }

    @Test
    void theFirstRunCreatedAnAdministratorWithAOneTimePassword() {
        var admin = jdbc.sql("select whole_country, password_temporary from access_account where username = 'admin'")
                .query((rs, n) -> List.of(rs.getBoolean(1), rs.getBoolean(2)))
                .single();
        assertThat(admin).containsExactly(true, true);
        assertThat(jdbc.sql("select role from access_account_role r join access_account a on a.id = r.account_id"
                                + " where a.username = 'admin'")
                        .query(String.class)
                        .list())
                .containsExactly("CIVIL_AFFAIRS_ADMIN");
    }

    @Test
    void aTemporaryPasswordMustBeChangedBeforeAnythingElse() {
        IssuedPassword issued = create(HUANGPU, "310101", Role.STATION_STAFF, null);
        assertThat(signIn(issued.username(), issued.temporaryPassword())).isEqualTo("/");
        Cookie session = session(issued.username(), issued.temporaryPassword());
        assertThat(mvc.get().uri("/regions").cookie(session))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/account/password");
        assertThat(mvc.get().uri("/api/v1/accounts").cookie(session)).hasStatus(HttpStatus.FORBIDDEN);

        assertThat(mvc.post()
                        .uri("/account/password")
                        .cookie(session)
                        .with(csrf())
                        .param("current", issued.temporaryPassword())
                        .param("replacement", "short")
                        .param("confirmation", "short"))
                .hasStatusOk()
                .bodyText()
                .contains("密码长度须为 10 至 128 位");
        var changed = mvc.post()
                .uri("/account/password")
                .cookie(session)
                .with(csrf())
                .param("current", issued.temporaryPassword())
                .param("replacement", "Station-2022-ok")
                .param("confirmation", "Station-2022-ok")
                .exchange();
        assertThat(changed).hasStatus3xxRedirection().hasRedirectedUrl("/");
        Cookie renewed = changed.getResponse().getCookie("SESSION"); // a new session id after the change
        assertThat(renewed.getValue()).isNotEqualTo(session.getValue());
        assertThat(mvc.get().uri("/regions").cookie(renewed)).hasStatusOk();
        assertThat(mvc.get().uri("/regions").cookie(session)).hasStatus3xxRedirection();

        assertThat(signIn(issued.username(), "Station-2022-ok")).isEqualTo("/");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountAndAnAdminCanUnlockIt() {
        IssuedPassword issued = create(HUANGPU, "310101", Role.COMMUNITY_STAFF, null);
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(issued.username(), "Wrong-password-" + i)).isEqualTo("/login?error");
        }
        assertThat(signIn(issued.username(), issued.temporaryPassword()))
                .isEqualTo("/login?error"); // locked, said alike
        assertThat(HUANGPU.call(() -> accounts.get(issued.accountId())).lockedUntil())
                .isNotNull();
        assertThat(jdbc.sql("select count(*) from access_login_log where username = ? and not success")
                        .param(issued.username())
                        .query(Long.class)
                        .single())
                .isEqualTo(6);

        HUANGPU.run(() -> accounts.unlock(issued.accountId()));
        assertThat(signIn(issued.username(), issued.temporaryPassword())).isEqualTo("/");

        // the audit trail has every attempt, filed under the account's region (so its auditors see them)
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "select action || ':' || region_code from audit_entry where entity_type = 'account' and entity_id = ?"
                                                + " and action in ('LOGIN', 'LOGIN_FAILED', 'LOCKED', 'UNLOCKED') order by id")
                                .param(Long.toString(issued.accountId()))
                                .query(String.class)
                                .list())
                        .contains("LOCKED:310101", "UNLOCKED:310101", "LOGIN:310101")
                        .filteredOn(s -> s.startsWith("LOGIN_FAILED"))
                        .hasSize(6));
    }

    @Test
    void unknownUsersAndDisabledAccountsCannotSignIn() {
        assertThat(signIn("nobody-here", "Whatever-2022")).isEqualTo("/login?error");
        IssuedPassword issued = create(HUANGPU, "310101", Role.COMMUNITY_STAFF, null);
        HUANGPU.run(() -> accounts.disable(issued.accountId()));
        assertThat(signIn(issued.username(), issued.temporaryPassword())).isEqualTo("/login?disabled");
    }

    @Test
    void twoDistrictAdminsCannotSeeEachOthersAccounts() {
        IssuedPassword huangpus = create(HUANGPU, "310101002", Role.STATION_STAFF, null);
        IssuedPassword xuhuis = create(XUHUI, "310104003", Role.STATION_STAFF, null);

        assertThat(HUANGPU.call(() -> accounts.list(null, 1, 100)).rows())
                .extracting(AccountSummary::username)
                .contains(huangpus.username())
                .doesNotContain(xuhuis.username(), "admin");
        assertThat(XUHUI.call(() -> accounts.list(null, 1, 100)).rows())
                .extracting(AccountSummary::username)
                .contains(xuhuis.username())
                .doesNotContain(huangpus.username(), "admin");
        assertThatThrownBy(() -> XUHUI.call(() -> accounts.get(huangpus.accountId())))
                .isInstanceOf(AccountNotFoundException.class);
        assertThatThrownBy(() -> XUHUI.run(() -> accounts.disable(huangpus.accountId())))
                .isInstanceOf(AccountNotFoundException.class);
        assertThat(mvc.get().uri("/api/v1/accounts/" + huangpus.accountId()).with(XUHUI.request()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                        .wholeCountry()
                        .call(() -> accounts.list(null, 1, 100))
                        .rows())
                .extracting(AccountSummary::username)
                .contains(huangpus.username(), xuhuis.username(), "admin");
    }

    @Test
    void nobodyGrantsARoleOrAScopeWiderThanTheirOwn() {
        assertThatThrownBy(() -> create(HUANGPU, "310104", Role.STATION_STAFF, null))
                .isInstanceOf(AccessDeniedException.class);
        Staff agency = Staff.as(Role.AGENCY_ADMIN).in("310104").organisation(7);
        assertThatThrownBy(() -> agency.call(() -> accounts.create(new NewAccount(
                        "agencyx" + COUNTER.incrementAndGet(),
                        "x",
                        null,
                        Set.of(Role.CIVIL_AFFAIRS_ADMIN),
                        DataScope.of(List.of(RegionCode.parse("310104"))).withOrganisation(7)))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> Staff.as(Role.STATION_STAFF).in("310101").call(() -> accounts.list(null, 1, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> create(HUANGPU, "310101999", Role.STATION_STAFF, null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("access.account.unknownRegion");
    }

    @Test
    void phonesAreEncryptedAtRestMaskedAndRevealedOnlyWithAReason() {
        IssuedPassword issued = create(HUANGPU, "310101", Role.SOCIAL_WORKER, "138 1234 5678");
        String everything = jdbc.sql("select string_agg(t::text, '|') from access_account t")
                .query(String.class)
                .single();
        assertThat(everything).doesNotContain("13812345678");
        // Only the phone's own columns are searched for the last digits: a timestamp may hold "5678" by chance.
        String cipher = jdbc.sql("select encode(phone_cipher, 'escape') from access_account where id = ?")
                .param(issued.accountId())
                .query(String.class)
                .single();
        assertThat(cipher).doesNotContain("5678");
        assertThat(HUANGPU.call(() -> accounts.get(issued.accountId())).maskedPhone())
                .isEqualTo("138****5678");

        assertThatThrownBy(() -> HUANGPU.call(() -> accounts.revealPhone(issued.accountId(), " ")))
                .isInstanceOf(InvalidValueException.class);
        assertThat(HUANGPU.call(() -> accounts.revealPhone(issued.accountId(), "回访核实身份")))
                .isEqualTo("13812345678");
        assertThat(mvc.post()
                        .uri("/api/v1/accounts/" + issued.accountId() + "/phone/reveal")
                        .with(XUHUI.request())
                        .contentType("application/json")
                        .content("{\"reason\":\"x\"}"))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void thePasswordPolicyIsEnforced() {
        IssuedPassword issued = create(HUANGPU, "310101", Role.STATION_STAFF, null);
        Cookie session = session(issued.username(), issued.temporaryPassword());
        for (var bad : List.of(
                List.of("alllowercase1", "至少三类"),
                List.of("Has" + issued.username() + "1!", "用户名"),
                List.of(issued.temporaryPassword(), "不能与当前密码相同"))) {
            assertThat(mvc.post()
                            .uri("/account/password")
                            .cookie(session)
                            .with(csrf())
                            .param("current", issued.temporaryPassword())
                            .param("replacement", bad.get(0))
                            .param("confirmation", bad.get(0)))
                    .hasStatusOk()
                    .bodyText()
                    .contains(bad.get(1));
        }
    }

    @Test
    void theApiCreatesAccountsAndAnswers401WithoutASession() {
        assertThat(mvc.get().uri("/api/v1/accounts")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post()
                        .uri("/api/v1/accounts")
                        .contentType("application/json")
                        .content("{}"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post()
                        .uri("/api/v1/accounts")
                        .with(HUANGPU.request())
                        .with(csrf())
                        .contentType("application/json")
                        .content("""
                        {"username":"apiuser%d","displayName":"接口用户","roles":["station_staff"],"regions":["310101"]}""".formatted(COUNTER.incrementAndGet())))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.temporaryPassword")
                .asString()
                .hasSize(16);
        assertThat(mvc.post()
                        .uri("/api/v1/accounts")
                        .with(HUANGPU.request())
                        .with(csrf())
                        .contentType("application/json")
                        .content("""
                        {"username":"Bad User","displayName":"x","roles":["STATION_STAFF"],"regions":["310101"]}"""))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("access.account.usernameInvalid");
    }

    /** Issue 13 item 13: pages from 1 like every other list; a page below 1 is a 400, a huge one no overflow. */
    @Test
    void theAccountsApiPagesFromOneAndRejectsPagesBelowOne() {
        String prefix = "pg" + Long.toString(System.nanoTime() % 1_000_000, 36) + "x";
        for (int i = 0; i < 11; i++) {
            SignInTestAccounts.stationStaff(jdbc, prefix + (char) ('a' + i), "分页", "not-a-hash", "310101002");
        }
        var first = mvc.get()
                .uri("/api/v1/accounts")
                .param("q", prefix)
                .param("size", "10")
                .with(HUANGPU.request());
        assertThat(first).hasStatusOk().bodyJson().extractingPath("$.page").isEqualTo(1);
        assertThat(first).bodyJson().extractingPath("$.rows[0].username").isEqualTo(prefix + "a");
        assertThat(first).bodyJson().extractingPath("$.rows.length()").isEqualTo(10);
        assertThat(first).bodyJson().extractingPath("$.total").isEqualTo(11);
        var second = mvc.get()
                .uri("/api/v1/accounts")
                .param("q", prefix)
                .param("page", "2")
                .param("size", "10")
                .with(HUANGPU.request());
        assertThat(second)
                .bodyJson()
                .extractingPath("$.rows[*].username")
                .asArray()
                .containsExactly(prefix + "k");
        for (String page : List.of("0", "-1", "-2147483648")) {
            assertThat(mvc.get().uri("/api/v1/accounts").param("page", page).with(HUANGPU.request()))
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .bodyJson()
                    .extractingPath("$.code")
                    .isEqualTo("access.account.pageInvalid");
        }
        assertThat(mvc.get().uri("/api/v1/accounts").param("size", "1000").with(HUANGPU.request()))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("error.pageSize");
        var huge = mvc.get()
                .uri("/api/v1/accounts")
                .param("page", "2147483647")
                .param("size", "100")
                .with(HUANGPU.request());
        assertThat(huge)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.rows")
                .asArray()
                .isEmpty();
        assertThat(huge).bodyJson().extractingPath("$.page").isEqualTo(2147483647);
        // the page shows the same page 1 as its first
        assertThat(mvc.get()
                        .uri("/accounts")
                        .param("q", prefix)
                        .param("size", "10")
                        .with(HUANGPU.request()))
                .hasStatusOk()
                .bodyText()
                .contains(prefix + "a", prefix + "j")
                .doesNotContain(prefix + "k");
    }

    @Test
    void holdersCoveringARegionAreTheEnabledAccountsWithThatRoleWhoseScopeContainsIt() {
        IssuedPassword street = create(HUANGPU, "310101002", Role.STATION_STAFF, null);
        IssuedPassword district = create(HUANGPU, "310101", Role.STATION_STAFF, null);
        IssuedPassword otherStreet = create(HUANGPU, "310101013", Role.STATION_STAFF, null);
        IssuedPassword community = create(HUANGPU, "310101002", Role.COMMUNITY_STAFF, null);
        var holders = accounts.holdersCovering(Role.STATION_STAFF, RegionCode.parse("310101002001"));
        assertThat(holders)
                .contains(street.accountId(), district.accountId())
                .doesNotContain(otherStreet.accountId(), community.accountId());
        HUANGPU.run(() -> accounts.disable(street.accountId()));
        assertThat(accounts.holdersCovering(Role.STATION_STAFF, RegionCode.parse("310101002001")))
                .doesNotContain(street.accountId());
    }

    @Test
    void pagesNameAccountsByIdOrByUsernameInOneLookupForSignedInStaffOnly() {
        IssuedPassword worker = create(HUANGPU, "310101", Role.STATION_STAFF, null);
        // a community worker outside the account's scope still sees who wrote the record they read: names only
        Staff reader = Staff.as(Role.COMMUNITY_STAFF).in("310104001001");

        assertThat(reader.call(() -> names.displayNames(Arrays.asList(worker.accountId(), -1L, null))))
                .containsExactly(Map.entry(worker.accountId(), "测试用户"));
        assertThat(reader.call(() -> names.displayNamesByUsername(Arrays.asList(worker.username(), "nobody", null))))
                .containsExactly(Map.entry(worker.username(), "测试用户"));
        assertThat(reader.call(() -> names.displayNamesByUsername(List.of()))).isEmpty();
        assertThatThrownBy(() -> names.displayNamesByUsername(List.of(worker.username())))
                .isInstanceOf(AuthenticationException.class);
    }
}
