package org.wushe.requests.casework;

import java.time.Instant;
import java.util.List;
import org.wushe.requests.Category;
import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.Priority;
import org.wushe.requests.TimelineKind;

/**
 * What the resident sees by tracking code: status, priority, who handles it (names masked), the public timeline
 * (no internal notes, no staff names) and what they can do now; the deadlines say by when someone will call.
 * {@code station} is the station covering the request's place that publishes a phone, or null.
 */
public record PublicStatus(
        String trackingCode,
        Category category,
        Priority priority,
        HelpRequestStatus status,
        Instant submittedAt,
        List<String> handledBy,
        List<PublicEvent> timeline,
        boolean canCancel,
        boolean canAddInformation,
        boolean canConfirm,
        Integer rating,
        Instant firstContactDue,
        Instant resolutionDue,
        Station station) {

    /** The covering station's name and public number, and what a phone dials for it. */
    public record Station(String name, String phone, String telUri) {}

    public record PublicEvent(Instant at, TimelineKind kind, String detail) {}
}
