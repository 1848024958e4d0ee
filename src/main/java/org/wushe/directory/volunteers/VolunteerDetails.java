package org.wushe.directory.volunteers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.wushe.directory.Skill;
import org.wushe.directory.VolunteerStatus;
import org.wushe.directory.WeeklySlots;

/**
 * One volunteer as staff (or the volunteer themself) see it: ID number and phones masked; {@code hasAccount} false
 * for an approved volunteer who has not activated an account yet (imported by a station).
 */
record VolunteerDetails(
        long id,
        String name,
        String maskedIdNumber,
        String sex,
        LocalDate birthDate,
        String maskedPhone,
        List<Skill> skills,
        String regionCode,
        List<String> servedRegions,
        String availability,
        String emergencyContactName,
        String maskedEmergencyPhone,
        String consentVersion,
        Instant consentedAt,
        VolunteerStatus status,
        String reviewedBy,
        Instant reviewedAt,
        String rejectReason,
        String passportNo,
        Instant createdAt,
        WeeklySlots weeklySlots,
        boolean hasAccount) {}
