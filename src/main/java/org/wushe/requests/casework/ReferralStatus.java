package org.wushe.requests.casework;

enum ReferralStatus {
    PENDING,
    ACCEPTED,
    REJECTED,
    COMPLETED,
    WITHDRAWN;

    /** A referral that no longer holds the request open. */
    public boolean settled() {
        return this == REJECTED || this == COMPLETED || this == WITHDRAWN;
    }
}
