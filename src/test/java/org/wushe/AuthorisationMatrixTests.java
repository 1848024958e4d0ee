package org.wushe;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.ServletException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.wushe.access.Accounts;
import org.wushe.access.ApiClients;
import org.wushe.access.ApiPermission;
import org.wushe.access.DataScope;
import org.wushe.access.NewAccount;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.access.StaffPrincipal;
import org.wushe.directory.organisations.OrganisationDraft;
import org.wushe.directory.organisations.Organisations;
import org.wushe.directory.socialworkers.SocialWorkerDraft;
import org.wushe.directory.socialworkers.SocialWorkers;
import org.wushe.directory.volunteers.VolunteerRegistration;
import org.wushe.directory.volunteers.Volunteers;
import org.wushe.notify.OutboxTexts;
import org.wushe.privacy.CryptoService;
import org.wushe.region.Regions;
import org.wushe.requests.intake.HelpRequests;
import org.wushe.requests.intake.Intake;
import org.wushe.residents.ResidentTestData;
import org.wushe.residents.register.Residents;
import org.wushe.residents.verification.CampaignDraft;
import org.wushe.residents.verification.VerificationCampaigns;
import org.wushe.shared.RegionCode;

/**
 * The authorisation matrix (issue 13, "a reliability suite that stays"): every {@code /api/v1} operation of the
 * OpenAPI document × every demo identity (README's table: role and data scope) × an id inside and an id outside that
 * identity's scope where the path has one. {@link #ALLOWED} says, readably, which roles may call what; an operation
 * missing from it fails the test, so a new endpoint must be classified here.
 *
 * <p>What is asserted: a role not allowed never gets a 2xx (reads answer 403 or 404); an allowed role is never
 * answered 401/403 on a record of its scope (reads of an existing record answer 2xx); a record outside the caller's
 * scope is never answered 2xx; nothing answers 5xx. Writes are sent with an empty body ({@code {}}), so an allowed
 * write may answer 400 — the matrix is about who gets through, the modules' own tests cover valid bodies. An
 * operation of {@link #VALID_CALLS} is sent a valid request instead, and then an allowed role must get its 2xx on a
 * record of its scope: without that, a row whose every call is refused alike (a 400 for the empty body before
 * anyone's rights are looked at) could never fail.
 */
@WusheIntegrationTest
class AuthorisationMatrixTests {

    // role groups, as the façades declare them
    static final Set<Role> CIVIL = EnumSet.of(Role.CIVIL_AFFAIRS_ADMIN);
    static final Set<Role> REQUEST_STAFF =
            EnumSet.of(Role.CIVIL_AFFAIRS_ADMIN, Role.STATION_STAFF, Role.COMMUNITY_STAFF);
    static final Set<Role> RESIDENT_WRITERS =
            EnumSet.of(Role.CIVIL_AFFAIRS_ADMIN, Role.STATION_STAFF, Role.COMMUNITY_STAFF, Role.SOCIAL_WORKER);
    static final Set<Role> RESIDENT_READERS = EnumSet.of(
            Role.CIVIL_AFFAIRS_ADMIN, Role.STATION_STAFF, Role.COMMUNITY_STAFF, Role.SOCIAL_WORKER, Role.AUDITOR);
    static final Set<Role> DIRECTORY_READERS = EnumSet.of(
            Role.CIVIL_AFFAIRS_ADMIN,
            Role.ASSOCIATION_ADMIN,
            Role.AGENCY_ADMIN,
            Role.STATION_STAFF,
            Role.COMMUNITY_STAFF,
            Role.SOCIAL_WORKER,
            Role.CHARITY_ADMIN,
            Role.AUDITOR);
    static final Set<Role> STATISTICS_READERS = EnumSet.of(
            Role.CIVIL_AFFAIRS_ADMIN, Role.ASSOCIATION_ADMIN, Role.STATION_STAFF, Role.COMMUNITY_STAFF, Role.AUDITOR);
    static final Set<Role> ORGANISATION_WRITERS =
            EnumSet.of(Role.CIVIL_AFFAIRS_ADMIN, Role.ASSOCIATION_ADMIN, Role.STATION_STAFF);
    static final Set<Role> WORKER_WRITERS =
            EnumSet.of(Role.CIVIL_AFFAIRS_ADMIN, Role.ASSOCIATION_ADMIN, Role.AGENCY_ADMIN, Role.STATION_STAFF);
    static final Set<Role> VOLUNTEER_REVIEWERS =
            EnumSet.of(Role.CIVIL_AFFAIRS_ADMIN, Role.STATION_STAFF, Role.COMMUNITY_STAFF);
    static final Set<Role> CAMPAIGN_ORGANISERS = EnumSet.of(Role.CIVIL_AFFAIRS_ADMIN, Role.STATION_STAFF);
    static final Set<Role> CAMPAIGN_WORKERS = REQUEST_STAFF;
    static final Set<Role> ACCOUNT_MANAGERS =
            EnumSet.of(Role.CIVIL_AFFAIRS_ADMIN, Role.ASSOCIATION_ADMIN, Role.AGENCY_ADMIN, Role.CHARITY_ADMIN);
    static final Set<Role> ANY = EnumSet.allOf(Role.class);
    /** Public: no sign-in needed; every identity gets through. */
    static final Set<Role> PUBLIC = Collections.unmodifiableSet(EnumSet.allOf(Role.class)); // not ANY

