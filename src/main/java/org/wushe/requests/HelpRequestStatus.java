package org.wushe.requests;

/** The life of a request; labels are {@code requests.status.*}. */
public enum HelpRequestStatus {
    SUBMITTED,
    TRIAGED,
    ASSIGNED,
    ACCEPTED,
    IN_PROGRESS,
    RESOLVED,
    CLOSED,
    CANCELLED;

    public boolean open() {
        return this != RESOLVED && this != CLOSED && this != CANCELLED;
    }
}
