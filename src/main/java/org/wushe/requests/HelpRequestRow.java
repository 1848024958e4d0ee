package org.wushe.requests;

import java.time.Instant;

/** One line of the worklist: no personal data (the address is its searchable part, names masked). */
public record HelpRequestRow(long id, String trackingCode, Category category, Priority priority,
        HelpRequestStatus status, Channel channel, String regionCode, String addressArea, Instant submittedAt,
        Instant firstContactDue, Instant resolutionDue, boolean overdue, String handledBy, Long relatedRequestId) {
}
