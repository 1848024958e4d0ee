package org.wushe.access;

import java.util.EnumSet;
import java.util.Set;

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

    /**
     * The roles someone holding this role may hand out and manage (besides a civil-affairs administrator, who
     * may grant any): each admin role its own, an association also the agencies it coordinates, an agency also
     * its social workers (DESIGN.md §1). Whom exactly is further limited by scope and organisation.
     */
    public Set<Role> grants() {
        return switch (this) {
            case CIVIL_AFFAIRS_ADMIN -> EnumSet.allOf(Role.class);
            case ASSOCIATION_ADMIN -> EnumSet.of(ASSOCIATION_ADMIN, AGENCY_ADMIN);
            case AGENCY_ADMIN -> EnumSet.of(AGENCY_ADMIN, SOCIAL_WORKER);
            default -> EnumSet.of(this);
        };
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
