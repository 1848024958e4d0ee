package org.wushe.requests.worklist;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.util.UriComponentsBuilder;
import org.wushe.requests.Category;
import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.Priority;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.RegionCode;

/**
 * The worklist filters as they travel in the URL (so a filtered list can be bookmarked): the edge where the typed
 * text becomes a typed {@link WorklistFilter}, and where the links that carry the same filters are made, so a new
 * filter cannot be forgotten by the pager, the live refresh or the export.
 */
class WorklistQuery {
    private HelpRequestStatus status;
    private Priority priority;
    private Category category;
    private String region;
    private String assignee;
    private String worker;
    private Boolean overdue;
    private Boolean open;
    private String code;
    private String phone;
    private String address;
    private Long after;
    private Integer size;
    private String sort;

    /** The typed filter; a malformed region, assignee or phone is refused with a message, not a 500 (the API). */
    WorklistFilter toFilter() {
        Map<String, InvalidValueException> refused = new LinkedHashMap<>();
        WorklistFilter f = toFilter(refused);
        if (!refused.isEmpty()) {
            throw refused.values().iterator().next();
        }
        return f;
    }

    /**
     * The typed filter of the page: a region, assignee or phone that cannot be read (a name typed where a code was
     * expected) is put into {@code refused} under its field name, so that the page can say so under the field and
     * keep every other filter as typed.
     */
    WorklistFilter toFilter(Map<String, InvalidValueException> refused) {
        WorklistFilter f = WorklistFilter.all()
                .withStatus(status)
                .withPriority(priority)
                .withCategory(category)
                .overdueOnly(Boolean.TRUE.equals(overdue))
                .openOnly(Boolean.TRUE.equals(open))
                .withTrackingCode(blank(code))
                .withAddress(blank(address))
                .withCursor(after)
                .withSize(size)
                .withOrder(order());
        try {
            if (blank(region) != null) {
                f = f.withRegion(RegionCode.parse(blank(region)));
            }
        } catch (InvalidValueException e) {
            refused.put("region", new InvalidValueException("requests.error.regionFilter"));
        }
        try {
            if (blank(worker) != null) {
                f = f.withWorker(workerId(blank(worker), "worker"));
            } else if ("none".equals(blank(assignee))) {
                f = f.unassignedOnly();
            } else if (blank(assignee) != null) {
                // an id here is what links and API clients sent before the worker picker; still understood
                f = f.withWorker(workerId(blank(assignee), "assignee"));
            }
        } catch (InvalidValueException e) {
            refused.put(blank(worker) != null ? "worker" : "assignee", e);
        }
        try {
            if (blank(phone) != null) {
                f = f.withPhone(PhoneNumber.parse(blank(phone)));
            }
        } catch (InvalidValueException e) {
            refused.put("phone", e);
        }
        return f;
    }

    /** The order the URL asks for; the default (most urgent first) when none or an unknown one. */
    public WorklistOrder order() {
        return WorklistOrder.parse(sort);
    }

    private static long workerId(String id, String field) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("error.parameter.invalid", field);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** {@code path} with every filter of this query and its page size (no cursor): the first page again. */
    public String link(String path) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        add(uri, "status", status);
        add(uri, "priority", priority);
        add(uri, "category", category);
        add(uri, "region", blank(region));
        add(uri, "assignee", blank(assignee));
        add(uri, "worker", blank(worker));
        add(uri, "overdue", overdue);
        add(uri, "open", open);
        add(uri, "code", blank(code));
        add(uri, "phone", blank(phone));
        add(uri, "address", blank(address));
        add(uri, "size", size);
        add(
                uri,
                "sort",
                order() == WorklistOrder.URGENCY ? null : order().name().toLowerCase(Locale.ROOT));
        return uri.encode().build().toUriString();
    }

    /** The first page of {@code path} with the same filters in another order (the column headers' links). */
    public String orderLink(String path, String order) {
        String kept = sort;
        sort = order;
        try {
            return link(path);
        } finally {
            sort = kept;
        }
    }

    /** The worklist's page after the request {@code next}, with the same filters. */
    public String nextLink(Long next) {
        return nextLink("/requests", next);
    }

    /** The page of {@code path} after the request {@code next}, with the same filters and order. */
    public String nextLink(String path, Long next) {
        String first = link(path);
        return first + (first.contains("?") ? "&" : "?") + "after=" + next;
    }

    private static void add(UriComponentsBuilder uri, String name, Object value) {
        if (value != null) {
            uri.queryParam(name, value);
        }
    }

    public HelpRequestStatus getStatus() {
        return status;
    }

    public void setStatus(HelpRequestStatus status) {
        this.status = status;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public Category getCategory() {
        return category;
    }

    public void setCategory(Category category) {
        this.category = category;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    /** The social worker (picker): an id, or a name the page resolves first ({@code WorklistPageController}). */
    public String getWorker() {
        return worker;
    }

    public void setWorker(String worker) {
        this.worker = worker;
    }

    /** Whether the worker field holds something other than an id (a name typed without script). */
    boolean workerIsName() {
        return blank(worker) != null && !blank(worker).matches("\\d{1,18}");
    }

    public Boolean getOverdue() {
        return overdue;
    }

    public void setOverdue(Boolean overdue) {
        this.overdue = overdue;
    }

    public Boolean getOpen() {
        return open;
    }

    public void setOpen(Boolean open) {
        this.open = open;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public Long getAfter() {
        return after;
    }

    public void setAfter(Long after) {
        this.after = after;
    }

    public Integer getSize() {
        return size;
    }

    public String getSort() {
        return sort;
    }

    public void setSort(String sort) {
        this.sort = sort;
    }

    public void setSize(Integer size) {
        this.size = size;
    }
}
