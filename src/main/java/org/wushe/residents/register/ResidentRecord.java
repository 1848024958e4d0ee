package org.wushe.residents.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.wushe.shared.RegionCode;
import org.wushe.shared.Sex;

/** A row of residents_resident with its categories, as stored (sensitive values encrypted). */
record ResidentRecord(
        long id,
        String name,
        byte[] idNumberCipher,
        byte[] idNumberIndex,
        Sex sex,
        LocalDate birthDate,
        byte[] phoneCipher,
        byte[] phoneIndex,
        String registeredAddress,
        String residenceAddress,
        RegionCode communityCode,
        String building,
        String unit,
        String room,
        Long householdId,
        String householdRelation,
        String guardianName,
        String guardianRelation,
        byte[] guardianPhoneCipher,
        String emergencyContactName,
        String emergencyContactRelation,
        byte[] emergencyContactPhoneCipher,
        Long gridWorkerAccountId,
        Long socialWorkerId,
        String lawfulBasis,
        Instant consentAt,
        String riskLevel,
        LocalDate reassessDue,
        Instant lastVisitAt,
        Instant voidedAt,
        String voidReason,
        Long mergedIntoId,
        Instant createdAt,
        String createdBy,
        int version,
        List<CategoryDetail> categories) {

    public ResidentState state() {
        return new ResidentState(id, communityCode, voidedAt, voidReason, mergedIntoId);
    }
}
