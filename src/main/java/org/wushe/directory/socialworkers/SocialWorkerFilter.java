package org.wushe.directory.socialworkers;

import java.util.ArrayList;
import java.util.List;
import org.wushe.directory.Availability;
import org.wushe.directory.Qualification;
import org.wushe.directory.Specialty;
import org.wushe.shared.RegionCode;

/** Filters of the social-worker list and export; a null filter matches everything. */
record SocialWorkerFilter(
        String name,
        Long organisationId,
        Qualification qualification,
        Specialty specialty,
        Availability availability,
        RegionCode region) {

    public static SocialWorkerFilter all() {
        return new SocialWorkerFilter(null, null, null, null, null, null);
    }

    public static SocialWorkerFilter named(String name) {
        return new SocialWorkerFilter(name, null, null, null, null, null);
    }

    /** The names of the filters in use (recorded with an export; the values are not). */
    public List<String> applied() {
        List<String> names = new ArrayList<>();
        if (name != null) {
            names.add("name");
        }
        if (organisationId != null) {
            names.add("organisation");
        }
        if (qualification != null) {
            names.add("qualification");
        }
        if (specialty != null) {
            names.add("specialty");
        }
        if (availability != null) {
            names.add("availability");
        }
        if (region != null) {
            names.add("region");
        }
        return names;
    }
}
