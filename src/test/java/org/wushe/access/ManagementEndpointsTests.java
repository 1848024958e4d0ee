package org.wushe.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.shared.RegionCode;

/**
 * Issue 13 item 11: metrics answer only a monitoring system's token (loopback is no identity: behind a reverse proxy
 * on the same host every request comes from 127.0.0.1); health stays open and shows anonymous callers the status only.
 */
@WusheIntegrationTest
class ManagementEndpointsTests {

    static final Staff ADMIN = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry().named("management-admin");
    static final AtomicInteger COUNTER = new AtomicInteger();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ApiClients clients;

    private String token(ApiPermission... permissions) {
        String name = "monitor-" + System.nanoTime() % 100000 + "-" + COUNTER.incrementAndGet();
        return ADMIN.call(() -> clients.create(
                        name, DataScope.of(List.of(RegionCode.parse("310104"))), EnumSet.copyOf(List.of(permissions))))
                .token();
    }

    @Test
    void healthIsOpenAndShowsOnlyTheStatus() {
        var health = mvc.get().uri("/actuator/health").exchange();
        assertThat(health).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("UP");
        assertThat(health)
                .bodyJson()
                .convertTo(Map.class)
                .satisfies(body -> assertThat(body.keySet()).doesNotContain("components", "details"));
        assertThat(health.getResponse().getCookie("SESSION")).isNull();
        assertThat(mvc.get().uri("/actuator/health/liveness")).hasStatusOk();
        assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatusOk();
    }

    @Test
    void metricsNeedAMonitoringToken() {
        // MockMvc calls come from 127.0.0.1, which used to be enough
        assertThat(mvc.get().uri("/actuator/prometheus")).hasStatus(HttpStatus.UNAUTHORIZED);
        assertThat(mvc.get().uri("/actuator/info")).hasStatus(HttpStatus.UNAUTHORIZED);
        for (Role role : Role.values()) {
            assertThat(mvc.get()
                            .uri("/actuator/prometheus")
                            .with(Staff.as(role).wholeCountry().request()))
                    .as(role.name())
                    .satisfies(r -> assertThat(r.getResponse().getStatus()).isIn(401, 403));
        }
        assertThat(mvc.get()
                        .uri("/actuator/prometheus")
                        .header("Authorization", "Bearer " + token(ApiPermission.HELP_REQUESTS_READ)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/actuator/prometheus").header("Authorization", "Bearer wsk_1_made-up"))
                .hasStatus(HttpStatus.UNAUTHORIZED);
        var scraped = mvc.get()
                .uri("/actuator/prometheus")
                .header("Authorization", "Bearer " + token(ApiPermission.METRICS_READ))
                .exchange();
        assertThat(scraped).hasStatusOk().bodyText().contains("hikaricp_connections");
        assertThat(scraped.getResponse().getCookie("SESSION")).isNull();
    }
}
