package org.wushe.audit.web;

import java.time.Instant;
import java.util.List;
import org.wushe.audit.AuditEntry;
import org.wushe.audit.AuditPage;
import org.wushe.audit.ChainVerification;
import org.wushe.shared.AuditAction;

/** The JSON shapes of the audit API, and how an action looks on the page. */
final class AuditViews {

    private AuditViews() {}

    record EntryView(
            long id,
            Instant occurredAt,
            Instant recordedAt,
            String actor,
            String action,
            String entityType,
            String entityId,
            String regionCode,
            String clientAddress,
            String reason,
            List<String> fields) {
        static EntryView of(AuditEntry e) {
            return new EntryView(
                    e.id(),
                    e.occurredAt(),
                    e.recordedAt(),
                    e.actor(),
                    e.action().name(),
                    e.entityType(),
                    e.entityId(),
                    e.regionCode(),
                    e.clientAddress(),
                    e.reason(),
                    e.fields());
        }
    }

    record PageView(List<EntryView> entries, int page, int size, int totalPages, long total, boolean totalCapped) {
        static PageView of(AuditPage p) {
            return new PageView(
                    p.entries().stream().map(EntryView::of).toList(),
                    p.page(),
                    p.size(),
                    p.totalPages(),
                    p.total(),
                    p.totalCapped());
        }
    }

    /**
     * The verification result with its reason in the caller's language; {@code missingIds} as
     * {@code [{"from":2063,"to":2067}]}.
     */
    record VerificationView(
            boolean ok,
            long rowsChecked,
            Long firstBrokenId,
            String reason,
            String message,
            List<ChainVerification.IdRange> missingIds,
            long anchorsChecked,
            Long anchorMismatchId,
            boolean truncated,
            Long lastId,
            Long keyedFromId,
            Instant firstBrokenAt,
            Instant lastAt) {
        static VerificationView of(ChainVerification v, String message) {
            return new VerificationView(
                    v.ok(),
                    v.rowsChecked(),
                    v.firstBrokenId(),
                    v.reason(),
                    message,
                    v.missingIds(),
                    v.anchorsChecked(),
                    v.anchorMismatchId(),
                    v.truncated(),
                    v.lastId(),
                    v.keyedFromId(),
                    v.firstBrokenAt(),
                    v.lastAt());
        }
    }

    /** Bootstrap badge classes; the action's name is always shown too, never the colour alone. */
    static String badge(AuditAction action) {
        return switch (action) {
            case DELETE, LOGIN_FAILED, LOCKED -> "text-bg-danger";
            case REVEAL, VIEW_SENSITIVE, EXPORT, PERMISSION_CHANGE -> "text-bg-warning";
            case CREATE, UNLOCKED -> "text-bg-success";
            case UPDATE, IMPORT, PASSWORD_CHANGE -> "text-bg-primary";
            case LOGIN, LOGOUT -> "text-bg-secondary";
        };
    }
}
