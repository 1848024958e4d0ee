package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.wushe.WusheIntegrationTest;

/**
 * Issue 13 item 1: nobody acts on an account that holds a role they could not grant or a scope outside theirs.
 * Every managing role × every target role (plus targets outside the caller's regions or organisation) × every
 * action, over HTTP — the JSON API and the account pages' POST handlers. A refused action answers 403 (404 when
 * the caller cannot even see the account) and leaves the account's row, roles and scope exactly as they were.
 *
 * <p>The expectation is computed here from the rule as the issue states it, independently of the production
 * code: a civil-affairs administrator may grant every role, an association also agency admins, an agency also
 * social workers, anyone else only their own role; every region of the
 * target inside the caller's; an organisation-bound caller only within their organisation.
 */
@WusheIntegrationTest
class AccountTakeoverTests {

    static final AtomicInteger COUNTER = new AtomicInteger();
    static final String RUN = Long.toString(System.nanoTime() % 100_000, 36);

    /** The managing demo roles with their demo scopes (README table), and a district civil-affairs admin. */
    enum Caller {
        CIVIL_CITY(Role.CIVIL_AFFAIRS_ADMIN, "310000", null),
        CIVIL_XUHUI(Role.CIVIL_AFFAIRS_ADMIN, "310104", null),
        ASSOCIATION(Role.ASSOCIATION_ADMIN, "310000", null),
        AGENCY(Role.AGENCY_ADMIN, "310104", 1L),
        CHARITY(Role.CHARITY_ADMIN, "310000", null);

        final Role role;
        final String region;
        final Long organisation;

        Caller(Role role, String region, Long organisation) {
            this.role = role;
            this.region = region;
            this.organisation = organisation;
        }

        Staff staff() {
            Staff staff = Staff.as(role).in(region).named("takeover-" + name().toLowerCase());
            return organisation == null ? staff : staff.organisation(organisation);
        }

        /** The role this caller hands out in a permission change that would be allowed on its own. */
        Role ownGrant() {
            return role == Role.CIVIL_AFFAIRS_ADMIN ? Role.STATION_STAFF : role;
        }

        boolean contains(String code) {
            String prefix = switch (region) {
                case "310000" -> "31";
                case "310104" -> "310104";
                default -> throw new IllegalStateException(region);
            };
            return code.startsWith(prefix);
        }
    }

    /** An account to act on: its roles, regions (empty = whole country) and organisation. */
    record Target(String label, Set<Role> roles, List<String> regions, Long organisation) {

        static Target inScope(Role role) {
            return new Target(
                    role.name(), EnumSet.of(role), List.of("310104003"), role.isOrganisationBound() ? 1L : null);
        }

        boolean wholeCountry() {
            return regions.isEmpty();
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static final List<Target> EXTRA_TARGETS = List.of(
            new Target("whole-country civil admin", EnumSet.of(Role.CIVIL_AFFAIRS_ADMIN), List.of(), null),
            new Target("city civil admin", EnumSet.of(Role.CIVIL_AFFAIRS_ADMIN), List.of("310000"), null),
            new Target(
                    "station staff of two districts",
                    EnumSet.of(Role.STATION_STAFF),
                    List.of("310104003", "310101002"),
                    null),
            new Target("station staff of Huangpu", EnumSet.of(Role.STATION_STAFF), List.of("310101002"), null),
            new Target("agency admin of organisation 2", EnumSet.of(Role.AGENCY_ADMIN), List.of("310104003"), 2L),
            new Target("charity admin of organisation 2", EnumSet.of(Role.CHARITY_ADMIN), List.of("310104003"), 2L),
            new Target(
                    "social worker and station staff",
                    EnumSet.of(Role.SOCIAL_WORKER, Role.STATION_STAFF),
                    List.of("310104003"),
                    1L));

    enum Action {
        API_DISABLE,
        API_ENABLE,
        API_UNLOCK,
        API_PASSWORD_RESET,
        API_REVEAL_PHONE,
        API_PERMISSIONS,
        PAGE_DISABLE,
        PAGE_ENABLE,
        PAGE_UNLOCK,
        PAGE_PASSWORD_RESET,
        PAGE_REVEAL_PHONE,
        PAGE_PERMISSIONS
    }

    static Stream<Arguments> matrix() {
        List<Target> targets = new ArrayList<>();
        for (Role role : Role.values()) {
            targets.add(Target.inScope(role));
        }
        targets.addAll(EXTRA_TARGETS);
        List<Arguments> cases = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            for (Target target : targets) {
                for (Action action : Action.values()) {
                    cases.add(Arguments.of(caller, target, action));
                }
            }
        }
        return cases.stream();
    }

    /** Seeing: one region of the target in the caller's scope (whole country: never), the caller's organisation. */
    static boolean visible(Caller caller, Target target) {
        return !target.wholeCountry()
                && target.regions().stream().anyMatch(caller::contains)
                && (caller.organisation == null || caller.organisation.equals(target.organisation()));
    }

