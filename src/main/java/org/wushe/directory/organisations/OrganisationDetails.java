package org.wushe.directory.organisations;

import java.time.Instant;
import java.util.List;
import org.wushe.directory.OrgType;
import org.wushe.directory.OrganisationStatus;

/** An organisation as its detail page and API show it: the contact phone only masked. */
record OrganisationDetails(
        long id,
        OrgType type,
        String name,
        String creditCode,
        String regionCode,
        String address,
        String contactPerson,
        String maskedContactPhone,
        Long parentId,
        String parentName,
        List<String> servedRegions,
        OrganisationStatus status,
        Instant verifiedAt,
        String verifiedBy,
        Instant createdAt,
        String createdBy) {

    public boolean verified() {
        return verifiedAt != null;
    }
}
