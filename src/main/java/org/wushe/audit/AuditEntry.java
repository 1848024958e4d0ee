package org.wushe.audit;

import java.time.Instant;
import java.util.List;
import org.wushe.shared.AuditAction;

/** One row of the audit trail as auditors see it (the hashes stay inside the module). */
public record AuditEntry(
        long id,
        Instant occurredAt,
        Instant recordedAt,
        String actor,
        AuditAction action,
        String entityType,
        String entityId,
        String regionCode,
        String clientAddress,
        String reason,
        List<String> fields) {

    public AuditEntry {
        fields = List.copyOf(fields);
    }
}
