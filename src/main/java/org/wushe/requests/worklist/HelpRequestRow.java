package org.wushe.requests.worklist;

import java.time.Instant;
import org.wushe.requests.Category;
import org.wushe.requests.Channel;
import org.wushe.requests.HelpRequestStatus;
import org.wushe.requests.Priority;
import org.wushe.shared.RegionCode;

/**
 * One line of the worklist: no personal data (the address is its searchable part, names masked). {@code unseen}: an
 * open P1 the viewer has not opened yet.
 */
public record HelpRequestRow(
        long id,
        String trackingCode,
        Category category,
        Priority priority,
        HelpRequestStatus status,
        Channel channel,
        RegionCode regionCode,
        String addressArea,
        Instant submittedAt,
        Instant firstContactDue,
        Instant resolutionDue,
        boolean overdue,
        String handledBy,
        Long relatedRequestId,
        boolean unseen) {

    /** The deadline that matters now: first contact until someone has taken the request, then resolution. */
    public Instant nextDeadline() {
        return switch (status) {
            case SUBMITTED, TRIAGED, ASSIGNED -> firstContactDue;
            default -> resolutionDue;
        };
    }

    /**
     * Whole minutes left to {@link #nextDeadline()} (negative once passed), for the worklist's countdown; the
     * worklist refreshes itself, so the display clock is the wall clock.
     */
    public long minutesToNextDeadline() {
        Instant due = nextDeadline();
        return due == null
                ? Long.MAX_VALUE
                : Math.floorDiv(due.getEpochSecond() - Instant.now().getEpochSecond(), 60);
    }
}
