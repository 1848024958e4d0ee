package org.wushe.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wushe.audit.AuditTestData.activity;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.shared.AuditAction;

/** GET /api/v1/audit/entries and /verification: scope, filters, roles, and problems for bad input. */
@WusheIntegrationTest
class AuditApiTests {

    private static final Instant T0 = Instant.parse("2026-11-29T00:30:05Z");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void entriesAreScopedAndFiltered() {
        String actor = AuditTestData.uniqueActor();
        new AuditTestData(events, transactions, jdbc)
                .record(List.of(
                        activity(actor, AuditAction.UPDATE, "310101", T0),
                        activity(actor, AuditAction.UPDATE, "310104", T0.plusSeconds(1)),
                        activity(actor, AuditAction.UPDATE, null, T0.plusSeconds(2))));

        var scoped = mvc.get()
                .uri("/api/v1/audit/entries")
                .param("actor", actor)
                .with(Staff.as(Role.AUDITOR).in("310101").request());
        assertThat(scoped)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.entries[*].regionCode")
                .asArray()
                .containsExactly("310101");
        assertThat(scoped).bodyJson().extractingPath("$.total").isEqualTo(1);

        var everywhere = mvc.get()
                .uri("/api/v1/audit/entries")
                .param("actor", actor)
                .param("from", "2026-11-29T00:30:06Z")
                .param("size", "10")
                .with(Staff.as(Role.AUDITOR).wholeCountry().request());
        assertThat(everywhere)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.entries[*].regionCode")
                .asArray()
                .containsExactly(null, "310104");
        assertThat(everywhere)
                .bodyJson()
                .extractingPath("$.entries[0].fields")
                .asArray()
                .containsExactly("phone");
    }

    @Test
    void verificationIsForAuditorsAndCivilAffairsAdmins() {
        assertThat(mvc.get()
                        .uri("/api/v1/audit/verification")
                        .with(Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry().request()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.ok")
                .isEqualTo(true);
        var json = assertThat(mvc.get()
                        .uri("/api/v1/audit/verification")
                        .with(Staff.as(Role.AUDITOR).wholeCountry().request()))
                .hasStatusOk()
                .bodyJson();
        json.extractingPath("$.missingIds").asArray().isEmpty();
        json.extractingPath("$.truncated").isEqualTo(false);
        json.extractingPath("$.reason").isEqualTo("audit.verification.intact");
        assertThat(mvc.get()
                        .uri("/api/v1/audit/verification")
                        .with(Staff.as(Role.AUDITOR).in("310101").request()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.message")
                .asString()
                .contains("审计链完整");
        assertThat(mvc.get()
                        .uri("/api/v1/audit/verification")
                        .with(Staff.as(Role.SOCIAL_WORKER).in("310101").request()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get()
                        .uri("/api/v1/audit/entries")
                        .with(Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry().request()))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/api/v1/audit/entries")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void badFiltersAreLocalisedProblems() {
        var auditor = Staff.as(Role.AUDITOR).wholeCountry().request();
        assertThat(mvc.get().uri("/api/v1/audit/entries").param("size", "15").with(auditor))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("audit.invalid.size");
        assertThat(mvc.get()
                        .uri("/api/v1/audit/entries")
                        .param("action", "NOPE")
                        .with(auditor))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("audit.invalid.action");
        assertThat(mvc.get()
                        .uri("/api/v1/audit/entries")
                        .param("to", "2026-02-30")
                        .with(auditor))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.code")
                .isEqualTo("audit.invalid.time");
        assertThat(mvc.get()
                        .uri("/api/v1/audit/entries")
                        .param("page", "0")
                        .param("lang", "en")
                        .with(auditor))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson()
                .extractingPath("$.detail")
                .asString()
                .contains("greater than 0");
    }
}
