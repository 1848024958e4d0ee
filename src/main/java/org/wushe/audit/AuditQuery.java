package org.wushe.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.wushe.shared.AuditAction;
import org.wushe.shared.RegionCode;

/**
 * Filters of an audit search; a null filter matches everything. Text filters match exactly (they are index
 * lookups); the time filter is the half-open interval {@code from ≤ occurredAt < to}; the region filter
 * matches rows of the region and every region below it (inside the caller's scope, which still applies).
 */
public record AuditQuery(
        String actor,
        String entityType,
        String entityId,
        AuditAction action,
        Instant from,
        Instant to,
        RegionCode region) {

    public AuditQuery(String actor, String entityType, String entityId, AuditAction action, Instant from, Instant to) {
        this(actor, entityType, entityId, action, from, to, null);
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null);
    }

    /** The names of the filters in use (recorded with an export; the values are not). */
    public List<String> applied() {
        List<String> names = new ArrayList<>();
        addIf(names, actor, "actor");
        addIf(names, entityType, "entityType");
        addIf(names, entityId, "entityId");
        addIf(names, action, "action");
        addIf(names, from, "from");
        addIf(names, to, "to");
        addIf(names, region, "region");
        return names;
    }

    private static void addIf(List<String> names, Object value, String name) {
        if (value != null) {
            names.add(name);
        }
    }
}
