package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.wushe.WusheIntegrationTest;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/** API clients: tokens shown once and stored hashed, bearer calls with the client's scope and permissions, 401s that say nothing. */
@WusheIntegrationTest
@RecordApplicationEvents
class ApiClientsTests {

    static final AtomicInteger COUNTER = new AtomicInteger();
    static final Staff ADMIN = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").named("api-admin");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApiClients clients;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    IssuedApiToken create(ApiPermission... permissions) {
        String name = "hotline-" + System.nanoTime() % 100000 + "-" + COUNTER.incrementAndGet();
        return ADMIN.call(() -> clients.create(
                name, DataScope.of(List.of(RegionCode.parse("310104003"))), EnumSet.copyOf(List.of(permissions))));
    }

    MvcTestResult whoami(String authorization) {
        return mvc.get()
                .uri("/api/v1/test-probe/whoami")
                .header("Authorization", authorization)
                .exchange();
    }

    @Test
    void aValidTokenAuthenticatesAsTheClientWithItsScopeAndPermissionsWithoutSessionOrCsrf() {
        IssuedApiToken issued = create(ApiPermission.HELP_REQUESTS_SUBMIT);
        assertThat(issued.token()).matches("wsk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}");

        MvcTestResult result = whoami("Bearer " + issued.token());
        assertThat(result).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json)
                    .extractingPath("$.username")
                    .isEqualTo("api:" + issued.client().name());
            assertThat(json).extractingPath("$.wholeCountry").isEqualTo(false);
            assertThat(json).extractingPath("$.regions").asArray().containsExactly("310104003");
            assertThat(json)
                    .extractingPath("$.authorities")
                    .asArray()
                    .containsExactly("PERM_HELP_REQUESTS_SUBMIT", "ROLE_API_CLIENT");
        });
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull(); // no session was made
        assertThat(mvc.post()
                        .uri("/api/v1/test-probe/help-requests")
                        .header("Authorization", "Bearer " + issued.token()))
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.submittedBy")
                .isEqualTo("api:" + issued.client().name());
        assertThat(ADMIN.call(() -> clients.get(issued.client().id())).lastUsedAt())
                .isNotNull();
    }

    @Test
    void aClientWithoutThePermissionIsForbidden() {
        IssuedApiToken reader = create(ApiPermission.HELP_REQUESTS_READ);
        assertThat(mvc.post()
                        .uri("/api/v1/test-probe/help-requests")
                        .header("Authorization", "Bearer " + reader.token()))
                .hasStatus(HttpStatus.FORBIDDEN);
        // nor may it reach what staff roles guard
        assertThat(mvc.get().uri("/api/v1/accounts").header("Authorization", "Bearer " + reader.token()))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void revokedUnknownAndMalformedTokensAllGetTheSameBare401AndAreAudited() {
        IssuedApiToken revoked = create(ApiPermission.HELP_REQUESTS_SUBMIT);
        ADMIN.call(() -> {
            clients.revoke(revoked.client().id());
            return null;
        });
        String unknown = "wsk_abcdefghijkl_" + "A".repeat(43);
        String wrongSecret =
                revoked.token().substring(0, 30) + "x".repeat(revoked.token().length() - 30);
        for (String token : List.of(revoked.token(), unknown, wrongSecret, "not-a-token", "")) {
            MvcTestResult result = whoami("Bearer " + token);
            assertThat(result)
                    .hasStatus(HttpStatus.UNAUTHORIZED)
                    .hasHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            assertThat(result.getResponse().getContentLength()).isZero();
            assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
        }
        // even a public endpoint is refused with a bad token: the caller should know its token is bad
        assertThat(mvc.get().uri("/api/v1/regions").header("Authorization", "Bearer nope"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(events.stream(Activity.class)
                        .filter(a -> a.action() == AuditAction.LOGIN_FAILED
                                && a.entityType().equals("api_client"))
                        .map(Activity::reason))
                .containsExactly("revoked", "unknown", "unknown", "malformed", "malformed", "malformed");
        assertThat(events.stream(Activity.class)
                        .filter(a -> a.action() == AuditAction.UPDATE && "revoke".equals(a.reason())))
                .singleElement()
                .satisfies(a -> assertThat(a.entityId())
                        .isEqualTo(String.valueOf(revoked.client().id())));
    }

    @Test
    void withoutATokenTheApiBehavesAsBefore() {
        assertThat(mvc.get().uri("/api/v1/test-probe/whoami")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post()
                        .uri("/api/v1/test-probe/help-requests")
                        .with(Staff.as(Role.STATION_STAFF).in("310104").request())
                        .with(csrf()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get()
                        .uri("/api/v1/test-probe/whoami")
                        .with(Staff.as(Role.STATION_STAFF).in("310104").request()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.username")
                .isEqualTo("test-station_staff");
    }

    @Test
    void rotationReplacesTheTokenAtOnceAndOnlyAHashIsStored() {
        IssuedApiToken first = create(ApiPermission.HELP_REQUESTS_SUBMIT);
        IssuedApiToken second = ADMIN.call(() -> clients.rotate(first.client().id()));
        assertThat(second.token()).isNotEqualTo(first.token());
        assertThat(whoami("Bearer " + first.token())).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(whoami("Bearer " + second.token())).hasStatusOk();
        assertThat(second.client().rotatedAt()).isNotNull();

        String stored = jdbc.sql("select concat_ws('|', name, token_id, encode(token_hash, 'hex'), "
                        + "encode(token_hash, 'escape')) from access_api_client where id = ?")
                .param(first.client().id())
                .query(String.class)
                .single();
        // wsk_<id>_<secret>: the secret is base64url and may itself contain '_'
        String secret = second.token().split("_", 3)[2];
        assertThat(stored).doesNotContain(secret).doesNotContain(first.token().substring(17));
        assertThat(jdbc.sql("select length(token_hash) from access_api_client where id = ?")
                        .param(first.client().id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(32);
        assertThat(second.toString()).doesNotContain(secret);
    }

    @Test
    void onlyCivilAffairsAdminsManageClientsWithinTheirScope() {
        assertThatThrownBy(() -> Staff.as(Role.ASSOCIATION_ADMIN).wholeCountry().call(() -> clients.list()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ADMIN.call(() -> clients.create(
                        "too-wide",
                        DataScope.of(List.of(RegionCode.parse("310101"))),
                        Set.of(ApiPermission.HELP_REQUESTS_READ))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> ADMIN.call(() -> clients.create(
                        "X y",
                        DataScope.of(List.of(RegionCode.parse("310104"))),
                        Set.of(ApiPermission.HELP_REQUESTS_READ))))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ADMIN.call(
                        () -> clients.create("no-perms", DataScope.of(List.of(RegionCode.parse("310104"))), Set.of())))
                .isInstanceOf(InvalidValueException.class);

        IssuedApiToken xuhui = create(ApiPermission.HELP_REQUESTS_READ);
        Staff huangpuAdmin = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310101");
        assertThat(huangpuAdmin.call(() -> clients.list()))
                .extracting(ApiClientSummary::id)
                .doesNotContain(xuhui.client().id());
        assertThat(ADMIN.call(() -> clients.list()))
                .extracting(ApiClientSummary::id)
                .contains(xuhui.client().id());
        assertThatThrownBy(() -> huangpuAdmin.call(() -> {
                    clients.revoke(xuhui.client().id());
                    return null;
                }))
                .isInstanceOf(ApiClients.ApiClientNotFoundException.class);
    }

    @Test
    void thePagesCreateShowTheTokenOnceListRotateAndRevoke() throws Exception {
        String name = "page-client-" + COUNTER.incrementAndGet();
        String body = mvc.post()
                .uri("/api-clients")
                .param("name", name)
                .param("regions", "310104")
                .param("permissions", "HELP_REQUESTS_SUBMIT")
                .with(csrf())
                .with(ADMIN.request())
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).contains("id=\"issued-token\"", "仅显示这一次", "wsk_", name, "提交求助");
        String token = body.replaceAll("(?s).*(wsk_[a-z2-7]{12}_[A-Za-z0-9_-]{43}).*", "$1");
        assertThat(whoami("Bearer " + token)).hasStatusOk();
        assertThat(mvc.get().uri("/api-clients").with(ADMIN.request()))
                .hasStatusOk()
                .bodyText()
                .contains(name, "轮换令牌", "吊销")
                .doesNotContain(token, "issued-token");

        assertThat(mvc.post()
                        .uri("/api-clients")
                        .param("name", "Bad Name")
                        .param("regions", "310104")
                        .param("permissions", "HELP_REQUESTS_SUBMIT")
                        .with(csrf())
                        .with(ADMIN.request()))
                .hasStatusOk()
                .bodyText()
                .contains("名称须为 3 至 32 位小写字母", "value=\"Bad Name\"")
                .doesNotContain("issued-token");
        assertThat(mvc.get()
                        .uri("/api-clients")
                        .with(Staff.as(Role.STATION_STAFF).in("310104").request()))
                .hasStatus(HttpStatus.FORBIDDEN);

        long id = ADMIN.call(() -> clients.list()).stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(mvc.post().uri("/api-clients/{id}/rotate", id).with(csrf()).with(ADMIN.request()))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"issued-token\"");
        assertThat(whoami("Bearer " + token)).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.post().uri("/api-clients/{id}/revoke", id).with(csrf()).with(ADMIN.request()))
                .hasStatus3xxRedirection()
                .hasRedirectedUrl("/api-clients");
    }

    @Test
    void theListNamesTheCreatorWithTheUsernameOnHover() {
        String username = "api-creator-" + COUNTER.incrementAndGet() + "-" + System.nanoTime() % 100000;
        ADMIN.call(() -> accounts.create(new NewAccount(
                username,
                "接口管理员",
                null,
                Set.of(Role.CIVIL_AFFAIRS_ADMIN),
                DataScope.of(List.of(RegionCode.parse("310104"))))));
        Staff creator = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104").named(username);
        String name = "named-client-" + COUNTER.incrementAndGet();
        creator.call(() -> clients.create(
                name,
                DataScope.of(List.of(RegionCode.parse("310104"))),
                EnumSet.of(ApiPermission.HELP_REQUESTS_SUBMIT)));

        assertThat(mvc.get().uri("/api-clients").with(ADMIN.request()))
                .hasStatusOk()
                .bodyText()
                .contains(name, "<span class=\"api-client-creator\" title=\"" + username + "\">接口管理员</span>");
    }

    @Test
    void theApiCreatesListsRotatesAndRevokes() {
        String name = "api-client-" + COUNTER.incrementAndGet();
        MvcTestResult created = mvc.post()
                .uri("/api/v1/api-clients")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        "{\"name\":\"" + name + "\",\"regions\":[\"310104\"],\"permissions\":[\"HELP_REQUESTS_READ\"]}")
                .with(csrf())
                .with(ADMIN.request())
                .exchange();
        assertThat(created).hasStatus(HttpStatus.CREATED).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.client.username").isEqualTo("api:" + name);
            assertThat(json).extractingPath("$.client.permissions").asArray().containsExactly("HELP_REQUESTS_READ");
            assertThat(json).extractingPath("$.token").asString().startsWith("wsk_");
        });
        assertThat(mvc.get().uri("/api/v1/api-clients").with(ADMIN.request()))
                .hasStatusOk()
                .bodyText()
                .contains(name)
                .doesNotContain("wsk_", "token\"");
        assertThat(mvc.post()
                        .uri("/api/v1/api-clients")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"x\",\"regions\":[\"310104\"],\"permissions\":[\"NOPE\"]}")
                        .with(csrf())
                        .with(ADMIN.request()))
                .hasStatus(HttpStatus.BAD_REQUEST);
    }
}
