package org.wushe.directory.socialworkers;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.wushe.directory.Availability;
import org.wushe.directory.Qualification;
import org.wushe.directory.Specialty;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * The social-worker list's URL parameters (bound by name, kept as typed); blank means no filter. The organisation
 * is its id (the page's picker may also send a name, which the page resolves first).
 */
record SocialWorkerQuery(
        String name,
        String organisation,
        String qualification,
        String specialty,
        String availability,
        String region,
        Integer page,
        Integer size) {

    SocialWorkerFilter toFilter() {
        return new SocialWorkerFilter(
                blank(name) ? null : name.strip(),
                organisationId(),
                value(Qualification.class, qualification),
                value(Specialty.class, specialty),
                value(Availability.class, availability),
                blank(region) ? null : RegionCode.parse(region.strip()));
    }

    private Long organisationId() {
        if (blank(organisation)) {
            return null;
        }
        try {
            return Long.valueOf(organisation.strip());
        } catch (NumberFormatException e) {
            throw new InvalidValueException("picker.organisation.unknown", organisation.strip());
        }
    }

    SocialWorkerQuery withOrganisation(String id) {
        return new SocialWorkerQuery(name, id, qualification, specialty, availability, region, page, size);
    }

    /** Each filter that cannot be read, by its parameter (for the message under the field). */
    Map<String, InvalidValueException> problems() {
        Map<String, InvalidValueException> problems = new LinkedHashMap<>();
        check(problems, "organisation", this::organisationId);
        check(problems, "qualification", () -> value(Qualification.class, qualification));
        check(problems, "specialty", () -> value(Specialty.class, specialty));
        check(problems, "availability", () -> value(Availability.class, availability));
        check(problems, "region", () -> blank(region) ? null : RegionCode.parse(region.strip()));
        return problems;
    }

    private static void check(Map<String, InvalidValueException> problems, String field, Supplier<Object> value) {
        try {
            value.get();
        } catch (InvalidValueException e) {
            problems.put(field, e);
        }
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
        append(s, "organisation", organisation);
        append(s, "qualification", qualification);
        append(s, "specialty", specialty);
        append(s, "availability", availability);
        append(s, "region", region);
        return s.toString();
    }

    private static void append(StringBuilder s, String key, String value) {
        if (!blank(value)) {
            s.append(s.isEmpty() ? "" : "&")
                    .append(key)
                    .append('=')
                    .append(URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
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
