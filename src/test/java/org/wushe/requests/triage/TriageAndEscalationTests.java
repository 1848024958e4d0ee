package org.wushe.requests.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wushe.requests.RequestTestData.TIANPING;
import static org.wushe.requests.RequestTestData.phone;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Accounts;
import org.wushe.access.DataScope;
import org.wushe.access.NewAccount;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.requests.Category;
import org.wushe.requests.Priority;
import org.wushe.requests.RequestTestData;
import org.wushe.requests.TrackingCodes;
import org.wushe.requests.intake.HelpRequests;
import org.wushe.requests.intake.Submission;
import org.wushe.shared.RegionCode;

/** The rule table deciding priorities, and the escalation of missed deadlines, against the real database. */
@WusheIntegrationTest
class TriageAndEscalationTests {

    static final Staff TIANPING_STATION =
            Staff.as(Role.STATION_STAFF).in(TIANPING).named("tianping-cases");

    @Autowired
    HelpRequests requests;

    @Autowired
    TriageSettings settings;

    @Autowired
    Escalations escalations;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    Submission record(String category, Map<String, Boolean> answers, String urgency, String phone) {
        return RequestTestData.recordCall(requests, TIANPING_STATION, category, answers, urgency, phone);
    }

    @Test
    void theRuleTableDecidesThePriority() {
        assertThat(record("EMERGENCY_MEDICAL", Map.of("chestPain", true), "URGENT", phone())
                        .priority())
                .isEqualTo(Priority.P1);
        assertThat(record("PSYCHOLOGICAL", Map.of("selfHarmThoughts", true), "NORMAL", phone())
                        .priority())
                .isEqualTo(Priority.P1);
        assertThat(record("PRENATAL_CHECK", Map.of("labourSigns", true), "NORMAL", phone())
                        .priority())
                .isEqualTo(Priority.P1);
        assertThat(record("DIALYSIS", Map.of("dialysisDueWithin24h", false), "NORMAL", phone())
                        .priority())
                .isEqualTo(Priority.P2);
        assertThat(record("FOOD_SUPPLIES", Map.of(), "NORMAL", phone()).priority())
                .isEqualTo(Priority.P3);
        assertThat(record("FOOD_SUPPLIES", Map.of(), "VERY_URGENT", phone()).priority())
                .isEqualTo(Priority.P2);
        assertThat(record("OTHER", Map.of(), "NORMAL", phone()).priority()).isEqualTo(Priority.P4);

        Staff admin = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104");
        var otherRule = admin.call(() -> settings.rules()).stream()
                .filter(r -> r.category() == Category.OTHER && r.question() == null)
                .findFirst()
                .orElseThrow();
        admin.run(() -> settings.updateRule(otherRule.id(), Priority.P3, true));
        try {
            assertThat(record("OTHER", Map.of(), "NORMAL", phone()).priority()).isEqualTo(Priority.P3);
        } finally {
            admin.run(() -> settings.updateRule(otherRule.id(), Priority.P4, true));
        }
        assertThatThrownBy(() -> TIANPING_STATION.run(() -> settings.updateRule(otherRule.id(), Priority.P1, true)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anUnassignedP1PastItsDeadlineEscalatesToTheStationThenTheDistrict() {
        String station = "esc-station-" + System.nanoTime() % 1_000_000;
        String district = "esc-district-" + System.nanoTime() % 1_000_000;
        Staff root = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry();
        long stationAccount = root.call(() -> accounts.create(new NewAccount(
                        station,
                        "天平路站",
                        null,
                        Set.of(Role.STATION_STAFF),
                        DataScope.of(List.of(RegionCode.parse(TIANPING))))))
                .accountId();
        long districtAccount = root.call(() -> accounts.create(new NewAccount(
                        district,
                        "徐汇民政",
                        null,
                        Set.of(Role.CIVIL_AFFAIRS_ADMIN),
                        DataScope.of(List.of(RegionCode.parse("310104"))))))
                .accountId();
        Submission s = record("EMERGENCY_MEDICAL", Map.of("chestPain", true), "VERY_URGENT", phone());
        assertThat(s.priority()).isEqualTo(Priority.P1);
        Instant now = Instant.now();

        String code = TrackingCodes.display(s.trackingCode());

        escalations.run(now.plus(Duration.ofMinutes(10)));
        assertThat(level(s.id())).isZero();
        escalations.run(now.plus(Duration.ofMinutes(31)));
        assertThat(level(s.id())).isEqualTo(1);
        assertThat(inbox(stationAccount, code)).isEqualTo(1);
        assertThat(inbox(districtAccount, code)).isZero();
        escalations.run(now.plus(Duration.ofMinutes(32)));
        assertThat(inbox(stationAccount, code)).as("never twice").isEqualTo(1);
        escalations.run(now.plus(Duration.ofMinutes(31 + 61)));
        assertThat(level(s.id())).isEqualTo(2);
        assertThat(inbox(districtAccount, code)).isEqualTo(1);
        assertThat(mvc.get()
                        .uri("/api/v1/help-requests")
                        .param("overdue", "true")
                        .param("size", "100")
                        .with(TIANPING_STATION.request()))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.rows[*].id")
                .asArray()
                .as("overdue is judged against the real clock, and it is not overdue yet")
                .doesNotContain(s.id());
    }

    @Test
    void theScheduledRunEscalatesInItsOwnTransaction(@Autowired EscalationJob job) {
        Submission s = record("EMERGENCY_MEDICAL", Map.of("chestPain", true), "VERY_URGENT", phone());
        jdbc.sql("update requests_help_request set first_contact_due = now() - interval '1 minute' where id = ?")
                .param(s.id())
                .update();
        job.run();
        assertThat(level(s.id()))
                .as("escalated by the scheduled path, not only by direct calls")
                .isEqualTo(1);
    }

    int level(long id) {
        return jdbc.sql("select escalation_level from requests_help_request where id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    long inbox(long account, String code) {
        return jdbc.sql(
                        "select count(*) from notify_inbox where account_id = ? and message_key = 'requests.inbox.overdue'"
                                + " and args[1] = ?")
                .params(account, code)
                .query(Long.class)
                .single();
    }
}