    /**
     * Who may call what: "METHOD path" → the roles allowed (the data scope then limits which records). Reads of
     * lists are scoped in SQL, so a list answers 2xx to every allowed role.
     */
    static final Map<String, Set<Role>> ALLOWED = new LinkedHashMap<>();

    static {
        // accounts: managers list and create within their roles and scope; acting on an account needs a caller who
        // could have granted every role it holds now (issue 13 item 1) — the fixtures hold COMMUNITY_STAFF, which
        // only a civil-affairs admin may grant, so only they may act on them
        allow("GET /api/v1/accounts", ACCOUNT_MANAGERS);
        allow("POST /api/v1/accounts", ACCOUNT_MANAGERS);
        allow("GET /api/v1/accounts/{id}", ACCOUNT_MANAGERS);
        allow("PUT /api/v1/accounts/{id}/permissions", CIVIL);
        allow("POST /api/v1/accounts/{id}/phone/reveal", CIVIL);
        allow("POST /api/v1/accounts/{id}/disable", CIVIL);
        allow("POST /api/v1/accounts/{id}/enable", CIVIL);
        allow("POST /api/v1/accounts/{id}/unlock", CIVIL);
        allow("POST /api/v1/accounts/{id}/password-reset", CIVIL);
        // API clients: civil-affairs admins
        allow("GET /api/v1/notify/outbox", CIVIL);
        allow("POST /api/v1/notify/outbox/{id}/retry", CIVIL);
        allow("GET /api/v1/api-clients", CIVIL);
        allow("POST /api/v1/api-clients", CIVIL);
        allow("GET /api/v1/api-clients/{id}", CIVIL);
        allow("POST /api/v1/api-clients/{id}/rotate", CIVIL);
        allow("POST /api/v1/api-clients/{id}/revoke", CIVIL);
        // audit
        allow("GET /api/v1/audit/entries", EnumSet.of(Role.AUDITOR));
        allow("GET /api/v1/audit/verification", EnumSet.of(Role.AUDITOR, Role.CIVIL_AFFAIRS_ADMIN));
        // notifications: everyone has an inbox
        allow("GET /api/v1/inbox", ANY);
        allow("POST /api/v1/inbox/{id}/read", ANY);
        // regions: reads are public; control levels and communities are the civil-affairs admin's
        allow("GET /api/v1/regions", PUBLIC);
        allow("GET /api/v1/regions/{code}", PUBLIC);
        allow("GET /api/v1/regions/{code}/children", PUBLIC);
        allow("GET /api/v1/regions/{code}/control-level", PUBLIC);
        allow("POST /api/v1/regions/{code}/control-levels", CIVIL);
        allow("POST /api/v1/regions/communities", CIVIL);
        // help requests: the resident's public API, staff case work, social workers and volunteers on their own
        allow("POST /api/v1/public/verification-codes", PUBLIC);
        allow("POST /api/v1/public/help-requests", PUBLIC);
        allow("GET /api/v1/public/help-requests/{trackingCode}", PUBLIC);
        allow("POST /api/v1/public/help-requests/{trackingCode}/information", PUBLIC);
        allow("POST /api/v1/public/help-requests/{trackingCode}/cancellation", PUBLIC);
        allow("POST /api/v1/public/help-requests/{trackingCode}/confirmation", PUBLIC);
        allow("GET /api/v1/help-requests", REQUEST_STAFF);
        allow("POST /api/v1/help-requests", REQUEST_STAFF);
        allow("POST /api/v1/help-requests/forwarded", Set.of()); // API clients only
        allow("GET /api/v1/help-requests/mine", EnumSet.of(Role.SOCIAL_WORKER, Role.VOLUNTEER));
        allow("GET /api/v1/help-requests/{id}", REQUEST_STAFF);
        allow("GET /api/v1/help-requests/{id}/suggestions", REQUEST_STAFF);
        allow("POST /api/v1/help-requests/{id}/triage", REQUEST_STAFF);
        allow("POST /api/v1/help-requests/{id}/assignment", REQUEST_STAFF);
        allow("POST /api/v1/help-requests/bulk-assignment", REQUEST_STAFF);
        allow("POST /api/v1/help-requests/{id}/acceptance", REQUEST_STAFF);
        allow("POST /api/v1/help-requests/{id}/decline", REQUEST_STAFF);
        allow("POST /api/v1/help-requests/{id}/resolution", REQUEST_STAFF);
        allow("POST /api/v1/help-requests/{id}/closure", REQUEST_STAFF);
        allow("POST /api/v1/help-requests/{id}/cancellation", REQUEST_STAFF);
        allow("POST /api/v1/help-requests/{id}/notes", REQUEST_STAFF);
        allow("POST /api/v1/help-requests/{id}/referrals", REQUEST_STAFF);
        allow("POST /api/v1/help-requests/{id}/follow-ups", REQUEST_STAFF);
        allow("POST /api/v1/help-requests/{id}/phone/reveal", REQUEST_STAFF);
        allow("GET /api/v1/help-requests/referrals", ANY);
        allow("POST /api/v1/help-requests/referrals/{referralId}", ANY);
        allow("GET /api/v1/help-requests/triage-rules", REQUEST_STAFF);
        allow("POST /api/v1/check-in/{token}", PUBLIC);
        // residents and their care
        allow("GET /api/v1/residents", RESIDENT_READERS);
        allow("POST /api/v1/residents", RESIDENT_WRITERS);
        allow("GET /api/v1/residents/{id}", RESIDENT_READERS);
        allow("PUT /api/v1/residents/{id}", RESIDENT_WRITERS);
        allow("POST /api/v1/residents/{id}/reveal", RESIDENT_READERS);
        allow("POST /api/v1/residents/{id}/void", RESIDENT_WRITERS);
        allow("POST /api/v1/residents/{id}/unvoid", RESIDENT_WRITERS);
        allow("POST /api/v1/residents/{id}/merge", RESIDENT_WRITERS);
        allow("POST /api/v1/residents/{id}/household", RESIDENT_WRITERS);
        allow("GET /api/v1/residents/households/{id}", RESIDENT_READERS);
        allow("GET /api/v1/residents/{id}/assessments", RESIDENT_READERS);
        allow("POST /api/v1/residents/{id}/assessments", RESIDENT_WRITERS);
        allow("GET /api/v1/residents/{id}/assessments/{assessment}", RESIDENT_READERS);
        allow("GET /api/v1/residents/{id}/visits", RESIDENT_READERS);
        allow("POST /api/v1/residents/{id}/visits", RESIDENT_WRITERS);
        allow("GET /api/v1/residents/visits/overdue", RESIDENT_READERS);
        allow("GET /api/v1/residents/{id}/check-in", RESIDENT_READERS);
        allow("POST /api/v1/residents/{id}/check-in/enrolment", RESIDENT_WRITERS);
        allow("POST /api/v1/residents/{id}/check-in/stop", RESIDENT_WRITERS);
        allow("POST /api/v1/residents/{id}/check-in", RESIDENT_WRITERS);
        allow("GET /api/v1/residents/cases", RESIDENT_READERS);
        allow("GET /api/v1/residents/{id}/cases", RESIDENT_READERS);
        allow("POST /api/v1/residents/{id}/cases", RESIDENT_WRITERS);
        allow("GET /api/v1/residents/cases/{caseId}", RESIDENT_READERS);
        allow("POST /api/v1/residents/cases/{caseId}/stage", RESIDENT_WRITERS);
        allow("GET /api/v1/residents/cases/{caseId}/notes", RESIDENT_READERS);
        allow("POST /api/v1/residents/cases/{caseId}/notes", RESIDENT_WRITERS);
        // verification campaigns
        allow("GET /api/v1/verification-campaigns", CAMPAIGN_WORKERS);
        allow("POST /api/v1/verification-campaigns", CAMPAIGN_ORGANISERS);
        allow("GET /api/v1/verification-campaigns/{id}", CAMPAIGN_WORKERS);
        allow("GET /api/v1/verification-campaigns/template", CAMPAIGN_ORGANISERS);
        allow("POST /api/v1/verification-campaigns/{id}/imports", CAMPAIGN_ORGANISERS);
        // import records: "scope them like the tasks" (issue 13 item 12), so the workers of the campaign's area
        allow("GET /api/v1/verification-campaigns/{id}/imports", CAMPAIGN_WORKERS);
        allow("GET /api/v1/verification-campaigns/imports/{importId}", CAMPAIGN_ORGANISERS);
        allow("GET /api/v1/verification-campaigns/imports/{importId}/errors", CAMPAIGN_ORGANISERS);
        allow("GET /api/v1/verification-campaigns/{id}/progress", CAMPAIGN_WORKERS);
        allow("GET /api/v1/verification-campaigns/{id}/export", CAMPAIGN_WORKERS);
        allow("GET /api/v1/verification-campaigns/tasks", CAMPAIGN_WORKERS);
        allow("GET /api/v1/verification-campaigns/tasks/{taskId}", CAMPAIGN_WORKERS);
        allow("POST /api/v1/verification-campaigns/tasks/{taskId}/outcome", CAMPAIGN_WORKERS);
        allow("PUT /api/v1/verification-campaigns/tasks/{taskId}/assignee", CAMPAIGN_ORGANISERS);
        allow("POST /api/v1/verification-campaigns/tasks/{taskId}/id-number/reveal", CAMPAIGN_WORKERS);
        allow("POST /api/v1/verification-campaigns/tasks/{taskId}/phone/reveal", CAMPAIGN_WORKERS);
        // directory
        allow("GET /api/v1/statistics", STATISTICS_READERS);
        allow("GET /api/v1/statistics/reports/daily", STATISTICS_READERS);
        allow("GET /api/v1/statistics/reports/monthly", STATISTICS_READERS);
        allow("GET /api/v1/organisations", DIRECTORY_READERS);
        allow("GET /api/v1/organisations/export", DIRECTORY_READERS);
        allow("POST /api/v1/organisations", ORGANISATION_WRITERS);
        allow("GET /api/v1/organisations/{id}", DIRECTORY_READERS);
        allow("PUT /api/v1/organisations/{id}", ORGANISATION_WRITERS);
        allow("POST /api/v1/organisations/{id}/suspend", ORGANISATION_WRITERS);
        allow("POST /api/v1/organisations/{id}/activate", ORGANISATION_WRITERS);
        allow("POST /api/v1/organisations/{id}/verify", CIVIL);
        allow("POST /api/v1/organisations/{id}/contact-phone/reveal", DIRECTORY_READERS);
        allow("GET /api/v1/social-workers", DIRECTORY_READERS);
        allow("GET /api/v1/social-workers/export", DIRECTORY_READERS);
        allow("GET /api/v1/social-workers/counts", DIRECTORY_READERS);
        allow("GET /api/v1/social-workers/{id}", DIRECTORY_READERS);
        allow("POST /api/v1/social-workers", WORKER_WRITERS);
        allow("PUT /api/v1/social-workers/{id}", WORKER_WRITERS);
        allow("PUT /api/v1/social-workers/{id}/availability", WORKER_WRITERS);
        allow("POST /api/v1/social-workers/{id}/id-number/reveal", DIRECTORY_READERS);
        allow("POST /api/v1/social-workers/{id}/phone/reveal", DIRECTORY_READERS);
        allow("POST /api/v1/volunteer-registrations/codes", PUBLIC);
        allow("POST /api/v1/volunteer-registrations", PUBLIC);
        allow("POST /api/v1/volunteer-activations/codes", PUBLIC);
        allow("POST /api/v1/volunteer-activations", PUBLIC);
        allow("GET /api/v1/volunteers", VOLUNTEER_REVIEWERS);
        allow("GET /api/v1/volunteers/export", VOLUNTEER_REVIEWERS);
        allow("GET /api/v1/volunteers/{id}", VOLUNTEER_REVIEWERS);
        allow("POST /api/v1/volunteers/{id}/approval", VOLUNTEER_REVIEWERS);
        allow("POST /api/v1/volunteers/{id}/rejection", VOLUNTEER_REVIEWERS);
        allow("GET /api/v1/volunteers/me", EnumSet.of(Role.VOLUNTEER));
        allow("PUT /api/v1/volunteers/me", EnumSet.of(Role.VOLUNTEER));
        // directory imports, called with kind = organisations (the organisation writers)
        allow("GET /api/v1/{kind}/import-template", ORGANISATION_WRITERS);
        allow("POST /api/v1/{kind}/import", ORGANISATION_WRITERS);
        allow("GET /api/v1/{kind}/import/jobs/{job}", ORGANISATION_WRITERS);
        allow("GET /api/v1/{kind}/import/{id}/errors", ORGANISATION_WRITERS);
    }

