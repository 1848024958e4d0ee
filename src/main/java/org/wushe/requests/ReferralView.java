package org.wushe.requests;

import java.time.Instant;

/** A referral of (part of) a request to an organisation, with the request's non-identifying summary. */
public record ReferralView(long id, long requestId, String trackingCode, Category category, Priority priority,
        String regionCode, long organisationId, String organisationName, String part, ReferralStatus status,
        Instant createdAt, Instant updatedAt) {
}
