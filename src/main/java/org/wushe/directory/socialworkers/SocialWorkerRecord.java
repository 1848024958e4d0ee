package org.wushe.directory.socialworkers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.wushe.directory.Availability;
import org.wushe.directory.Qualification;
import org.wushe.directory.Specialty;
import org.wushe.shared.RegionCode;
import org.wushe.shared.Sex;

/**
 * A social worker as stored: the ID number and phone only as ciphertext and blind index. Built by the façade
 * from validated values (see {@link SocialWorkerCipher}); written and read by {@link SocialWorkerStore}.
 */
record SocialWorkerRecord(
        Long id,
        String name,
        byte[] idNumberCipher,
        byte[] idNumberIndex,
        Sex sex,
        LocalDate birthDate,
        byte[] phoneCipher,
        byte[] phoneIndex,
        Qualification qualification,
        String certificateNo,
        boolean partyMember,
        String reportedCommunity,
        Availability availability,
        RegionCode regionCode,
        Long accountId,
        Set<Specialty> specialties,
        List<Long> organisationIds,
        List<String> servedRegions,
        Instant createdAt,
        String createdBy,
        int version) {

    public SocialWorkerRecord withId(long newId) {
        return new SocialWorkerRecord(
                newId,
                name,
                idNumberCipher,
                idNumberIndex,
                sex,
                birthDate,
                phoneCipher,
                phoneIndex,
                qualification,
                certificateNo,
                partyMember,
                reportedCommunity,
                availability,
                regionCode,
                accountId,
                specialties,
                organisationIds,
                servedRegions,
                createdAt,
                createdBy,
                version);
    }
}