    /**
     * Known failures on this branch, each with who fixes it: the lead removes a line once that branch is merged.
     * An entry is "METHOD path identity".
     */
    /** Rows that fail for a known reason being fixed elsewhere ("operation identity"); a listed row that passes fails. */
    static final Set<String> KNOWN_FAILURES = new TreeSet<>();

    // empty: the account actions of issue 13 item 1 that were listed here pass since sec-access was merged

    /**
     * Operations sent a valid request ({@code %s}: the region of the record named in the path; null: no body), so
     * that an allowed role on a record of its scope must be answered 2xx, not merely "not 403".
     */
    static final Map<String, String> VALID_CALLS = new LinkedHashMap<>();

    static {
        VALID_CALLS.put("PUT /api/v1/accounts/{id}/permissions", """
                {"roles":["COMMUNITY_STAFF"],"regions":["%s"]}""");
        VALID_CALLS.put("POST /api/v1/accounts/{id}/phone/reveal", """
                {"reason":"矩阵测试"}""");
        VALID_CALLS.put("POST /api/v1/accounts/{id}/disable", null);
        VALID_CALLS.put("POST /api/v1/accounts/{id}/enable", null);
        VALID_CALLS.put("POST /api/v1/accounts/{id}/unlock", null);
        VALID_CALLS.put("POST /api/v1/accounts/{id}/password-reset", null);
        VALID_CALLS.put("GET /api/v1/accounts/{id}", null);
    }

