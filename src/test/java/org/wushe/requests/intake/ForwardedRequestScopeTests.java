package org.wushe.requests.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wushe.requests.RequestTestData.HUANGPU_STREET;
import static org.wushe.requests.RequestTestData.TIANPING;
import static org.wushe.requests.RequestTestData.phone;

import com.jayway.jsonpath.JsonPath;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.ApiClients;
import org.wushe.access.ApiPermission;
import org.wushe.access.DataScope;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.privacy.CryptoService;
import org.wushe.requests.HelpRequestSubmitted;
import org.wushe.requests.RequestTestData;
import org.wushe.shared.Activity;
import org.wushe.shared.RegionCode;

/**
 * POST /api/v1/help-requests/forwarded, the one write an API client may make: the place must lie in the client's
 * scope, as staff intake requires. Out of scope is the same localised 400 on communityCode that staff get, and
 * nothing is written — no request, no SMS, no audit row.
 */
@WusheIntegrationTest
@RecordApplicationEvents
class ForwardedRequestScopeTests {

    static final AtomicInteger COUNTER = new AtomicInteger();
    static final Staff TIANPING_STATION =
            Staff.as(Role.STATION_STAFF).in(TIANPING).named("tianping-cases");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApiClients clients;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CryptoService crypto;

    @Autowired
    ApplicationEvents events;

    String token(String region) {
        String name = "scope-" + System.nanoTime() % 100_000 + "-" + COUNTER.incrementAndGet();
        return Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                .wholeCountry()
                .call(() -> clients.create(
                        name, DataScope.of(List.of(RegionCode.parse(region))), EnumSet.allOf(ApiPermission.class)))
                .token();
    }

    long written(String phone) {
        byte[] index = crypto.blindIndex("phone", phone);
        return jdbc.sql("select (select count(*) from requests_help_request where phone_index = :i)"
                        + " + (select count(*) from notify_message where recipient_index = :i)")
                .param("i", index)
                .query(Long.class)
                .single();
    }

    @Test
    void aClientWritesOnlyInsideItsScope() {
        String xuhuiClient = token("310104");
        String inScope = phone();
        assertThat(mvc.post()
                        .uri("/api/v1/help-requests/forwarded")
                        .header("Authorization", "Bearer " + xuhuiClient)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(RequestTestData.json(RequestTestData.dialysis(inScope, null, TIANPING))))
                .hasStatus(HttpStatus.CREATED);
        assertThat(written(inScope)).as("the request and its SMS").isEqualTo(2);

        for (String place : List.of(HUANGPU_STREET, "310101002001")) {
            String outOfScope = phone();
            var refused = mvc.post()
                    .uri("/api/v1/help-requests/forwarded")
                    .header("Authorization", "Bearer " + xuhuiClient)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(RequestTestData.json(RequestTestData.dialysis(outOfScope, null, place)))
                    .exchange();
            assertThat(refused).as(place).hasStatus(HttpStatus.BAD_REQUEST);
            if (place.equals(HUANGPU_STREET)) { // a street is always a known place: the refusal is the scope's
                assertThat(refused)
                        .bodyJson()
                        .extractingPath("$.errors.communityCode")
                        .isEqualTo("这个社区不在您的管辖范围内。");
            }
            assertThat(written(outOfScope)).as(place).isZero();
        }
        assertThat(events.stream(Activity.class).filter(a -> "help_request".equals(a.entityType())))
                .as("only the accepted request is audited (and announced)")
                .hasSize(1);
        assertThat(events.stream(HelpRequestSubmitted.class)).hasSize(1);
    }

    @Test
    void aStreetScopedClientCannotPlaceARequestInAnotherStreetOfItsDistrict() {
        String tianpingClient = token(TIANPING);
        String xujiahui = phone();
        assertThat(mvc.post()
                        .uri("/api/v1/help-requests/forwarded")
                        .header("Authorization", "Bearer " + tianpingClient)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(RequestTestData.json(RequestTestData.dialysis(xujiahui, null, "310104014"))))
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(written(xujiahui)).isZero();
        String tianping = phone();
        assertThat(mvc.post()
                        .uri("/api/v1/help-requests/forwarded")
                        .header("Authorization", "Bearer " + tianpingClient)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(RequestTestData.json(RequestTestData.dialysis(tianping, null, TIANPING))))
                .hasStatus(HttpStatus.CREATED);
        assertThat(written(tianping)).isEqualTo(2);
    }

    @Test
    void forwardingSystemsNeedTheSubmitPermission() throws Exception {
        String body = RequestTestData.json(RequestTestData.dialysis(phone(), null, TIANPING));
        assertThat(mvc.post()
                        .uri("/api/v1/help-requests/forwarded")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(SecurityMockMvcRequestPostProcessors.user("hotline-12345")
                                .authorities(new SimpleGrantedAuthority("PERM_HELP_REQUESTS_SUBMIT"))))
                .as("the permission without a region scope places nothing")
                .hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.post()
                        .uri("/api/v1/help-requests/forwarded")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(RequestTestData.json(RequestTestData.dialysis(phone(), null, TIANPING)))
                        .with(TIANPING_STATION.request()))
                .hasStatus(HttpStatus.FORBIDDEN);

        // a real API client with a bearer token: submit yes; read only with the read permission
        Staff admin = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry();
        String suffix = Long.toString(System.nanoTime() % 100_000);
        String submitter = admin.call(() -> clients.create(
                        "hotline-" + suffix,
                        DataScope.of(List.of(RegionCode.parse("310104"))),
                        Set.of(ApiPermission.HELP_REQUESTS_SUBMIT)))
                .token();
        var forwarded = mvc.post()
                .uri("/api/v1/help-requests/forwarded")
                .header("Authorization", "Bearer " + submitter)
                .contentType(MediaType.APPLICATION_JSON)
                .content(RequestTestData.json(RequestTestData.dialysis(phone(), null, TIANPING)))
                .exchange();
        assertThat(forwarded)
                .hasStatus(HttpStatus.CREATED)
                .bodyJson()
                .extractingPath("$.priority")
                .isEqualTo("P1");
        assertThat(mvc.get().uri("/api/v1/help-requests").header("Authorization", "Bearer " + submitter))
                .hasStatus(HttpStatus.FORBIDDEN);
        String reader = admin.call(() -> clients.create(
                        "reader-" + suffix,
                        DataScope.of(List.of(RegionCode.parse("310101"))),
                        Set.of(ApiPermission.HELP_REQUESTS_READ)))
                .token();
        Object id = JsonPath.read(forwarded.getResponse().getContentAsString(), "$.id");
        assertThat(mvc.get().uri("/api/v1/help-requests/" + id).header("Authorization", "Bearer " + reader))
                .as("a reader scoped to 黄浦 does not see a 徐汇 request")
                .hasStatus(HttpStatus.NOT_FOUND);
    }
}
