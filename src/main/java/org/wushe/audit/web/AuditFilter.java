package org.wushe.audit.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.springframework.web.util.UriComponentsBuilder;
import org.wushe.audit.AuditQuery;
import org.wushe.audit.AuditTrail;
import org.wushe.platform.ChinaTime;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * The filters as they arrive in the URL (page and API alike), kept raw so the form shows what was typed.
 * Times are {@code datetime-local} values in Asia/Shanghai ({@code 2026-11-29T08:30}), or ISO instants with an
 * offset from API clients; {@code page} is 1-based; {@code region} a region code (the page's cascader submits
 * one), the region and everything below it.
 */
record AuditFilter(
        String actor,
        String entityType,
        String entityId,
        String action,
        String from,
        String to,
        String page,
        String size,
        String region) {

    static final int DEFAULT_SIZE = 20;
    private static final int MAX_TEXT = 200;

    /** The query, or the first problem of a filter (not of page or size) as an exception (the API's answer). */
    AuditQuery toQuery() {
        Parsed parsed = parse();
        parsed.problems().entrySet().stream()
                .filter(p -> !p.getKey().equals("page") && !p.getKey().equals("size"))
                .findFirst()
                .ifPresent(p -> {
                    throw p.getValue();
                });
        return parsed.query() != null ? parsed.query() : withoutPaging().parse().query();
    }

    private AuditFilter withoutPaging() {
        return new AuditFilter(actor, entityType, entityId, action, from, to, null, null, region);
    }

    /**
     * The query with every problem by the name of its field, so the page can show each under its field and keep
     * the rest of the filter; with problems the query is null.
     */
    Parsed parse() {
        Map<String, InvalidValueException> problems = new LinkedHashMap<>();
        String actorText = check(problems, "actor", () -> text(actor));
        String typeText = check(problems, "entityType", () -> text(entityType));
        String idText = check(problems, "entityId", () -> text(entityId));
        AuditAction parsedAction = check(problems, "action", this::parsedAction);
        Instant start = check(problems, "from", () -> time(from));
        Instant end = check(problems, "to", () -> time(to));
        if (start != null && end != null && start.isAfter(end)) {
            problems.put("to", new InvalidValueException("audit.invalid.range"));
        }
        RegionCode regionCode = check(problems, "region", this::parsedRegion);
        check(problems, "page", () -> within(pageNumber(), n -> n >= 1, "audit.invalid.page"));
        check(problems, "size", () -> within(pageSize(), AuditTrail.PAGE_SIZES::contains, "audit.invalid.size"));
        return new Parsed(
                problems.isEmpty()
                        ? new AuditQuery(actorText, typeText, idText, parsedAction, start, end, regionCode)
                        : null,
                problems);
    }

    /** A parsed filter: the query (null when any field was refused) and the refused fields. */
    record Parsed(AuditQuery query, Map<String, InvalidValueException> problems) {}

    private static <T> T check(Map<String, InvalidValueException> problems, String field, Supplier<T> value) {
        try {
            return value.get();
        } catch (InvalidValueException e) {
            problems.put(field, e);
            return null;
        }
    }

    private static int within(int value, IntPredicate allowed, String key) {
        if (!allowed.test(value)) {
            throw new InvalidValueException(key);
        }
        return value;
    }

    private RegionCode parsedRegion() {
        String value = text(region);
        if (value == null) {
            return null;
        }
        try {
            return RegionCode.parse(value);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("audit.invalid.region");
        }
    }

    int pageNumber() {
        return number(page, 1, "audit.invalid.page");
    }

    int pageSize() {
        return number(size, DEFAULT_SIZE, "audit.invalid.size");
    }

    /** This search's URL at another page or size; empty filters are left out. */
    String link(String path, Integer pageNumber, Integer pageSize) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        query(uri, "actor", actor);
        query(uri, "entityType", entityType);
        query(uri, "entityId", entityId);
        query(uri, "action", action);
        query(uri, "from", from);
        query(uri, "to", to);
        query(uri, "region", region);
        if (pageNumber != null) {
            uri.queryParam("page", pageNumber);
        }
        if (pageSize != null) {
            uri.queryParam("size", pageSize);
        }
        return uri.encode().build().toUriString();
    }

    private AuditAction parsedAction() {
        String value = text(action);
        try {
            return value == null ? null : AuditAction.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("audit.invalid.action");
        }
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.strip().length() > MAX_TEXT) {
            throw new InvalidValueException("audit.invalid.length", MAX_TEXT);
        }
        return value.strip();
    }

    private static Instant time(String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(ChinaTime.ZONE).toInstant();
            } catch (DateTimeException e) {
                throw new InvalidValueException("audit.invalid.time");
            }
        }
    }

    private static int number(String value, int fallback, String key) {
        String text = text(value);
        try {
            return text == null ? fallback : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(key);
        }
    }

    private static void query(UriComponentsBuilder uri, String name, String value) {
        if (value != null && !value.isBlank()) {
            uri.queryParam(name, value.strip());
        }
    }
}