    static void allow(String operation, Set<Role> roles) {
        if (ALLOWED.put(operation, roles) != null) {
            throw new IllegalStateException("twice in the table: " + operation);
        }
    }

    /**
     * The demo accounts of the README (access.internal.DemoAccounts): role and scope. Each gets an account of its own
     * in the test database (the inbox belongs to an account) and calls as its {@code StaffPrincipal}.
     */
    record Identity(String name, Role role, Staff staff, DataScope scope) {
        static Identity of(String name, Role role, String region) {
            Staff staff = Staff.as(role).in(region).named("matrix-" + name);
            return new Identity(name, role, staff, staff.principal().scope());
        }
    }

    final Map<String, RequestPostProcessor> signedIn = new LinkedHashMap<>();

    private void signIn(String tag) {
        for (Identity who : IDENTITIES) {
            String username = "mx" + tag + who.name();
            long id = SETUP.call(() -> accounts.create(
                            new NewAccount(username, "矩阵 " + who.name(), null, Set.of(who.role()), who.scope())))
                    .accountId();
            var principal = new StaffPrincipal(id, username, username, Set.of(who.role()), who.scope());
            signedIn.put(
                    who.name(),
                    SecurityMockMvcRequestPostProcessors.authentication(
                            UsernamePasswordAuthenticationToken.authenticated(
                                    principal,
                                    null,
                                    List.of(new SimpleGrantedAuthority(
                                            who.role().authority())))));
        }
    }

