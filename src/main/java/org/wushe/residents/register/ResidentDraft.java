package org.wushe.residents.register;

import java.time.Instant;
import java.util.List;

/**
 * What staff enter for a resident (form and API alike; raw text, validated by {@link Residents}). On update a
 * blank idNumber or phone keeps the stored one. {@code consentAt} is required when the
 * lawful basis is CONSENT.
 */
public record ResidentDraft(
        String name,
        String idNumber,
        String phone,
        String registeredAddress,
        String residenceAddress,
        String communityCode,
        String building,
        String unit,
        String room,
        String guardianName,
        String guardianRelation,
        String guardianPhone,
        String emergencyContactName,
        String emergencyContactRelation,
        String emergencyContactPhone,
        Long gridWorkerAccountId,
        Long socialWorkerId,
        String lawfulBasis,
        Instant consentAt,
        List<CategoryDetail> categories) {

    public ResidentDraft {
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
