package org.wushe.shared;

import java.time.Instant;
import java.util.List;

/**
 * Something a person (or the system) did that the audit trail must keep: published as an event by the
 * module where it happened, appended to the hash-chained trail by the audit module. Carries which fields
 * changed, never their values.
 *
 * @param actor         username, or {@code anonymous} / {@code system}
 * @param entityType    e.g. {@code account}, {@code region}
 * @param entityId      the record's id as text, may be null for actions on no single record
 * @param regionCode    the region the record belongs to (drives who may read the audit row), may be null
 * @param clientAddress the caller's IP address, may be null for system actions
 * @param reason        why (required for REVEAL), may be null
 * @param fields        names of the fields changed or revealed
 */
public record Activity(
        Instant occurredAt,
        String actor,
        AuditAction action,
        String entityType,
        String entityId,
        RegionCode regionCode,
        String clientAddress,
        String reason,
        List<String> fields) {

    public Activity {
        if (occurredAt == null || actor == null || action == null || entityType == null) {
            throw new IllegalArgumentException("occurredAt, actor, action and entityType are required");
        }
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
