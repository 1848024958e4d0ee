package org.wushe.directory.organisations;

import java.time.Instant;
import org.wushe.directory.OrgType;
import org.wushe.directory.OrganisationStatus;

/**
 * One line of the organisation list and export (no personal data: the contact phone is not in it; the public
 * phone is published by the organisation).
 */
public record OrganisationRow(
        long id,
        OrgType type,
        String name,
        String creditCode,
        String regionCode,
        String address,
        String contactPerson,
        String publicPhone,
        OrganisationStatus status,
        Instant verifiedAt) {

    public boolean verified() {
        return verifiedAt != null;
    }
}
