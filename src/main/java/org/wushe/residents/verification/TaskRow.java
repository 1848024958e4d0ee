package org.wushe.residents.verification;

import java.time.Instant;
import org.wushe.residents.VulnerabilityCategory;

/** A task in a worklist: name and ID number masked. */
record TaskRow(
        long id,
        long campaignId,
        String communityCode,
        String maskedName,
        String maskedIdNumber,
        VulnerabilityCategory category,
        boolean onRegister,
        VerificationOutcome outcome,
        Instant recordedAt) {}
