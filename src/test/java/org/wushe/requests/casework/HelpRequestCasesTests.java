package org.wushe.requests.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.wushe.requests.RequestTestData.TIANPING;
import static org.wushe.requests.RequestTestData.phone;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.WusheIntegrationTest;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.directory.OrgType;
import org.wushe.directory.organisations.Organisations;
import org.wushe.directory.socialworkers.SocialWorkers;
import org.wushe.directory.volunteers.Volunteers;
import org.wushe.privacy.CryptoService;
import org.wushe.requests.HelpRequestNotFoundException;
import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.RequestFixtures;
import org.wushe.requests.RequestTestData;
import org.wushe.requests.ServiceType;
import org.wushe.requests.TimelineKind;
import org.wushe.requests.casework.HelpRequest.Party;
import org.wushe.requests.intake.HelpRequests;
import org.wushe.requests.intake.Submission;
import org.wushe.shared.InvalidValueException;

/** Suggestions, assignment, referral, resolution, closure and the resident's confirmation against the real database. */
@WusheIntegrationTest
class HelpRequestCasesTests {

    static final Staff TIANPING_STATION =
            Staff.as(Role.STATION_STAFF).in(TIANPING).named("tianping-cases");

    @Autowired
    HelpRequests requests;

    @Autowired
    HelpRequestCases cases;

    @Autowired
    HelpRequestViews views;

    @Autowired
    Organisations organisations;

    @Autowired
    SocialWorkers workers;

    @Autowired
    Volunteers volunteers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CryptoService crypto;

    Submission record(String category, Map<String, Boolean> answers, String urgency, String phone) {
        return RequestTestData.recordCall(requests, TIANPING_STATION, category, answers, urgency, phone);
    }

    @Test
    void pairingReferralAndClosureWhichWaitsForTheReferral() {
        String phone = phone();
        long hospital = RequestFixtures.organisation(
                organisations, OrgType.HOSPITAL_SW_DEPT, "徐汇医院社工部" + phone.substring(7), "310104");
        long worker = RequestFixtures.socialWorker(workers, "王医务" + phone.substring(7), TIANPING, "MEDICAL");
        long volunteer = RequestFixtures.volunteer(volunteers, jdbc, crypto, "李驾驶" + phone.substring(7), TIANPING);
        Submission s = record("DIALYSIS", Map.of("dialysisDueWithin24h", true), "URGENT", phone);

        Suggestions suggestions = TIANPING_STATION.call(() -> cases.suggestions(s.id()));
        assertThat(suggestions.socialWorkers())
                .extracting(Suggestions.Candidate::id)
                .contains(worker);
        var mine = suggestions.socialWorkers().stream()
                .filter(c -> c.id() == worker)
                .findFirst()
                .orElseThrow();
        assertThat(mine.reasons()).contains("local", "fit", "onDuty");
        assertThat(suggestions.volunteers())
                .extracting(Suggestions.Candidate::id)
                .contains(volunteer);

        TIANPING_STATION.run(() -> cases.assign(s.id(), null, worker, volunteer));
        assertThat(RequestTestData.lastSms(jdbc, crypto, phone)).contains("已安排工作人员跟进");
        long volunteerAccount = jdbc.sql("select account_id from directory_volunteer where id = ?")
                .param(volunteer)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql(
                                "select count(*) from notify_inbox where account_id = ? and message_key = 'requests.inbox.assigned'")
                        .param(volunteerAccount)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        TIANPING_STATION.run(() -> cases.accept(s.id(), Party.WORKER));
        long referral = TIANPING_STATION.call(() -> cases.refer(s.id(), hospital, "协调透析床位"));
        TIANPING_STATION.run(() -> cases.resolve(s.id(), "已协调车辆和床位", List.of(ServiceType.HEALTH_CARE), 2));
        assertThatThrownBy(() -> TIANPING_STATION.run(() -> cases.close(s.id())))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("requests.error.openReferrals");

        Staff hospitalStaff =
                Staff.as(Role.SOCIAL_WORKER).in("310104").organisation(hospital).named("hospital-sw");
        Staff otherOrg = Staff.as(Role.SOCIAL_WORKER)
                .in("310104")
                .organisation(hospital + 100_000)
                .named("other-sw");
        assertThat(hospitalStaff.call(() -> cases.referralsToMyOrganisation()))
                .extracting(ReferralView::id)
                .contains(referral);
        assertThatThrownBy(() -> otherOrg.run(() -> cases.actOnReferral(referral, ReferralStatus.ACCEPTED, "x")))
                .isInstanceOf(HelpRequestNotFoundException.class);
        hospitalStaff.run(() -> cases.actOnReferral(referral, ReferralStatus.ACCEPTED, "床位已预留"));
        assertThatThrownBy(() -> TIANPING_STATION.run(() -> cases.close(s.id())))
                .isInstanceOf(InvalidValueException.class);
        hospitalStaff.run(() -> cases.actOnReferral(referral, ReferralStatus.COMPLETED, "已完成透析"));
        TIANPING_STATION.run(() -> cases.close(s.id()));

        HelpRequestDetails d = TIANPING_STATION.call(() -> views.details(s.id()));
        assertThat(d.status()).isEqualTo(HelpRequestStatus.CLOSED);
        assertThat(d.personTimes()).isEqualTo(2);
        assertThat(d.timeline())
                .extracting(TimelineLine::kind)
                .contains(
                        TimelineKind.REFERRED,
                        TimelineKind.REFERRAL_ACCEPTED,
                        TimelineKind.REFERRAL_COMPLETED,
                        TimelineKind.CLOSED);
        // a follow-up call that reached nobody has no satisfaction (not 0); one that reached the resident has theirs
        TIANPING_STATION.run(() -> cases.followUp(s.id(), false, null, "无人接听"));
        TIANPING_STATION.run(() -> cases.followUp(s.id(), true, 4, "满意"));
        assertThat(TIANPING_STATION.call(() -> views.details(s.id())).followUps())
                .extracting(FollowUpView::reached, FollowUpView::satisfaction)
                .containsExactly(tuple(false, null), tuple(true, 4));
        cases.residentConfirms(s.trackingCode(), 5);
        PublicStatus status = views.publicStatus(s.trackingCode(), "10.9.9.9").orElseThrow();
        assertThat(status.rating()).isEqualTo(5);
        assertThat(status.handledBy()).isNotEmpty().allMatch(n -> n.contains("*"));
        assertThat(status.timeline())
                .extracting(PublicStatus.PublicEvent::kind)
                .doesNotContain(TimelineKind.NOTE, TimelineKind.DECLINED);
    }
}
