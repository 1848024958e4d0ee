package org.wushe.directory.organisations;

import java.time.Instant;
import java.util.List;
import org.wushe.directory.OrgType;
import org.wushe.directory.OrganisationStatus;
import org.wushe.directory.StationContacts;

/** An organisation as its detail page and API show it: the contact phone only masked, the public phone in clear. */
record OrganisationDetails(
        long id,
        OrgType type,
        String name,
        String creditCode,
        String regionCode,
        String address,
        String contactPerson,
        String maskedContactPhone,
        String publicPhone,
        Long parentId,
        String parentName,
        List<String> servedRegions,
        OrganisationStatus status,
        Instant verifiedAt,
        String verifiedBy,
        Instant createdAt,
        String createdBy) {

    /** What the page's link dials; null without a public phone. */
    public String publicPhoneUri() {
        return StationContacts.telUri(publicPhone);
    }

    public boolean verified() {
        return verifiedAt != null;
    }
}
