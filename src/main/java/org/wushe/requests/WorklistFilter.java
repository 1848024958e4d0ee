package org.wushe.requests;

/**
 * Filters of the staff worklist; null matches everything. {@code region} narrows to a subtree of the caller's
 * scope; {@code assignee} is "none" (nobody assigned) or a social worker's id; {@code address} is a
 * substring of the searchable address (at least 2 characters); {@code after} is the keyset cursor (an id).
 */
public record WorklistFilter(HelpRequestStatus status, Priority priority, Category category, String region,
        String assignee, Boolean overdue, String trackingCode, String phone, String address, Long after, Integer size) {

    public static WorklistFilter all() {
        return new WorklistFilter(null, null, null, null, null, null, null, null, null, null, null);
    }

    public int pageSize() {
        return size == null || size < 1 ? 20 : Math.min(size, 100);
    }
}
