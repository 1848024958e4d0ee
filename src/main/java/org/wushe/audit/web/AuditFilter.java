package org.wushe.audit.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Locale;

import org.springframework.web.util.UriComponentsBuilder;
import org.wushe.audit.AuditQuery;
import org.wushe.platform.ChinaTime;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;

/**
 * The filters as they arrive in the URL (page and API alike), kept raw so the form shows what was typed.
 * Times are {@code datetime-local} values in Asia/Shanghai ({@code 2026-11-29T08:30}), or ISO instants with an
 * offset from API clients; {@code page} is 1-based.
 */
record AuditFilter(String actor, String entityType, String entityId, String action, String from, String to,
        String page, String size) {

    static final int DEFAULT_SIZE = 20;
    private static final int MAX_TEXT = 200;

    AuditQuery toQuery() {
        Instant start = time(from);
        Instant end = time(to);
        if (start != null && end != null && start.isAfter(end)) {
            throw new InvalidValueException("audit.invalid.range");
        }
        return new AuditQuery(text(actor), text(entityType), text(entityId), parsedAction(), start, end);
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
