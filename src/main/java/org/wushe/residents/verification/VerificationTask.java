package org.wushe.residents.verification;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.wushe.access.Role;
import org.wushe.access.StaffPrincipal;
import org.wushe.residents.VerificationCorrected;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * A verification task, the aggregate's guard. A task is open until a worker records what they found; the outcome
 * may be recorded again (a correction) by whoever may work the task, provided they saw its current version. A task
 * assigned to one community worker is theirs: other community staff may not record it (organisers still may). A
 * task is assigned only to a community worker of its own community, or back to all of them.
 */
record VerificationTask(
        long id,
        long campaignId,
        RegionCode community,
        Long residentId,
        Long assigneeAccountId,
        VerificationOutcome outcome,
        int version) {

    boolean open() {
        return outcome == null;
    }

    /**
     * Records the worker's finding. Checked in this order: the worker may work the task, every field of the draft
     * ({@link Finding#of}), the draft was made on this version (a stale form is refused rather than overwriting).
     *
     * @throws FieldsRejectedException field by field
     * @throws InvalidValueException assigned to another worker, or changed since the draft's version
     */
    Recorded record(OutcomeDraft draft, StaffPrincipal worker) {
        if (assigneeAccountId != null
                && worker.roles().equals(Set.of(Role.COMMUNITY_STAFF))
                && assigneeAccountId != worker.accountId()) {
            throw new InvalidValueException("residents.campaign.task.assignedToOther");
        }
        Finding finding = Finding.of(draft);
        if (draft.version() != null && draft.version() != version) {
            throw new InvalidValueException("residents.campaign.task.changed");
        }
        VerificationCorrected corrected = finding.differs() && residentId != null
                ? new VerificationCorrected(id, campaignId, residentId, community.value())
                : null;
        return new Recorded(
                new VerificationTask(
                        id, campaignId, community, residentId, assigneeAccountId, finding.outcome(), version),
                finding,
                corrected);
    }

    /**
     * Assigns the task to {@code accountId}, one of {@code communityStaff} (the community workers covering its
     * community), or back to all of them (null).
     */
    VerificationTask assignTo(Long accountId, Collection<Long> communityStaff) {
        if (accountId != null && !communityStaff.contains(accountId)) {
            throw new InvalidValueException("residents.campaign.task.assignee");
        }
        return new VerificationTask(id, campaignId, community, residentId, accountId, outcome, version);
    }

    /**
     * What recording did: the task as it now stands, the finding to store, and the event to publish when a person on
     * the register was found to differ (null otherwise).
     */
    record Recorded(VerificationTask task, Finding finding, VerificationCorrected corrected) {

        /** The columns the audit trail names as changed. */
        List<String> fields() {
            return finding.differs()
                    ? List.of("outcome", "corrected_phone", "corrected_address", "corrected_category", "note")
                    : List.of("outcome", "note");
        }
    }
}
