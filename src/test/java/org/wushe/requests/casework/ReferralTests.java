package org.wushe.requests.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.TimelineKind;
import org.wushe.shared.InvalidValueException;

/** The referral aggregate's transitions, allowed and refused, without Spring. */
class ReferralTests {

    static Referral pending() {
        Referral opened = Referral.open(HelpRequestStatus.ACCEPTED, 7, 40, "徐汇医院社工部", "协调透析床位", "station")
                .referral();
        return new Referral(
                3,
                opened.requestId(),
                opened.organisationId(),
                opened.organisationName(),
                opened.part(),
                opened.status());
    }

    static Referral accepted() {
        return pending().answer(ReferralStatus.ACCEPTED, null, "hospital").referral();
    }

    @Test
    void anOpenRequestIsReferredAndThePublicTimelineSaysToWhomAndWhat() {
        Referral.Moved opened = Referral.open(HelpRequestStatus.TRIAGED, 7, 40, "徐汇医院社工部", "  协调透析床位 ", "station");
        assertThat(opened.referral().status()).isEqualTo(ReferralStatus.PENDING);
        assertThat(opened.referral().part()).isEqualTo("协调透析床位");
        assertThat(opened.happened())
                .isEqualTo(new HelpRequest.Entry(TimelineKind.REFERRED, "station", true, "徐汇医院社工部", "协调透析床位"));
    }

    @Test
    void aClosedOrCancelledRequestOrAMissingPartIsNotReferred() {
        for (HelpRequestStatus settled : new HelpRequestStatus[] {
            HelpRequestStatus.RESOLVED, HelpRequestStatus.CLOSED, HelpRequestStatus.CANCELLED
        }) {
            assertThatThrownBy(() -> Referral.open(settled, 7, 40, "医院", "床位", "s"))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageStartingWith("requests.error.transition");
        }
        assertThatThrownBy(() -> Referral.open(HelpRequestStatus.ACCEPTED, 7, 40, "医院", " ", "s"))
                .hasMessageStartingWith("requests.error.partRequired");
        assertThatThrownBy(() -> Referral.open(HelpRequestStatus.ACCEPTED, 7, 40, "医院", "x".repeat(201), "s"))
                .hasMessageStartingWith("requests.error.partRequired");
    }

    @Test
    void theOrganisationAcceptsThenCompletesAndEachStepIsOnThePublicTimeline() {
        Referral.Moved accepted = pending().answer(ReferralStatus.ACCEPTED, " 床位已预留 ", "hospital");
        assertThat(accepted.referral().status()).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(accepted.referral().id()).isEqualTo(3);
        assertThat(accepted.happened())
                .isEqualTo(new HelpRequest.Entry(TimelineKind.REFERRAL_ACCEPTED, "hospital", true, "徐汇医院社工部", "床位已预留"));
        Referral.Moved completed = accepted.referral().answer(ReferralStatus.COMPLETED, "", "hospital");
        assertThat(completed.referral().status()).isEqualTo(ReferralStatus.COMPLETED);
        assertThat(completed.happened().kind()).isEqualTo(TimelineKind.REFERRAL_COMPLETED);
        assertThat(completed.happened().isPublic()).isTrue();
        assertThat(completed.happened().note()).isNull();
    }

    @Test
    void aRejectionNeedsAReasonAndStaysInternal() {
        assertThatThrownBy(() -> pending().answer(ReferralStatus.REJECTED, " ", "hospital"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("requests.error.reasonRequired");
        Referral.Moved rejected = pending().answer(ReferralStatus.REJECTED, "无床位", "hospital");
        assertThat(rejected.referral().status()).isEqualTo(ReferralStatus.REJECTED);
        assertThat(rejected.happened().kind()).isEqualTo(TimelineKind.REFERRAL_REJECTED);
        assertThat(rejected.happened().isPublic()).isFalse();
    }

    @Test
    void answersTheStatusDoesNotAllowAreRefused() {
        assertThatThrownBy(() -> pending().answer(ReferralStatus.COMPLETED, null, "h"))
                .hasMessage("requests.error.referralState");
        assertThatThrownBy(() -> accepted().answer(ReferralStatus.ACCEPTED, null, "h"))
                .hasMessage("requests.error.referralState");
        assertThatThrownBy(() -> accepted().answer(ReferralStatus.REJECTED, "太晚了", "h"))
                .hasMessage("requests.error.referralState");
        assertThatThrownBy(() -> pending().answer(ReferralStatus.WITHDRAWN, null, "h"))
                .as("withdrawing is the request's staff's, not an answer")
                .hasMessage("requests.error.referralState");
        assertThatThrownBy(() -> pending().answer(ReferralStatus.PENDING, null, "h"))
                .hasMessage("requests.error.referralState");
        Referral completed =
                accepted().answer(ReferralStatus.COMPLETED, null, "h").referral();
        assertThatThrownBy(() -> completed.answer(ReferralStatus.COMPLETED, null, "h"))
                .hasMessage("requests.error.referralState");
    }

    @Test
    void aPendingOrAcceptedReferralIsWithdrawnASettledOneIsNot() {
        Referral.Moved withdrawn = pending().withdraw("station");
        assertThat(withdrawn.referral().status()).isEqualTo(ReferralStatus.WITHDRAWN);
        assertThat(withdrawn.happened())
                .isEqualTo(new HelpRequest.Entry(TimelineKind.REFERRAL_WITHDRAWN, "station", false, "徐汇医院社工部", null));
        assertThat(accepted().withdraw("station").referral().status()).isEqualTo(ReferralStatus.WITHDRAWN);
        assertThatThrownBy(() -> withdrawn.referral().withdraw("station")).hasMessage("requests.error.referralState");
        Referral rejected =
                pending().answer(ReferralStatus.REJECTED, "无床位", "h").referral();
        assertThatThrownBy(() -> rejected.withdraw("station")).hasMessage("requests.error.referralState");
    }

    @Test
    void aTransitionLeavesTheReferralItStartedFromAsItWas() {
        Referral before = pending();
        before.answer(ReferralStatus.ACCEPTED, null, "h");
        before.withdraw("s");
        assertThat(before.status()).isEqualTo(ReferralStatus.PENDING);
    }
}
