package org.wushe.requests.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.Priority;
import org.wushe.requests.ServiceType;
import org.wushe.requests.TimelineKind;
import org.wushe.requests.casework.HelpRequest.Assignee;
import org.wushe.requests.casework.HelpRequest.Party;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/** The aggregate's transitions, without Spring. */
class HelpRequestTests {

    static final Instant NOW = Instant.parse("2022-04-10T02:00:00Z");
    static final Assignee WORKER = new Assignee(1, 11L, "王社工");
    static final Assignee VOLUNTEER = new Assignee(2, 22L, "李志愿");

    static HelpRequest submitted() {
        return new HelpRequest(
                7, "ABCD2345", RegionCode.parse("310104003"), HelpRequestStatus.SUBMITTED, Priority.P3, 0);
    }

    static HelpRequest accepted() {
        HelpRequest r = submitted();
        r.triage(Priority.P1, "system");
        r.assign(null, null, WORKER, VOLUNTEER, "station");
        r.accept(Party.WORKER, "station", NOW);
        return r;
    }

    @Test
    void theWholeWayFromSubmittedToClosedAndConfirmed() {
        HelpRequest r = accepted();
        assertThat(r.status()).isEqualTo(HelpRequestStatus.ACCEPTED);
        assertThat(r.firstContactAt()).isEqualTo(NOW);
        r.start("wang", NOW);
        r.resolve("已安排车辆接送透析", List.of(ServiceType.HEALTH_CARE, ServiceType.HEALTH_CARE), 2, "wang", NOW);
        assertThat(r.serviceTypes()).containsExactly(ServiceType.HEALTH_CARE);
        r.close(0, "station", NOW);
        r.confirm(5, false, NOW);
        assertThat(r.status()).isEqualTo(HelpRequestStatus.CLOSED);
        assertThat(r.rating()).isEqualTo(5);
        assertThat(r.drainEntries())
                .extracting(HelpRequest.Entry::kind)
                .containsExactly(
                        TimelineKind.TRIAGED,
                        TimelineKind.ASSIGNED,
                        TimelineKind.ACCEPTED,
                        TimelineKind.STARTED,
                        TimelineKind.RESOLVED,
                        TimelineKind.CLOSED,
                        TimelineKind.CONFIRMED);
    }

    @Test
    void transitionsTheStatusDoesNotAllowAreRefused() {
        HelpRequest r = submitted();
        assertThatThrownBy(() -> r.assign(null, null, WORKER, null, "s"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("requests.error.transition");
        assertThatThrownBy(() -> r.resolve("x", List.of(ServiceType.HEALTH_CARE), 1, "s", NOW))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> r.close(0, "s", NOW)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> r.confirm(5, false, NOW)).isInstanceOf(InvalidValueException.class);
        r.cancel("不需要了", "resident");
        assertThatThrownBy(() -> r.triage(Priority.P1, "s")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> r.cancel(null, "s")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void anOpenReferralBlocksClosure() {
        HelpRequest r = accepted();
        r.resolve("ok", List.of(ServiceType.MATERIAL_SUPPORT), 1, "w", NOW);
        assertThatThrownBy(() -> r.close(1, "s", NOW))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("requests.error.openReferrals");
        r.close(0, "s", NOW);
        assertThat(r.status()).isEqualTo(HelpRequestStatus.CLOSED);
    }

    @Test
    void declinesLeaveTheRequestToTheOtherPartyOrBackToAssign() {
        HelpRequest r = submitted();
        r.triage(Priority.P2, "system");
        r.assign(null, null, WORKER, VOLUNTEER, "s");
        r.decline(Party.VOLUNTEER, "生病了", "li");
        assertThat(r.status()).isEqualTo(HelpRequestStatus.ASSIGNED);
        assertThat(r.volunteer()).isNull();
        r.decline(Party.WORKER, "不在辖区", "wang");
        assertThat(r.status()).isEqualTo(HelpRequestStatus.TRIAGED);
        assertThatThrownBy(() -> r.accept(Party.WORKER, "wang", NOW)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void reassignmentKeepsTheAcceptanceOfWhoStays() {
        HelpRequest r = accepted();
        r.assign(null, null, WORKER, new Assignee(3, null, "赵志愿"), "s");
        assertThat(r.workerAccepted()).isTrue();
        assertThat(r.volunteerAccepted()).isFalse();
        assertThat(r.status()).isEqualTo(HelpRequestStatus.ACCEPTED);
        r.assign(null, null, new Assignee(4, null, "钱社工"), null, "s");
        assertThat(r.status()).isEqualTo(HelpRequestStatus.ASSIGNED);
    }

    @Test
    void resolutionNeedsASummaryAServiceAndPersonTimes() {
        HelpRequest r = accepted();
        assertThatThrownBy(() -> r.resolve(" ", List.of(ServiceType.HEALTH_CARE), 1, "w", NOW))
                .hasMessage("requests.error.summaryRequired");
        assertThatThrownBy(() -> r.resolve("ok", List.of(), 1, "w", NOW))
                .hasMessage("requests.error.serviceTypeRequired");
        assertThatThrownBy(() -> r.resolve("ok", List.of(ServiceType.HEALTH_CARE), 0, "w", NOW))
                .hasMessage("requests.error.personTimes");
    }

    @Test
    void confirmationNeedsARatingOnceAndAutomaticConfirmationNone() {
        HelpRequest r = accepted();
        r.resolve("ok", List.of(ServiceType.HEALTH_CARE), 1, "w", NOW);
        assertThatThrownBy(() -> r.confirm(6, false, NOW)).hasMessage("requests.error.rating");
        r.confirm(null, true, NOW);
        assertThat(r.confirmedBy()).isEqualTo("AUTO");
        assertThatThrownBy(() -> r.confirm(4, false, NOW)).hasMessage("requests.error.alreadyConfirmed");
    }

    @Test
    void theWithMethodsReturnANewRequestAndLeaveTheOriginalAsItWas() {
        HelpRequest loaded = submitted();
        HelpRequest assigned = loaded.withAssignment(5L, "天平路站", WORKER, true, null, false);
        HelpRequest closed = assigned.withClosure(NOW, NOW, NOW, List.of(ServiceType.HEALTH_CARE), 1, null, null, null);
        assertThat(loaded.organisationId()).isNull();
        assertThat(loaded.worker()).isNull();
        assertThat(assigned.worker()).isEqualTo(WORKER);
        assertThat(assigned.resolvedAt()).isNull();
        assertThat(closed.worker()).isEqualTo(WORKER);
        assertThat(closed.workerAccepted()).isTrue();
        assertThat(closed.resolvedAt()).isEqualTo(NOW);
        assertThat(closed.serviceTypes()).containsExactly(ServiceType.HEALTH_CARE);
    }

    @Test
    void aFollowUpCallComesAfterResolutionAndAReachedResidentRatesIt() {
        HelpRequest r = accepted();
        assertThatThrownBy(() -> r.followUp(false, null, "s")).hasMessageStartingWith("requests.error.transition");
        r.resolve("ok", List.of(ServiceType.HEALTH_CARE), 1, "w", NOW);
        assertThatThrownBy(() -> r.followUp(true, null, "s")).hasMessage("requests.error.rating");
        assertThatThrownBy(() -> r.followUp(true, 6, "s")).hasMessage("requests.error.rating");
        r.drainEntries();
        r.followUp(true, 4, "s");
        r.followUp(false, null, "s");
        assertThat(r.drainEntries()).extracting(HelpRequest.Entry::detail).containsExactly("4", null);
    }
}
