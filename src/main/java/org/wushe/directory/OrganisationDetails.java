package org.wushe.directory;

import java.time.Instant;
import java.util.List;

/** An organisation as its detail page and API show it: the contact phone only masked. */
public record OrganisationDetails(long id, OrgType type, String name, String creditCode, String regionCode,
        String address, String contactPerson, String maskedContactPhone, Long parentId, String parentName,
        List<String> servedRegions, OrganisationStatus status, Instant verifiedAt, String verifiedBy,
        Instant createdAt, String createdBy) {

    public boolean verified() {
        return verifiedAt != null;
    }
}