    /** Acting: could the caller have granted every role and the whole scope the target holds now? */
    static boolean mayAct(Caller caller, Target target) {
        Set<Role> grantable = switch (caller.role) {
            case CIVIL_AFFAIRS_ADMIN -> EnumSet.allOf(Role.class);
            case ASSOCIATION_ADMIN -> EnumSet.of(Role.ASSOCIATION_ADMIN, Role.AGENCY_ADMIN);
            case AGENCY_ADMIN -> EnumSet.of(Role.AGENCY_ADMIN, Role.SOCIAL_WORKER);
            default -> EnumSet.of(caller.role);
        };
        boolean roles = grantable.containsAll(target.roles());
        boolean regions = !target.wholeCountry() && target.regions().stream().allMatch(caller::contains);
        boolean organisation = caller.organisation == null || caller.organisation.equals(target.organisation());
        return roles && regions && organisation;
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @MethodSource("matrix")
    void aCallerActsOnlyOnAccountsWhoseRolesAndScopeTheyCouldHaveGranted(Caller caller, Target target, Action action) {
        long id = insert(target, action == Action.API_ENABLE || action == Action.PAGE_ENABLE);
        try {
            check(caller, target, action, id);
        } finally {
            // the ~1,000 targets would crowd other tests' account lists
            jdbc.sql("delete from access_account where id = ?").param(id).update();
        }
    }

    private void check(Caller caller, Target target, Action action, long id) {
        String before = snapshot(id);

        MvcTestResult result = perform(caller, id, action).exchange();
        int status = result.getResponse().getStatus();

        if (mayAct(caller, target)) {
            boolean page = action.name().startsWith("PAGE_") && action != Action.PAGE_REVEAL_PHONE;
            assertThat(status).as("allowed, answered %d", status).isEqualTo(page ? 302 : 200);
            if (action != Action.API_REVEAL_PHONE && action != Action.PAGE_REVEAL_PHONE) {
                assertThat(snapshot(id))
                        .as("the allowed action changed the account")
                        .isNotEqualTo(before);
            }
        } else {
            assertThat(status).as("refused").isEqualTo(visible(caller, target) ? 403 : 404);
            assertThat(snapshot(id))
                    .as("a refused action leaves the account as it was")
                    .isEqualTo(before);
            assertThat(result.getResponse().getHeader("Location")).isNull();
            assertThat(jdbc.sql("select count(*) from audit_entry where entity_type = 'account' and entity_id = ?")
                            .param(Long.toString(id))
                            .query(Long.class)
                            .single())
                    .as("nothing audited as done")
                    .isZero();
        }
    }

    private MockMvcTester.MockMvcRequestBuilder perform(Caller caller, long id, Action action) {
        var staff = caller.staff();
        String api = "/api/v1/accounts/" + id;
        String page = "/accounts/" + id;
        String organisation = caller.organisation == null ? "null" : caller.organisation.toString();
        return switch (action) {
            case API_DISABLE ->
                mvc.post().uri(api + "/disable").with(staff.request()).with(csrf());
            case API_ENABLE ->
                mvc.post().uri(api + "/enable").with(staff.request()).with(csrf());
            case API_UNLOCK ->
                mvc.post().uri(api + "/unlock").with(staff.request()).with(csrf());
            case API_PASSWORD_RESET ->
                mvc.post().uri(api + "/password-reset").with(staff.request()).with(csrf());
            case API_REVEAL_PHONE ->
                mvc.post()
                        .uri(api + "/phone/reveal")
                        .with(staff.request())
                        .with(csrf())
                        .contentType("application/json")
                        .content("{\"reason\":\"核实身份\"}");
            case API_PERMISSIONS ->
                mvc.put()
                        .uri(api + "/permissions")
                        .with(staff.request())
                        .with(csrf())
                        .contentType("application/json")
                        .content("""
                            {"roles":["%s"],"regions":["310104003"],"organisationId":%s}""".formatted(caller.ownGrant(), organisation));
            case PAGE_DISABLE ->
                mvc.post().uri(page + "/disable").with(staff.request()).with(csrf());
            case PAGE_ENABLE ->
                mvc.post().uri(page + "/enable").with(staff.request()).with(csrf());
            case PAGE_UNLOCK ->
                mvc.post().uri(page + "/unlock").with(staff.request()).with(csrf());
            case PAGE_PASSWORD_RESET ->
                mvc.post().uri(page + "/password-reset").with(staff.request()).with(csrf());
            case PAGE_REVEAL_PHONE ->
                mvc.post()
                        .uri(page + "/phone")
                        .with(staff.request())
                        .with(csrf())
                        .param("reason", "核实身份");
            case PAGE_PERMISSIONS ->
                mvc.post()
                        .uri(page + "/permissions")
                        .with(staff.request())
                        .with(csrf())
                        .param("roles", caller.ownGrant().name())
                        .param("regions", "310104003");
        };
    }

    /**
     * A target account written straight to the tables (no slow password hash): locked, enabled or not; version 1
     * as Spring Data JDBC leaves a saved aggregate (0 would make it look new).
     */
    private long insert(Target target, boolean disabled) {
        long id = jdbc.sql("""
                insert into access_account (username, display_name, organisation_id, whole_country, password_hash,
                    password_temporary, enabled, failed_attempts, locked_until, created_by, version)
                values (:username, '目标账号', :organisation, :country, 'not-a-hash', false, :enabled, 3,
                    now() + interval '10 minutes', 'test', 1)
                returning id""")
                .param("username", "takeover-" + RUN + "-" + COUNTER.incrementAndGet())
                .param("organisation", target.organisation())
                .param("country", target.wholeCountry())
                .param("enabled", !disabled)
                .query(Long.class)
                .single();
        for (Role role : target.roles()) {
            jdbc.sql("insert into access_account_role (account_id, role) values (?, ?)")
                    .params(id, role.name())
                    .update();
        }
        for (String region : target.regions()) {
            jdbc.sql("insert into access_account_scope (account_id, region_code) values (?, ?)")
                    .params(id, region)
                    .update();
        }
        return id;
    }

    /** Everything about the account: its row, its roles and its scope. */
    private String snapshot(long id) {
        return jdbc.sql("""
                select row_to_json(a)::text
                    || coalesce((select string_agg(role, ',' order by role) from access_account_role where account_id = a.id), '')
                    || coalesce((select string_agg(region_code, ',' order by region_code) from access_account_scope
                                 where account_id = a.id), '')
                from access_account a where a.id = ?""").param(id).query(String.class).single();
    }
}
