package org.wushe.residents;

import java.time.Instant;

/**
 * A resident whose visit plan is behind: {@code contactDue} is when the next contact of any kind was due,
 * {@code homeDue} (HIGH risk only) when the next home visit was; {@code riskLevel} null means not yet assessed.
 */
public record OverdueVisit(long residentId, String name, String communityCode, RiskLevel riskLevel,
        Instant lastVisitAt, Instant contactDue, Instant homeDue, boolean contactOverdue, boolean homeOverdue) {
}
