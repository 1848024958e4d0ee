package org.wushe.requests.casework;

import java.time.Instant;
import org.wushe.requests.Category;
import org.wushe.requests.Priority;
import org.wushe.shared.RegionCode;

/** A referral of (part of) a request to an organisation, with the request's non-identifying summary. */
record ReferralView(
        long id,
        long requestId,
        String trackingCode,
        Category category,
        Priority priority,
        RegionCode regionCode,
        long organisationId,
        String organisationName,
        String part,
        ReferralStatus status,
        Instant createdAt,
        Instant updatedAt) {}
