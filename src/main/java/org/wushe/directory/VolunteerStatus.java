package org.wushe.directory;

/** A registration waits for review, then is approved (passport number, account) or rejected with a reason. */
public enum VolunteerStatus {
    PENDING,
    APPROVED,
    REJECTED
}
