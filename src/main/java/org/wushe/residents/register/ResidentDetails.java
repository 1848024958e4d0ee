package org.wushe.residents.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.wushe.residents.LawfulBasis;
import org.wushe.residents.RiskLevel;
import org.wushe.shared.RegionCode;
import org.wushe.shared.Sex;

/** One resident as staff see it: ID number and phones masked (revealed separately, audited). */
public record ResidentDetails(
        long id,
        String name,
        String maskedIdNumber,
        Sex sex,
        LocalDate birthDate,
        String maskedPhone,
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
        String maskedGuardianPhone,
        String emergencyContactName,
        String emergencyContactRelation,
        String maskedEmergencyContactPhone,
        Long gridWorkerAccountId,
        Long socialWorkerId,
        LawfulBasis lawfulBasis,
        Instant consentAt,
        RiskLevel riskLevel,
        LocalDate reassessDue,
        Instant lastVisitAt,
        List<CategoryDetail> categories,
        Instant voidedAt,
        String voidReason,
        Long mergedIntoId,
        Instant createdAt,
        String createdBy) {

    public boolean voided() {
        return voidedAt != null;
    }

    public List<String> categoryNames() {
        return categories.stream().map(CategoryDetail::category).toList();
    }
}