    static final List<Identity> IDENTITIES = List.of(
            Identity.of("civil", Role.CIVIL_AFFAIRS_ADMIN, "310000"),
            Identity.of("huangpu", Role.CIVIL_AFFAIRS_ADMIN, "310101"),
            Identity.of("xuhui", Role.CIVIL_AFFAIRS_ADMIN, "310104"),
            Identity.of("association", Role.ASSOCIATION_ADMIN, "310000"),
            Identity.of("agency", Role.AGENCY_ADMIN, "310104"),
            Identity.of("station", Role.STATION_STAFF, "310104003"),
            Identity.of("community", Role.COMMUNITY_STAFF, "310104003001"),
            Identity.of("worker", Role.SOCIAL_WORKER, "310104"),
            Identity.of("volunteer", Role.VOLUNTEER, "310104014"),
            Identity.of("charity", Role.CHARITY_ADMIN, "310000"),
            Identity.of("auditor", Role.AUDITOR, "310000"));

    static final Staff SETUP = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry().named("matrix-setup");
    /** 上海新村居委会 (徐汇区 天平路街道; inside every Xuhui demo scope but the volunteer's) and 黄浦区's 云南中路居委会. */
    static final String XUHUI = ResidentTestData.A;

    static final String HUANGPU = ResidentTestData.B;
    /** A community of 南京市玄武区 梅园新村街道: outside every demo scope, even the city-wide ones. */
    static final String NANJING = "320102002001";

    record Fixture(String id, String region) {}

    final List<String> problems = new ArrayList<>();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Regions regions;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiClients apiClients;

    @Autowired
    HelpRequests helpRequests;

    @Autowired
    Residents residents;

    @Autowired
    Organisations organisations;

    @Autowired
    SocialWorkers socialWorkers;

    @Autowired
    Volunteers volunteers;

    @Autowired
    VerificationCampaigns campaigns;

    @Autowired
    CryptoService crypto;

