package org.wushe.requests.worklist;

import org.wushe.requests.Category;
import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.Priority;
import org.wushe.requests.TrackingCodes;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.RegionCode;

/**
 * Filters of the staff worklist, typed; null (or false) matches everything. Built from {@link #all()} with the
 * {@code with…} methods. {@code region} narrows to a subtree of the caller's scope; {@code unassigned} keeps the
 * requests nobody was assigned to, {@code workerId} those of one social worker; {@code trackingCode} is as stored;
 * {@code address} is a substring of the searchable address (at least 2 characters); {@code after} is the keyset
 * cursor (the id of the last request of the previous page, in the filter's {@link #order()}).
 */
public record WorklistFilter(
        HelpRequestStatus status,
        Priority priority,
        Category category,
        RegionCode region,
        boolean unassigned,
        Long workerId,
        boolean overdue,
        String trackingCode,
        PhoneNumber phone,
        String address,
        Long after,
        Integer size,
        WorklistOrder order) {

    static final int MIN_ADDRESS = 2;

    public static WorklistFilter all() {
        return new WorklistFilter(
                null, null, null, null, false, null, false, null, null, null, null, null, WorklistOrder.URGENCY);
    }

    /** The order of the list (never null: {@link WorklistOrder#URGENCY} by default). */
    public WorklistOrder order() {
        return order == null ? WorklistOrder.URGENCY : order;
    }

    public WorklistFilter withOrder(WorklistOrder order) {
        return new WorklistFilter(
                status,
                priority,
                category,
                region,
                unassigned,
                workerId,
                overdue,
                trackingCode,
                phone,
                address,
                after,
                size,
                order);
    }

    public int pageSize() {
        return size == null || size < 1 ? 20 : Math.min(size, 100);
    }

    public WorklistFilter withStatus(HelpRequestStatus status) {
        return new WorklistFilter(
                status,
                priority,
                category,
                region,
                unassigned,
                workerId,
                overdue,
                trackingCode,
                phone,
                address,
                after,
                size,
                order);
    }

    public WorklistFilter withPriority(Priority priority) {
        return new WorklistFilter(
                status,
                priority,
                category,
                region,
                unassigned,
                workerId,
                overdue,
                trackingCode,
                phone,
                address,
                after,
                size,
                order);
    }

    public WorklistFilter withCategory(Category category) {
        return new WorklistFilter(
                status,
                priority,
                category,
                region,
                unassigned,
                workerId,
                overdue,
                trackingCode,
                phone,
                address,
                after,
                size,
                order);
    }

    public WorklistFilter withRegion(RegionCode region) {
        return new WorklistFilter(
                status,
                priority,
                category,
                region,
                unassigned,
                workerId,
                overdue,
                trackingCode,
                phone,
                address,
                after,
                size,
                order);
    }

    /** Only the requests nobody (organisation, social worker, volunteer) was assigned to. */
    public WorklistFilter unassignedOnly() {
        return new WorklistFilter(
                status,
                priority,
                category,
                region,
                true,
                null,
                overdue,
                trackingCode,
                phone,
                address,
                after,
                size,
                order);
    }

    public WorklistFilter withWorker(Long workerId) {
        return new WorklistFilter(
                status,
                priority,
                category,
                region,
                false,
                workerId,
                overdue,
                trackingCode,
                phone,
                address,
                after,
                size,
                order);
    }

    public WorklistFilter overdueOnly(boolean overdue) {
        return new WorklistFilter(
                status,
                priority,
                category,
                region,
                unassigned,
                workerId,
                overdue,
                trackingCode,
                phone,
                address,
                after,
                size,
                order);
    }

    /**
     * A tracking code as a person typed it (any case, dashes or spaces). Text that cannot be a code is kept as
     * typed: it matches no stored code, so the list comes back empty rather than unfiltered.
     */
    public WorklistFilter withTrackingCode(String typed) {
        String code = typed == null || typed.isBlank() ? null : TrackingCodes.normalise(typed);
        String kept = code != null || typed == null || typed.isBlank() ? code : typed.strip();
        return new WorklistFilter(
                status,
                priority,
                category,
                region,
                unassigned,
                workerId,
                overdue,
                kept,
                phone,
                address,
                after,
                size,
                order);
    }

    public WorklistFilter withPhone(PhoneNumber phone) {
        return new WorklistFilter(
                status,
                priority,
                category,
                region,
                unassigned,
                workerId,
                overdue,
                trackingCode,
                phone,
                address,
                after,
                size,
                order);
    }

    /** A part of the searchable address; shorter than {@link #MIN_ADDRESS} characters it does not filter. */
    public WorklistFilter withAddress(String part) {
        String a = part == null || part.strip().length() < MIN_ADDRESS ? null : part.strip();
        return new WorklistFilter(
                status,
                priority,
                category,
                region,
                unassigned,
                workerId,
                overdue,
                trackingCode,
                phone,
                a,
                after,
                size,
                order);
    }

    /** The keyset cursor: the page after the request with this id. */
    public WorklistFilter withCursor(Long after) {
        return new WorklistFilter(
                status,
                priority,
                category,
                region,
                unassigned,
                workerId,
                overdue,
                trackingCode,
                phone,
                address,
                after,
                size,
                order);
    }

    public WorklistFilter withSize(Integer size) {
        return new WorklistFilter(
                status,
                priority,
                category,
                region,
                unassigned,
                workerId,
                overdue,
                trackingCode,
                phone,
                address,
                after,
                size,
                order);
    }
}
