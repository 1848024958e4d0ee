package org.wushe.requests;

import java.time.Instant;
import java.util.List;

/**
 * What the resident sees by tracking code: status, priority, who handles it (names masked), the public timeline
 * (no internal notes, no staff names) and what they can do now.
 */
public record PublicStatus(String trackingCode, Category category, Priority priority, HelpRequestStatus status,
        Instant submittedAt, List<String> handledBy, List<PublicEvent> timeline, boolean canCancel,
        boolean canAddInformation, boolean canConfirm, Integer rating) {

    public record PublicEvent(Instant at, String kind, String detail) {
    }
}
