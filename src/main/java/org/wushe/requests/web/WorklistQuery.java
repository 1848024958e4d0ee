package org.wushe.requests.web;

import org.wushe.requests.Category;
import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.Priority;
import org.wushe.requests.WorklistFilter;

/** The worklist filters as they travel in the URL (so a filtered list can be bookmarked). */
public class WorklistQuery {
    private HelpRequestStatus status;
    private Priority priority;
    private Category category;
    private String region;
    private String assignee;
    private Boolean overdue;
    private String code;
    private String phone;
    private String address;
    private Long after;
    private Integer size;

    WorklistFilter toFilter() {
        return new WorklistFilter(status, priority, category, blank(region), blank(assignee), overdue, blank(code),
                blank(phone), blank(address), after, size);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public HelpRequestStatus getStatus() { return status; }
    public void setStatus(HelpRequestStatus status) { this.status = status; }
    public Priority getPriority() { return priority; }
    public void setPriority(Priority priority) { this.priority = priority; }
    public Category getCategory() { return category; }
    public void setCategory(Category category) { this.category = category; }
    public String getRegion() { return region; }
    public void setRegion(String region) { this.region = region; }
    public String getAssignee() { return assignee; }
    public void setAssignee(String assignee) { this.assignee = assignee; }
    public Boolean getOverdue() { return overdue; }
    public void setOverdue(Boolean overdue) { this.overdue = overdue; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public Long getAfter() { return after; }
    public void setAfter(Long after) { this.after = after; }
    public Integer getSize() { return size; }
    public void setSize(Integer size) { this.size = size; }
}
