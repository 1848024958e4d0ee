package org.wushe.directory.organisations;

import java.util.ArrayList;
import java.util.List;
import org.wushe.directory.OrgType;
import org.wushe.directory.OrganisationStatus;
import org.wushe.shared.RegionCode;

/**
 * Filters of the organisation list and export; a null filter matches everything.
 *
 * @param region the subtree to search (the organisation's own region lies in it)
 * @param name   a substring of the name
 */
public record OrganisationFilter(OrgType type, RegionCode region, OrganisationStatus status, String name) {

    public static OrganisationFilter all() {
        return new OrganisationFilter(null, null, null, null);
    }

    /** The names of the filters in use (recorded with an export; the values are not). */
    public List<String> applied() {
        List<String> names = new ArrayList<>();
        if (type != null) {
            names.add("type");
        }
        if (region != null) {
            names.add("region");
        }
        if (status != null) {
            names.add("status");
        }
        if (name != null) {
            names.add("name");
        }
        return names;
    }
}
