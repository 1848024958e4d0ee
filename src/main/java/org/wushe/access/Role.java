package org.wushe.access;

/** The roles of DESIGN.md §1. Admin roles must use two-factor authentication. */
public enum Role {
    CIVIL_AFFAIRS_ADMIN(true),
    ASSOCIATION_ADMIN(true),
    AGENCY_ADMIN(true),
    STATION_STAFF(false),
    COMMUNITY_STAFF(false),
    SOCIAL_WORKER(false),
    VOLUNTEER(false),
    CHARITY_ADMIN(true),
    AUDITOR(false);

    private final boolean admin;

    Role(boolean admin) {
        this.admin = admin;
    }

    public boolean isAdmin() {
        return admin;
    }

    /** Agency roles carry an organisation in their scope. */
    public boolean isOrganisationBound() {
        return this == AGENCY_ADMIN || this == SOCIAL_WORKER || this == CHARITY_ADMIN;
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