    @Test
    void everyOperationAnswersOnlyTheRolesAndScopesItShould() throws Exception {
        Map<String, List<Fixture>> fixtures = fixtures();
        String document = mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Map<String, Map<String, Object>> paths = JsonPath.read(document, "$.paths");

        List<String> unclassified = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Set<String> stillFailing = new TreeSet<>();
        Map<String, Set<String>> observedAllowed = new TreeMap<>();
        int calls = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/v1/") || path.getKey().startsWith("/api/v1/test-probe/")) {
                continue; // the test-only probe controllers
            }
            for (var method : path.getValue().entrySet()) {
                String operation = method.getKey().toUpperCase() + " " + path.getKey();
                Set<Role> allowed = ALLOWED.get(operation);
                if (allowed == null) {
                    unclassified.add(operation);
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> spec = (Map<String, Object>) method.getValue();
                for (Identity who : IDENTITIES) {
                    for (boolean inScope : new boolean[] {true, false}) {
                        Optional<Call> call = call(operation, path.getKey(), spec, who, inScope, fixtures);
                        if (call.isEmpty()) {
                            continue;
                        }
                        calls++;
                        int status = perform(call.get(), who);
                        boolean isAllowed = allowed.contains(who.role());
                        if (status < 300 && status >= 200 && call.get().inScope()) {
                            observedAllowed
                                    .computeIfAbsent(operation, k -> new TreeSet<>())
                                    .add(who.name());
                        }
                        String failure = judge(operation, who, call.get(), isAllowed, allowed == PUBLIC, status);
                        if (failure != null && KNOWN_FAILURES.contains(operation + " " + who.name())) {
                            stillFailing.add(operation + " " + who.name());
                        } else if (failure != null) {
                            failures.add(failure);
                        }
                    }
                }
            }
        }
        StringBuilder table = new StringBuilder("observed 2xx (in scope):\n");
        observedAllowed.forEach((op, who) ->
                table.append("  ").append(op).append(" → ").append(who).append('\n'));
        System.out.println(table);
        problems.forEach(p -> System.out.println("server error: " + p));
        Set<String> fixed = new TreeSet<>(KNOWN_FAILURES);
        fixed.removeAll(stillFailing);
        fixed.forEach(f -> failures.add(f + ": listed in KNOWN_FAILURES but passes now — remove it from the list"));
        failures.forEach(f -> System.out.println("matrix failure: " + f));
        Set<String> stale = new TreeSet<>(ALLOWED.keySet());
        paths.forEach((p, methods) -> methods.keySet().forEach(m -> stale.remove(m.toUpperCase() + " " + p)));
        assertThat(unclassified)
                .as("operations of the OpenAPI document missing from ALLOWED: classify them")
                .isEmpty();
        assertThat(stale)
                .as("rows of ALLOWED the OpenAPI document no longer has")
                .isEmpty();
        assertThat(ALLOWED.keySet())
                .as("VALID_CALLS names operations of ALLOWED")
                .containsAll(VALID_CALLS.keySet());
        assertThat(calls).isGreaterThan(1_000);
        assertThat(failures).as(failures.size() + " of " + calls + " calls").isEmpty();
    }

    /** One request of the matrix: the concrete URI, whether its id lies in the caller's scope, the body. */
    record Call(
            HttpMethod method,
            String uri,
            boolean inScope,
            boolean hasFixture,
            String contentType,
            byte[] body,
            boolean valid) {}

    private Optional<Call> call(
            String operation,
            String template,
            Map<String, Object> spec,
            Identity who,
            boolean inScope,
            Map<String, List<Fixture>> fixtures) {
        Matcher variables = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder uri = new StringBuilder();
        boolean hasFixture = true;
        boolean scoped = false;
        String fixtureRegion = null;
        while (variables.find()) {
            String name = variables.group(1);
            String kind = fixtureKind(template, name);
            String value;
            List<Fixture> candidates = kind == null ? null : fixtures.get(kind);
            if (candidates != null) {
                scoped = true;
                Optional<Fixture> pick = candidates.stream()
                        .filter(f -> inScope(who, kind, f.region()) == inScope)
                        .findFirst();
                if (pick.isEmpty()) {
                    return Optional.empty();
                }
                value = pick.get().id();
                fixtureRegion = pick.get().region();
            } else {
                value = placeholder(name, spec);
                hasFixture = false; // an id that exists nowhere: allowed callers may get 404
            }
            variables.appendReplacement(uri, Matcher.quoteReplacement(value));
        }
        variables.appendTail(uri);
        if (!scoped && !inScope) {
            return Optional.empty(); // nothing to be out of scope of
        }
        String query = requiredQuery(spec);
        HttpMethod method = HttpMethod.valueOf(operation.substring(0, operation.indexOf(' ')));
        String contentType = null;
        byte[] body = null;
        boolean valid = VALID_CALLS.containsKey(operation) && fixtureRegion != null;
        if (valid && VALID_CALLS.get(operation) != null) {
            contentType = "application/json";
            body = VALID_CALLS.get(operation).formatted(fixtureRegion).getBytes(StandardCharsets.UTF_8);
        } else if (method != HttpMethod.GET) {
            contentType = contentType(spec);
            body = contentType == null
                    ? null
                    : contentType.contains("json") ? "{}".getBytes() : "code,name\n".getBytes();
        }
        return Optional.of(new Call(method, uri + query, inScope, hasFixture && scoped, contentType, body, valid));
    }

    private int perform(Call call, Identity who) throws Exception {
        var request = call.contentType() != null && call.contentType().startsWith("multipart/")
                ? MockMvcRequestBuilders.multipart(call.method(), call.uri()).file("file", "code,name\n".getBytes())
                : MockMvcRequestBuilders.request(call.method(), call.uri());
        request.with(signedIn.get(who.name())).with(r -> {
            r.setRemoteAddr("10.55." + ThreadLocalRandom.current().nextInt(256) + "."
                    + ThreadLocalRandom.current().nextInt(256));
            return r;
        });
        if (call.contentType() != null && !call.contentType().startsWith("multipart/")) {
            request.contentType(call.contentType()).content(call.body());
        }
        try {
            return mvc.perform(request).andReturn().getResponse().getStatus();
        } catch (ServletException e) { // MockMvc rethrows what a server would answer 500
            problems.add(call.uri() + " as " + who.name() + ": " + e.getRootCause());
            return 500;
        }
    }

    /** Why this answer is wrong, or null. */
    static String judge(
            String operation, Identity who, Call call, boolean allowed, boolean publicOperation, int status) {
        String at = operation + " as " + who.name() + " (" + call.uri()
                + (call.hasFixture() ? call.inScope() ? ", in scope" : ", out of scope" : "") + ") → " + status;
        boolean ok = status >= 200 && status < 300;
        boolean read = call.method() == HttpMethod.GET;
        if (status >= 500) {
            return at + ": server error";
        }
        if (status == 401) {
            return at + ": a signed-in caller was answered 401";
        }
        if (allowed && publicOperation) {
            return status == 403 ? at + ": public, yet 403" : null; // anyone may read or use it, in any region
        }
        if (!allowed) {
            if (ok) {
                return at + ": role not allowed, yet 2xx";
            }
            if (read && status != 403 && status != 404) {
                return at + ": role not allowed, expected 403 or 404";
            }
            return null;
        }
        if (call.hasFixture() && !call.inScope()) {
            if (ok) {
                return at + ": outside the caller's scope, yet 2xx";
            }
            if (read && status != 403 && status != 404) {
                return at + ": outside the caller's scope, expected 403 or 404";
            }
            return null;
        }
        if (status == 403) {
            return at + ": role allowed, yet 403";
        }
        if ((read || call.valid()) && call.hasFixture() && !ok) {
            return at + ": role allowed and record in scope, expected 2xx";
        }
        return null;
    }

    /**
     * Whether a record of {@code region} is the caller's: inside its scope; for a campaign, overlapping it (a
     * street's campaign is also its communities' work).
     */
    static boolean inScope(Identity who, String kind, String region) {
        DataScope record = DataScope.of(List.of(RegionCode.parse(region)));
        return who.scope().covers(record) || kind.equals("campaign") && record.covers(who.scope());
    }

    /** Which fixture a path variable names (null: none, a placeholder is used). */
    static String fixtureKind(String template, String variable) {
        String before = template.substring(0, template.indexOf("{" + variable + "}"));
        if (variable.equals("code") && before.equals("/api/v1/regions/")) {
            return "region";
        }
        if (variable.equals("trackingCode")) {
            return "trackingCode";
        }
        if (!variable.equals("id")) {
            return null;
        }
        return switch (before) {
            case "/api/v1/accounts/" -> "account";
            case "/api/v1/api-clients/" -> "apiClient";
            case "/api/v1/help-requests/" -> "helpRequest";
            case "/api/v1/residents/" -> "resident";
            case "/api/v1/organisations/" -> "organisation";
            case "/api/v1/social-workers/" -> "socialWorker";
            case "/api/v1/volunteers/" -> "volunteer";
            case "/api/v1/verification-campaigns/" -> "campaign";
            default -> null;
        };
    }

    /** A value of the parameter's type that names no record. */
    @SuppressWarnings("unchecked")
    static String placeholder(String variable, Map<String, Object> spec) {
        if (variable.equals("kind")) {
            return "organisations";
        }
        for (Object p : (List<Object>) spec.getOrDefault("parameters", List.of())) {
            Map<String, Object> parameter = (Map<String, Object>) p;
            if (variable.equals(parameter.get("name"))) {
                Map<String, Object> schema = (Map<String, Object>) parameter.getOrDefault("schema", Map.of());
                if ("uuid".equals(schema.get("format"))) {
                    return UUID.randomUUID().toString();
                }
                if ("integer".equals(schema.get("type"))) {
                    return "987654321";
                }
            }
        }
        return variable.equals("id") || variable.endsWith("Id")
                ? UUID.randomUUID().toString()
                : "ZZZZ9999";
    }

    @SuppressWarnings("unchecked")
    static String requiredQuery(Map<String, Object> spec) {
        StringBuilder query = new StringBuilder();
        for (Object p : (List<Object>) spec.getOrDefault("parameters", List.of())) {
            Map<String, Object> parameter = (Map<String, Object>) p;
            if ("query".equals(parameter.get("in")) && Boolean.TRUE.equals(parameter.get("required"))) {
                query.append(query.isEmpty() ? "?" : "&")
                        .append(parameter.get("name"))
                        .append("=1");
            }
        }
        return query.toString();
    }

    @SuppressWarnings("unchecked")
    static String contentType(Map<String, Object> spec) {
        Map<String, Object> body = (Map<String, Object>) spec.get("requestBody");
        if (body == null) {
            return null;
        }
        Map<String, Object> content = (Map<String, Object>) body.get("content");
        return content.keySet().stream()
                .filter(t -> t.contains("json"))
                .findFirst()
                .orElse(content.keySet().iterator().next());
    }

    /** Records in 徐汇 (上海新村居委会 / 天平路街道) and in 黄浦 (云南中路居委会 / 南京东路街道), created as the setup admin. */
    private Map<String, List<Fixture>> fixtures() {
        ResidentTestData.communities(regions);
        String tag = Long.toString(System.nanoTime() % 1_000_000, 36);
        signIn(tag);
        Map<String, List<Fixture>> all = new LinkedHashMap<>();
        SETUP.run(() -> regions.importCommunities(
                new ByteArrayInputStream(("code,name,parent\n" + NANJING + ",矩阵测试社区," + NANJING.substring(0, 9) + "\n")
                        .getBytes(StandardCharsets.UTF_8))));
        for (String community : List.of(XUHUI, HUANGPU, NANJING)) {
            String street = community.substring(0, 9);
            add(all, "region", street, street);
            add(
                    all,
                    "account",
                    SETUP.call(() -> accounts.create(new NewAccount(
                                    "mx" + tag + street, "矩阵测试", null, Set.of(Role.COMMUNITY_STAFF), scope(community))))
                            .accountId(),
                    community);
            add(
                    all,
                    "apiClient",
                    SETUP.call(() -> apiClients.create(
                                    "matrix-" + tag + "-" + street,
                                    scope(community),
                                    EnumSet.of(ApiPermission.HELP_REQUESTS_READ)))
                            .client()
                            .id(),
                    community);
            try {
                var submitted = helpRequest(street);
                add(all, "helpRequest", submitted.id(), street);
                add(all, "trackingCode", submitted.trackingCode(), street);
            } catch (RuntimeException e) {
                outsideShanghaiOnly(community, e); // intake may know Shanghai's places only
            }
            add(
                    all,
                    "resident",
                    SETUP.call(() -> residents.create(ResidentTestData.draft("矩阵居民", community))),
                    community);
            add(
                    all,
                    "organisation",
                    SETUP.call(() -> organisations.create(new OrganisationDraft(
                            "AGENCY", "矩阵社工服务社" + tag + street, null, street, "上海市某路1号", "王芳", null, null, List.of()))),
                    street);
            add(
                    all,
                    "socialWorker",
                    SETUP.call(() -> socialWorkers.create(new SocialWorkerDraft(
                            "矩阵社工",
                            idNumber(),
                            null,
                            "SOCIAL_WORKER",
                            null,
                            List.of("MEDICAL"),
                            false,
                            null,
                            "ON_DUTY",
                            street,
                            List.of(),
                            List.of(street)))),
                    street);
            try {
                add(all, "volunteer", volunteer(street), street);
            } catch (RuntimeException e) {
                outsideShanghaiOnly(community, e);
            }
            add(
                    all,
                    "campaign",
                    SETUP.call(() -> campaigns.create(new CampaignDraft(
                            "矩阵核查" + tag + street,
                            "区民政局",
                            street,
                            LocalDate.now().plusDays(7).toString()))),
                    street);
        }
        return all;
    }

    private static void outsideShanghaiOnly(String community, RuntimeException e) {
        if (!community.equals(NANJING)) {
            throw e;
        }
    }

    private static void add(Map<String, List<Fixture>> all, String kind, Object id, String region) {
        all.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Fixture(String.valueOf(id), region));
    }

    private static DataScope scope(String region) {
        return DataScope.of(List.of(RegionCode.parse(region)));
    }

    record Submitted(long id, String trackingCode) {}

    private Submitted helpRequest(String street) {
        String phone = phone();
        String address = "10.54." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256);
        helpRequests.requestCode(phone, address);
        var submission = helpRequests.submit(
                new Intake(
                        "OTHER",
                        "矩阵测试：需要帮忙买菜送到家",
                        "SELF",
                        street,
                        "某路88号",
                        phone,
                        smsCode(phone),
                        "NORMAL",
                        Map.of(),
                        UUID.randomUUID().toString()),
                address,
                Optional.empty());
        return new Submitted(submission.id(), submission.trackingCode());
    }

    private long volunteer(String street) {
        String phone = phone();
        volunteers.requestCode(phone, "10.53.0." + ThreadLocalRandom.current().nextInt(256));
        long id = volunteers.register(
                new VolunteerRegistration(
                        "矩阵志愿者",
                        idNumber(),
                        phone,
                        smsCode(phone),
                        List.of("DRIVING"),
                        street,
                        List.of(),
                        "随时",
                        null,
                        null,
                        Volunteers.PRIVACY_NOTICE_VERSION),
                "10.53.1." + ThreadLocalRandom.current().nextInt(256));
        SETUP.call(() -> volunteers.approve(id));
        return id;
    }

    private String smsCode(String phone) {
        Matcher code = Pattern.compile("验证码是(\\d{6})").matcher(OutboxTexts.lastText(jdbc, crypto, phone));
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    /** A valid ID number of someone born 1950–1989 (the directory refuses the very old). */
    private static String idNumber() {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        long n = ThreadLocalRandom.current().nextLong(0, 15_000_000);
        String body = "320102" + "19" + String.format("%02d", 50 + n % 40) + "0101" + String.format("%03d", n % 1000);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private static String phone() {
        return "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
