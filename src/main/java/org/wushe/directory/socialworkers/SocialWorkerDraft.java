package org.wushe.directory.socialworkers;

import java.util.List;

/**
 * A social worker as entered (form, API or import row), not yet validated. Enumerations are their names;
 * on update a null {@code idNumber} or {@code phone} keeps the stored value.
 */
public record SocialWorkerDraft(
        String name,
        String idNumber,
        String phone,
        String qualification,
        String certificateNo,
        List<String> specialties,
        boolean partyMember,
        String reportedCommunity,
        String availability,
        String regionCode,
        List<Long> organisationIds,
        List<String> servedRegions) {

    public SocialWorkerDraft {
        specialties = specialties == null ? List.of() : List.copyOf(specialties);
        organisationIds = organisationIds == null ? List.of() : List.copyOf(organisationIds);
        servedRegions = servedRegions == null ? List.of() : List.copyOf(servedRegions);
    }
}
