package org.wushe.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wushe.requests.RequestTestData.TIANPING;
import static org.wushe.requests.RequestTestData.phone;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Accounts;
import org.wushe.access.DataScope;
import org.wushe.access.NewAccount;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.OrgType;
import org.wushe.directory.organisations.Organisations;
import org.wushe.directory.socialworkers.SocialWorkers;
import org.wushe.directory.volunteers.Volunteers;
import org.wushe.privacy.CryptoService;
import org.wushe.requests.internal.HelpRequest.Party;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/** Triage, scope, assignment, referral, closure and escalation against the real database. */
@WusheIntegrationTest
class HelpRequestCasesTests {

    static final Staff TIANPING_STATION = Staff.as(Role.STATION_STAFF).in(TIANPING).named("tianping-cases");
    static final Staff HUANGPU_STATION = Staff.as(Role.STATION_STAFF).in("310101").named("huangpu-cases");

    @Autowired HelpRequests requests;
    @Autowired HelpRequestCases cases;
    @Autowired TriageSettings settings;
    @Autowired Escalations escalations;
    @Autowired Organisations organisations;
    @Autowired SocialWorkers workers;
    @Autowired Volunteers volunteers;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired CryptoService crypto;
    @Autowired MockMvcTester mvc;
    @Autowired org.wushe.access.ApiClients apiClients;

    Submission record(String category, Map<String, Boolean> answers, String urgency, String phone) {
        return TIANPING_STATION.call(() -> requests.record(new Intake(category, "电话求助，情况紧急需要协助", "SELF",
                TIANPING, "天平路88号2单元301", phone, null, urgency, answers, UUID.randomUUID().toString()),
                Channel.HOTLINE));
    }

