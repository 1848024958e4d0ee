package org.wushe.audit;

import java.util.List;

/**
 * One page of an audit search. Counting stops at {@link AuditTrail#COUNT_LIMIT}: beyond it {@code totalCapped}
 * is true and the page shows 10,000+ (UI.md), so a broad search on millions of rows stays cheap.
 *
 * @param page 1-based, already moved onto the last page if the one asked for lies beyond it
 */
public record AuditPage(List<AuditEntry> entries, int page, int size, long total, boolean totalCapped) {

    public AuditPage {
        entries = List.copyOf(entries);
    }

    public int totalPages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
