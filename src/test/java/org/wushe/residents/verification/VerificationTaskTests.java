package org.wushe.residents.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wushe.access.DataScope;
import org.wushe.access.Role;
import org.wushe.access.StaffPrincipal;
import org.wushe.residents.VerificationCorrected;
import org.wushe.residents.VulnerabilityCategory;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/** The task aggregate's transitions, allowed and refused, without Spring or a database. */
class VerificationTaskTests {

    static final RegionCode COMMUNITY = RegionCode.parse("310101002001");
    static final StaffPrincipal WORKER = staff(7, Role.COMMUNITY_STAFF);
    static final StaffPrincipal OTHER_WORKER = staff(8, Role.COMMUNITY_STAFF);
    static final StaffPrincipal ORGANISER = staff(9, Role.STATION_STAFF);

    static StaffPrincipal staff(long id, Role... roles) {
        return new StaffPrincipal(id, "u" + id, "u" + id, Set.of(roles), DataScope.of(List.of(COMMUNITY)));
    }

    static VerificationTask open(Long residentId, Long assignee) {
        return new VerificationTask(41, 3, COMMUNITY, residentId, assignee, null, 2);
    }

    static OutcomeDraft draft(String outcome, String phone, String address, String category, Integer version) {
        return new OutcomeDraft(outcome, phone, address, category, "备注", version);
    }

    static String keyOf(Throwable e) {
        return ((InvalidValueException) e).messageKey();
    }

    @Test
    void anOpenTaskIsRecordedAndNothingIsPublishedForAPersonNotOnTheRegister() {
        VerificationTask task = open(null, null);
        assertThat(task.open()).isTrue();
        var recorded = task.record(draft("VERIFIED", null, null, null, 2), WORKER);
        assertThat(recorded.task().outcome()).isEqualTo(VerificationOutcome.VERIFIED);
        assertThat(recorded.task().open()).isFalse();
        assertThat(recorded.task().version()).as("the store moves the version").isEqualTo(2);
        assertThat(recorded.finding().note()).isEqualTo("备注");
        assertThat(recorded.corrected()).isNull();
        assertThat(recorded.fields()).containsExactly("outcome", "note");
        assertThat(task.outcome()).as("immutable").isNull();
    }

    @Test
    void differsOnAPersonOnTheRegisterCarriesTheCorrectionsAndTheEvent() {
        var recorded = open(55L, null).record(draft("DIFFERS", "13900001111", " 新地址 ", "TEKUN", null), WORKER);
        assertThat(recorded.finding().phone().value()).isEqualTo("13900001111");
        assertThat(recorded.finding().address()).isEqualTo("新地址");
        assertThat(recorded.finding().category()).isEqualTo(VulnerabilityCategory.TEKUN);
        assertThat(recorded.corrected()).isEqualTo(new VerificationCorrected(41, 3, 55, "310101002001"));
        assertThat(recorded.fields()).contains("corrected_phone", "corrected_address", "corrected_category");
        assertThat(open(null, null)
                        .record(draft("DIFFERS", null, "新地址", null, null), WORKER)
                        .corrected())
                .as("nobody on the register to correct")
                .isNull();
    }

    @Test
    void aRecordedOutcomeMayBeRecordedAgainAtItsCurrentVersion() {
        VerificationTask done = new VerificationTask(41, 3, COMMUNITY, null, null, VerificationOutcome.UNREACHABLE, 5);
        assertThat(done.record(draft("VERIFIED", null, null, null, 5), WORKER)
                        .task()
                        .outcome())
                .isEqualTo(VerificationOutcome.VERIFIED);
    }

    @Test
    void aStaleFormIsRefused() {
        assertThatThrownBy(() -> open(null, null).record(draft("VERIFIED", null, null, null, 1), WORKER))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(keyOf(e)).isEqualTo("residents.campaign.task.changed"));
    }

    @Test
    void aTaskAssignedToOneWorkerIsRecordedOnlyByThemOrAnOrganiser() {
        VerificationTask assigned = open(null, WORKER.accountId());
        assertThatThrownBy(() -> assigned.record(draft("VERIFIED", null, null, null, null), OTHER_WORKER))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(keyOf(e)).isEqualTo("residents.campaign.task.assignedToOther"));
        assertThatThrownBy(() -> assigned.record(draft("MAYBE", null, null, null, null), OTHER_WORKER))
                .as("who may work the task is checked before the fields")
                .isInstanceOf(InvalidValueException.class)
                .isNotInstanceOf(FieldsRejectedException.class);
        assertThat(assigned.record(draft("VERIFIED", null, null, null, null), WORKER)
                        .task()
                        .outcome())
                .isEqualTo(VerificationOutcome.VERIFIED);
        assertThat(assigned.record(draft("VERIFIED", null, null, null, null), ORGANISER)
                        .task()
                        .outcome())
                .isEqualTo(VerificationOutcome.VERIFIED);
    }

    @Test
    void aBadDraftIsRefusedFieldByField() {
        assertThatThrownBy(() -> open(null, null)
                        .record(
                                new OutcomeDraft(
                                        "DIFFERS",
                                        "1380013800",
                                        "路".repeat(201),
                                        "FIVE_GUARANTEES",
                                        "备".repeat(501),
                                        1),
                                WORKER))
                .as("every field, before the version")
                .isInstanceOfSatisfying(
                        FieldsRejectedException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("phone", "address", "category", "note"));
        assertThatThrownBy(() -> open(null, null).record(draft("DIFFERS", "", " ", "", null), WORKER))
                .isInstanceOfSatisfying(
                        FieldsRejectedException.class,
                        e -> assertThat(e.problems().get("phone").messageKey())
                                .isEqualTo("residents.campaign.outcome.correctionRequired"));
        assertThatThrownBy(() -> open(null, null).record(draft("VERIFIED", "13800138000", "新地址", null, null), WORKER))
                .isInstanceOfSatisfying(FieldsRejectedException.class, e -> {
                    assertThat(e.problems()).containsOnlyKeys("phone", "address");
                    assertThat(e.problems().get("address").messageKey())
                            .isEqualTo("residents.campaign.outcome.noCorrection");
                });
        assertThatThrownBy(() -> open(null, null).record(draft(null, null, null, null, null), WORKER))
                .isInstanceOfSatisfying(
                        FieldsRejectedException.class,
                        e -> assertThat(e.problems()).containsOnlyKeys("outcome"));
    }

    @Test
    void aTaskIsAssignedOnlyToAWorkerOfItsCommunityOrBackToAll() {
        VerificationTask task = open(null, null);
        assertThat(task.assignTo(7L, List.of(7L, 8L)).assigneeAccountId()).isEqualTo(7L);
        assertThat(task.assignTo(7L, List.of(7L)).assignTo(null, List.of()).assigneeAccountId())
                .isNull();
        assertThatThrownBy(() -> task.assignTo(99L, List.of(7L, 8L)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(keyOf(e)).isEqualTo("residents.campaign.task.assignee"));
        assertThat(task.assigneeAccountId()).as("immutable").isNull();
    }
}
