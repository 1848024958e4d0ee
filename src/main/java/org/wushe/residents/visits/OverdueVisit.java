package org.wushe.residents.visits;

import java.time.Instant;
import org.wushe.residents.RiskLevel;

/**
 * A resident whose visit plan is behind: {@code contactDue} is when the next contact of any kind was due,
 * {@code homeDue} (HIGH risk only) when the next home visit was; {@code riskLevel} null means not yet assessed.
 */
record OverdueVisit(
        long residentId,
        String name,
        String communityCode,
        RiskLevel riskLevel,
        Instant lastVisitAt,
        Instant contactDue,
        Instant homeDue,
        boolean contactOverdue,
        boolean homeOverdue) {}