    @Test
    void theRuleTableDecidesThePriority() {
        assertThat(record("EMERGENCY_MEDICAL", Map.of("chestPain", true), "URGENT", phone()).priority())
                .isEqualTo(Priority.P1);
        assertThat(record("PSYCHOLOGICAL", Map.of("selfHarmThoughts", true), "NORMAL", phone()).priority())
                .isEqualTo(Priority.P1);
        assertThat(record("PRENATAL_CHECK", Map.of("labourSigns", true), "NORMAL", phone()).priority())
                .isEqualTo(Priority.P1);
        assertThat(record("DIALYSIS", Map.of("dialysisDueWithin24h", false), "NORMAL", phone()).priority())
                .isEqualTo(Priority.P2);
        assertThat(record("FOOD_SUPPLIES", Map.of(), "NORMAL", phone()).priority()).isEqualTo(Priority.P3);
        assertThat(record("FOOD_SUPPLIES", Map.of(), "VERY_URGENT", phone()).priority()).isEqualTo(Priority.P2);
        assertThat(record("OTHER", Map.of(), "NORMAL", phone()).priority()).isEqualTo(Priority.P4);

        Staff admin = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).in("310104");
        var otherRule = admin.call(() -> settings.rules()).stream()
                .filter(r -> r.category() == Category.OTHER && r.question() == null).findFirst().orElseThrow();
        admin.run(() -> settings.updateRule(otherRule.id(), Priority.P3, true));
        try {
            assertThat(record("OTHER", Map.of(), "NORMAL", phone()).priority()).isEqualTo(Priority.P3);
        } finally {
            admin.run(() -> settings.updateRule(otherRule.id(), Priority.P4, true));
        }
        assertThatThrownBy(() -> TIANPING_STATION.run(() -> settings.updateRule(otherRule.id(), Priority.P1, true)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void aWorkerOfAnotherStreetNeverSeesIt() {
        String phone = phone();
        Submission s = record("DIALYSIS", Map.of("dialysisDueWithin24h", true), "URGENT", phone);
        WorklistFilter byPhone = new WorklistFilter(null, null, null, null, null, null, null, phone, null, null, null);
        assertThat(TIANPING_STATION.call(() -> requests.worklist(byPhone)).rows()).extracting(HelpRequestRow::id)
                .containsExactly(s.id());
        assertThat(HUANGPU_STATION.call(() -> requests.worklist(byPhone)).rows()).isEmpty();
        assertThat(HUANGPU_STATION.call(() -> requests.worklist(WorklistFilter.all())).rows())
                .extracting(HelpRequestRow::id).doesNotContain(s.id());
        assertThatThrownBy(() -> HUANGPU_STATION.call(() -> requests.details(s.id())))
                .isInstanceOf(HelpRequestNotFoundException.class);
        assertThatThrownBy(() -> HUANGPU_STATION.run(() -> cases.triage(s.id(), Priority.P4)))
                .isInstanceOf(HelpRequestNotFoundException.class);
        assertThat(mvc.get().uri("/api/v1/help-requests/" + s.id()).with(HUANGPU_STATION.request()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/requests/" + s.id()).with(HUANGPU_STATION.request())).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/api/v1/help-requests").param("phone", phone).with(HUANGPU_STATION.request()))
                .hasStatusOk().bodyJson().extractingPath("$.rows").asArray().isEmpty();
        assertThat(mvc.get().uri("/api/v1/help-requests/" + s.id()).with(TIANPING_STATION.request())).hasStatusOk()
                .bodyJson().extractingPath("$.maskedPhone").asString().contains("****");
        // the searchable address finds it; the flat number is not searchable
        WorklistFilter byAddress = new WorklistFilter(null, null, null, null, null, null, null, null, "天平路88号", null, 500);
        assertThat(TIANPING_STATION.call(() -> requests.worklist(byAddress)).rows()).extracting(HelpRequestRow::id)
                .contains(s.id());
        assertThat(HUANGPU_STATION.call(() -> requests.worklist(byAddress)).rows()).extracting(HelpRequestRow::id)
                .doesNotContain(s.id());
        WorklistFilter byCode = new WorklistFilter(null, null, null, null, null, null, s.trackingCode().toLowerCase(),
                null, null, null, null);
        assertThat(TIANPING_STATION.call(() -> requests.worklist(byCode)).rows()).hasSize(1);
    }

    @Test
    void theWorklistPagesByKeyset() {
        for (int i = 0; i < 3; i++) {
            record("OTHER", Map.of(), "NORMAL", phone());
        }
        WorklistPage first = TIANPING_STATION.call(() -> requests.worklist(
                new WorklistFilter(null, null, null, null, null, null, null, null, null, null, 2)));
        assertThat(first.rows()).hasSize(2);
        assertThat(first.next()).isNotNull();
        WorklistPage second = TIANPING_STATION.call(() -> requests.worklist(
                new WorklistFilter(null, null, null, null, null, null, null, null, null, first.next(), 2)));
        assertThat(second.rows().get(0).id()).isLessThan(first.rows().get(1).id());
    }

    @Test
    void pairingReferralAndClosureWhichWaitsForTheReferral() {
        String phone = phone();
        long hospital = RequestFixtures.organisation(organisations, OrgType.HOSPITAL_SW_DEPT, "徐汇医院社工部" + phone.substring(7), "310104");
        long worker = RequestFixtures.socialWorker(workers, "王医务" + phone.substring(7), TIANPING, "MEDICAL");
        long volunteer = RequestFixtures.volunteer(volunteers, jdbc, crypto, "李驾驶" + phone.substring(7), TIANPING);
        Submission s = record("DIALYSIS", Map.of("dialysisDueWithin24h", true), "URGENT", phone);

        Suggestions suggestions = TIANPING_STATION.call(() -> cases.suggestions(s.id()));
        assertThat(suggestions.socialWorkers()).extracting(Suggestions.Candidate::id).contains(worker);
        var mine = suggestions.socialWorkers().stream().filter(c -> c.id() == worker).findFirst().orElseThrow();
        assertThat(mine.reasons()).contains("local", "fit", "onDuty");
        assertThat(suggestions.volunteers()).extracting(Suggestions.Candidate::id).contains(volunteer);

        TIANPING_STATION.run(() -> cases.assign(s.id(), null, worker, volunteer));
        assertThat(RequestTestData.lastSms(jdbc, crypto, phone)).contains("已安排工作人员跟进");
        long volunteerAccount = jdbc.sql("select account_id from directory_volunteer where id = ?").param(volunteer)
                .query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from notify_inbox where account_id = ? and message_key = 'requests.inbox.assigned'")
                .param(volunteerAccount).query(Long.class).single()).isEqualTo(1);
        TIANPING_STATION.run(() -> cases.accept(s.id(), Party.WORKER));
        long referral = TIANPING_STATION.call(() -> cases.refer(s.id(), hospital, "协调透析床位"));
        TIANPING_STATION.run(() -> cases.resolve(s.id(), "已协调车辆和床位", List.of(ServiceType.HEALTH_CARE), 2));
        assertThatThrownBy(() -> TIANPING_STATION.run(() -> cases.close(s.id())))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("requests.error.openReferrals");

        Staff hospitalStaff = Staff.as(Role.SOCIAL_WORKER).in("310104").organisation(hospital).named("hospital-sw");
        Staff otherOrg = Staff.as(Role.SOCIAL_WORKER).in("310104").organisation(hospital + 100_000).named("other-sw");
        assertThat(hospitalStaff.call(() -> cases.referralsToMyOrganisation())).extracting(ReferralView::id)
                .contains(referral);
        assertThatThrownBy(() -> otherOrg.run(() -> cases.actOnReferral(referral, ReferralStatus.ACCEPTED, "x")))
                .isInstanceOf(HelpRequestNotFoundException.class);
        hospitalStaff.run(() -> cases.actOnReferral(referral, ReferralStatus.ACCEPTED, "床位已预留"));
        assertThatThrownBy(() -> TIANPING_STATION.run(() -> cases.close(s.id())))
                .isInstanceOf(InvalidValueException.class);
        hospitalStaff.run(() -> cases.actOnReferral(referral, ReferralStatus.COMPLETED, "已完成透析"));
        TIANPING_STATION.run(() -> cases.close(s.id()));

        HelpRequestDetails d = TIANPING_STATION.call(() -> requests.details(s.id()));
        assertThat(d.status()).isEqualTo(HelpRequestStatus.CLOSED);
        assertThat(d.personTimes()).isEqualTo(2);
        assertThat(d.timeline()).extracting(TimelineLine::kind).contains("REFERRED", "REFERRAL_ACCEPTED",
                "REFERRAL_COMPLETED", "CLOSED");
        cases.residentConfirms(s.trackingCode(), 5);
        PublicStatus status = requests.publicStatus(s.trackingCode(), "10.9.9.9").orElseThrow();
        assertThat(status.rating()).isEqualTo(5);
        assertThat(status.handledBy()).allMatch(n -> n.contains("*"));
        assertThat(status.timeline()).extracting(PublicStatus.PublicEvent::kind).doesNotContain("NOTE", "DECLINED");
    }

    @Test
    void anUnassignedP1PastItsDeadlineEscalatesToTheStationThenTheDistrict() {
        String station = "esc-station-" + System.nanoTime() % 1_000_000;
        String district = "esc-district-" + System.nanoTime() % 1_000_000;
        Staff root = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry();
        long stationAccount = root.call(() -> accounts.create(new NewAccount(station, "天平路站", null,
                Set.of(Role.STATION_STAFF), DataScope.of(List.of(RegionCode.parse(TIANPING)))))).accountId();
        long districtAccount = root.call(() -> accounts.create(new NewAccount(district, "徐汇民政", null,
                Set.of(Role.CIVIL_AFFAIRS_ADMIN), DataScope.of(List.of(RegionCode.parse("310104")))))).accountId();
        Submission s = record("EMERGENCY_MEDICAL", Map.of("chestPain", true), "VERY_URGENT", phone());
        assertThat(s.priority()).isEqualTo(Priority.P1);
        Instant now = Instant.now();

        String code = org.wushe.requests.internal.TrackingCodes.display(s.trackingCode());

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
        assertThat(TIANPING_STATION.call(() -> requests.worklist(new WorklistFilter(null, null, null, null, null, true,
                null, null, null, null, 100))).rows()).extracting(HelpRequestRow::id).doesNotContain(s.id())
                .as("overdue is judged against the real clock, and it is not overdue yet");
    }

    @Test
    void theScheduledRunEscalatesInItsOwnTransaction(@Autowired EscalationJob job) {
        Submission s = record("EMERGENCY_MEDICAL", Map.of("chestPain", true), "VERY_URGENT", phone());
        jdbc.sql("update requests_help_request set first_contact_due = now() - interval '1 minute' where id = ?")
                .param(s.id()).update();
        job.run();
        assertThat(level(s.id())).as("escalated by the scheduled path, not only by direct calls").isEqualTo(1);
    }

    int level(long id) {
        return jdbc.sql("select escalation_level from requests_help_request where id = ?").param(id)
                .query(Integer.class).single();
    }

    long inbox(long account, String code) {
        return jdbc.sql("select count(*) from notify_inbox where account_id = ? and message_key = 'requests.inbox.overdue'"
                        + " and args[1] = ?")
                .params(account, code).query(Long.class).single();
    }

    @Test
    void forwardingSystemsNeedTheSubmitPermission() throws Exception {
        String body = RequestTestData.json(RequestTestData.dialysis(phone(), null, TIANPING));
        assertThat(mvc.post().uri("/api/v1/help-requests/forwarded").contentType(MediaType.APPLICATION_JSON)
                .content(body).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .user("hotline-12345").authorities(new SimpleGrantedAuthority("PERM_HELP_REQUESTS_SUBMIT"))))
                .as("the permission without a region scope places nothing").hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(mvc.post().uri("/api/v1/help-requests/forwarded").contentType(MediaType.APPLICATION_JSON)
                .content(RequestTestData.json(RequestTestData.dialysis(phone(), null, TIANPING)))
                .with(TIANPING_STATION.request())).hasStatus(HttpStatus.FORBIDDEN);

        // a real API client with a bearer token: submit yes; read only with the read permission
        Staff admin = Staff.as(Role.CIVIL_AFFAIRS_ADMIN).wholeCountry();
        String suffix = Long.toString(System.nanoTime() % 100_000);
        String submitter = admin.call(() -> apiClients.create("hotline-" + suffix,
                DataScope.of(List.of(RegionCode.parse("310104"))), Set.of(org.wushe.access.ApiPermission.HELP_REQUESTS_SUBMIT)))
                .token();
        var forwarded = mvc.post().uri("/api/v1/help-requests/forwarded").header("Authorization", "Bearer " + submitter)
                .contentType(MediaType.APPLICATION_JSON)
                .content(RequestTestData.json(RequestTestData.dialysis(phone(), null, TIANPING))).exchange();
        assertThat(forwarded).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.priority").isEqualTo("P1");
        assertThat(mvc.get().uri("/api/v1/help-requests").header("Authorization", "Bearer " + submitter))
                .hasStatus(HttpStatus.FORBIDDEN);
        String reader = admin.call(() -> apiClients.create("reader-" + suffix,
                DataScope.of(List.of(RegionCode.parse("310101"))), Set.of(org.wushe.access.ApiPermission.HELP_REQUESTS_READ)))
                .token();
        Object id = com.jayway.jsonpath.JsonPath.read(forwarded.getResponse().getContentAsString(), "$.id");
        assertThat(mvc.get().uri("/api/v1/help-requests/" + id).header("Authorization", "Bearer " + reader))
                .as("a reader scoped to 黄浦 does not see a 徐汇 request").hasStatus(HttpStatus.NOT_FOUND);
    }
}
