package org.wushe.directory.socialworkers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.modulith.NamedInterface;
import org.wushe.directory.Availability;
import org.wushe.directory.Qualification;
import org.wushe.directory.Specialty;
import org.wushe.shared.Sex;

/** A social worker as the detail page and API show it: the ID number and phone masked. */
@NamedInterface("socialworkers")
public record SocialWorkerDetails(
        long id,
        String name,
        String maskedIdNumber,
        Sex sex,
        LocalDate birthDate,
        String maskedPhone,
        Qualification qualification,
        String certificateNo,
        List<Specialty> specialties,
        boolean partyMember,
        String reportedCommunity,
        Availability availability,
        String regionCode,
        List<Long> organisationIds,
        List<String> organisations,
        List<String> servedRegions,
        Long accountId,
        Instant createdAt,
        String createdBy) {}
