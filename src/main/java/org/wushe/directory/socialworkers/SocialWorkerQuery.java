package org.wushe.directory.socialworkers;

import java.util.Locale;

import org.wushe.directory.Availability;
import org.wushe.directory.Qualification;
import org.wushe.directory.Specialty;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/** The social-worker list's URL parameters (bound by name); blank means no filter. */
record SocialWorkerQuery(String name, Long organisation, String qualification, String specialty,
        String availability, String region, Integer page, Integer size) {

    SocialWorkerFilter toFilter() {
        return new SocialWorkerFilter(blank(name) ? null : name.strip(), organisation,
                value(Qualification.class, qualification), value(Specialty.class, specialty),
                value(Availability.class, availability), blank(region) ? null : RegionCode.parse(region.strip()));
    }

    int pageNumber() {
        return page == null ? 1 : page;
    }

    int pageSize() {
        return size == null ? 20 : size;
    }

    /** The query string of these filters (without page), for links. */
    String filters() {
        StringBuilder s = new StringBuilder();
        append(s, "name", name);
        append(s, "organisation", organisation == null ? null : organisation.toString());
        append(s, "qualification", qualification);
        append(s, "specialty", specialty);
        append(s, "availability", availability);
        append(s, "region", region);
        return s.toString();
    }

    private static void append(StringBuilder s, String key, String value) {
        if (!blank(value)) {
            s.append(s.isEmpty() ? "" : "&").append(key).append('=')
                    .append(java.net.URLEncoder.encode(value.strip(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String raw) {
        if (blank(raw)) {
            return null;
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("error.parameter.invalid", type.getSimpleName());
        }
    }
}
