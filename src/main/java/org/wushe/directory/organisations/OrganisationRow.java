package org.wushe.directory.organisations;

import java.time.Instant;
import org.wushe.directory.OrgType;
import org.wushe.directory.OrganisationStatus;

/** One line of the organisation list and export (no personal data: the contact phone is not in it). */
public record OrganisationRow(
        long id,
        OrgType type,
        String name,
        String creditCode,
        String regionCode,
        String address,
        String contactPerson,
        OrganisationStatus status,
        Instant verifiedAt) {

    public boolean verified() {
        return verifiedAt != null;
    }
}
