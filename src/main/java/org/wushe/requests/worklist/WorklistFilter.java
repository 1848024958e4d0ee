package org.wushe.requests.worklist;

import java.util.function.Consumer;
import org.wushe.requests.Category;
import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.Priority;
import org.wushe.requests.TrackingCodes;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.RegionCode;

/**
 * Filters of the staff worklist, typed; null (or false) matches everything. Built from {@link #all()} with the
 * {@code with…} methods. {@code region} narrows to a subtree of the caller's scope; {@code open} keeps the requests not yet resolved, closed or cancelled; {@code unassigned} keeps the
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
        boolean open,
        String trackingCode,
        PhoneNumber phone,
        String address,
        Long after,
        Integer size,
        WorklistOrder order) {

    static final int MIN_ADDRESS = 2;

    public static WorklistFilter all() {
        return new WorklistFilter(
                null, null, null, null, false, null, false, false, null, null, null, null, null, WorklistOrder.URGENCY);
    }

    /** The order of the list (never null: {@link WorklistOrder#URGENCY} by default). */
    public WorklistOrder order() {
        return order == null ? WorklistOrder.URGENCY : order;
    }

    public int pageSize() {
        return size == null || size < 1 ? 20 : Math.min(size, 100);
    }

    public WorklistFilter withOrder(WorklistOrder order) {
        return changed(c -> c.order = order);
    }

    public WorklistFilter withStatus(HelpRequestStatus status) {
        return changed(c -> c.status = status);
    }

    public WorklistFilter withPriority(Priority priority) {
        return changed(c -> c.priority = priority);
    }

    public WorklistFilter withCategory(Category category) {
        return changed(c -> c.category = category);
    }

    public WorklistFilter withRegion(RegionCode region) {
        return changed(c -> c.region = region);
    }

    /** Only the requests nobody (organisation, social worker, volunteer) was assigned to. */
    public WorklistFilter unassignedOnly() {
        return changed(c -> {
            c.unassigned = true;
            c.workerId = null;
        });
    }

    public WorklistFilter withWorker(Long workerId) {
        return changed(c -> {
            c.unassigned = false;
            c.workerId = workerId;
        });
    }

    public WorklistFilter overdueOnly(boolean overdue) {
        return changed(c -> c.overdue = overdue);
    }

    /** Only the requests not yet resolved, closed or cancelled (the workbench's "open P1" links here). */
    public WorklistFilter openOnly(boolean open) {
        return changed(c -> c.open = open);
    }

    /**
     * A tracking code as a person typed it (any case, dashes or spaces). Text that cannot be a code is kept as
     * typed: it matches no stored code, so the list comes back empty rather than unfiltered.
     */
    public WorklistFilter withTrackingCode(String typed) {
        String code = typed == null || typed.isBlank() ? null : TrackingCodes.normalise(typed);
        String kept = code != null || typed == null || typed.isBlank() ? code : typed.strip();
        return changed(c -> c.trackingCode = kept);
    }

    public WorklistFilter withPhone(PhoneNumber phone) {
        return changed(c -> c.phone = phone);
    }

    /** A part of the searchable address; shorter than {@link #MIN_ADDRESS} characters it does not filter. */
    public WorklistFilter withAddress(String part) {
        String a = part == null || part.strip().length() < MIN_ADDRESS ? null : part.strip();
        return changed(c -> c.address = a);
    }

    /** The keyset cursor: the page after the request with this id. */
    public WorklistFilter withCursor(Long after) {
        return changed(c -> c.after = after);
    }

    public WorklistFilter withSize(Integer size) {
        return changed(c -> c.size = size);
    }

    /** This filter with {@code change} applied to a copy of its components: the one place that copies them all. */
    private WorklistFilter changed(Consumer<Copy> change) {
        Copy c = new Copy(this);
        change.accept(c);
        return new WorklistFilter(
                c.status,
                c.priority,
                c.category,
                c.region,
                c.unassigned,
                c.workerId,
                c.overdue,
                c.open,
                c.trackingCode,
                c.phone,
                c.address,
                c.after,
                c.size,
                c.order);
    }

    /** The components of a filter, changeable while a {@code with…} method makes the next filter. */
    private static final class Copy {
        HelpRequestStatus status;
        Priority priority;
        Category category;
        RegionCode region;
        boolean unassigned;
        Long workerId;
        boolean overdue;
        boolean open;
        String trackingCode;
        PhoneNumber phone;
        String address;
        Long after;
        Integer size;
        WorklistOrder order;

        Copy(WorklistFilter f) {
            status = f.status;
            priority = f.priority;
            category = f.category;
            region = f.region;
            unassigned = f.unassigned;
            workerId = f.workerId;
            overdue = f.overdue;
            open = f.open;
            trackingCode = f.trackingCode;
            phone = f.phone;
            address = f.address;
            after = f.after;
            size = f.size;
            order = f.order;
        }
    }
}
