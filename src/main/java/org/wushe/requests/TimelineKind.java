package org.wushe.requests;

/**
 * What a line of a request's timeline says happened; stored by name in {@code requests_event.kind} and labelled
 * {@code requests.event.*}. Intake writes the first two, case work and the escalation job the rest.
 */
public enum TimelineKind {
    SUBMITTED,
    TRIAGED,
    ASSIGNED,
    REASSIGNED,
    ACCEPTED,
    DECLINED,
    STARTED,
    RESOLVED,
    CLOSED,
    CANCELLED,
    CONFIRMED,
    AUTO_CONFIRMED,
    INFO_ADDED,
    NOTE,
    REFERRED,
    REFERRAL_ACCEPTED,
    REFERRAL_REJECTED,
    REFERRAL_COMPLETED,
    REFERRAL_WITHDRAWN,
    FOLLOW_UP,
    ESCALATED
}
