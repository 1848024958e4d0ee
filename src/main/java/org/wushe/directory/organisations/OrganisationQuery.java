package org.wushe.directory.organisations;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.web.util.UriComponentsBuilder;
import org.wushe.directory.OrgType;
import org.wushe.directory.OrganisationStatus;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * The list filters as they arrive in the URL (page, API and export alike), kept raw so the form shows what was
 * typed; {@code page} is 1-based.
 */
record OrganisationQuery(String type, String region, String status, String name, String page, String size) {

    static final int DEFAULT_SIZE = 20;
    private static final int MAX_TEXT = 100;

    OrganisationFilter toFilter() {
        return new OrganisationFilter(
                enumValue(OrgType.class, type, "directory.filter.type"),
                text(region) == null ? null : RegionCode.parse(text(region)),
                enumValue(OrganisationStatus.class, status, "directory.filter.status"),
                text(name));
    }

    /**
     * Each filter that cannot be read, by its parameter (the first problem each), so the list can show the message
     * under the field and keep the others; empty when {@link #toFilter()} will succeed.
     */
    Map<String, InvalidValueException> problems() {
        Map<String, InvalidValueException> problems = new LinkedHashMap<>();
        check(problems, "type", () -> enumValue(OrgType.class, type, "directory.filter.type"));
        check(problems, "region", () -> text(region) == null ? null : RegionCode.parse(text(region)));
        check(problems, "status", () -> enumValue(OrganisationStatus.class, status, "directory.filter.status"));
        check(problems, "name", () -> text(name));
        check(problems, "size", () -> number(page, 1) + number(size, DEFAULT_SIZE));
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
        return number(page, 1);
    }

    int pageSize() {
        return number(size, DEFAULT_SIZE);
    }

    /** This search's URL at another page or size; empty filters are left out. */
    String link(String path, Integer pageNumber, Integer pageSize) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        query(uri, "type", type);
        query(uri, "region", region);
        query(uri, "status", status);
        query(uri, "name", name);
        if (pageNumber != null) {
            uri.queryParam("page", pageNumber);
        }
        if (pageSize != null) {
            uri.queryParam("size", pageSize);
        }
        return uri.encode().build().toUriString();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> kind, String raw, String key) {
        String value = text(raw);
        try {
            return value == null ? null : Enum.valueOf(kind, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(key);
        }
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > MAX_TEXT) {
            throw new InvalidValueException("directory.filter.length", MAX_TEXT);
        }
        return value.strip();
    }

    private static int number(String value, int fallback) {
        String text = text(value);
        try {
            return text == null ? fallback : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("error.parameter.invalid", "page/size");
        }
    }

    private static void query(UriComponentsBuilder uri, String name, String value) {
        if (value != null && !value.isBlank()) {
            uri.queryParam(name, value.strip());
        }
    }
}
