package org.wushe.residents.verification;

import java.time.Instant;
import org.wushe.residents.VulnerabilityCategory;

/**
 * One task for the task page: the person as the list gave them (name, ID number and phones masked), whether they
 * are on the register, and the outcome recorded so far.
 */
record TaskDetails(
        long id,
        long campaignId,
        String campaignName,
        String communityCode,
        String communityName,
        String maskedName,
        String maskedIdNumber,
        String maskedPhone,
        String address,
        VulnerabilityCategory category,
        String listSource,
        int sourceRow,
        Long residentId,
        String assignee,
        VerificationOutcome outcome,
        String maskedCorrectedPhone,
        String correctedAddress,
        VulnerabilityCategory correctedCategory,
        String note,
        String recordedBy,
        Instant recordedAt,
        int version) {

    public boolean onRegister() {
        return residentId != null;
    }
}
