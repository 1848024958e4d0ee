package org.wushe.access;

import static org.wushe.access.Role.AGENCY_ADMIN;
import static org.wushe.access.Role.ASSOCIATION_ADMIN;
import static org.wushe.access.Role.AUDITOR;
import static org.wushe.access.Role.CHARITY_ADMIN;
import static org.wushe.access.Role.CIVIL_AFFAIRS_ADMIN;
import static org.wushe.access.Role.COMMUNITY_STAFF;
import static org.wushe.access.Role.SOCIAL_WORKER;
import static org.wushe.access.Role.STATION_STAFF;
import static org.wushe.access.Role.VOLUNTEER;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may do what, by purpose, defined once. A method guard names the group
 * ({@code @PreAuthorize(RoleGroup.Guard.HELP_REQUEST_STAFF)}) and code that decides what a page shows asks
 * {@link StaffPrincipal#in(RoleGroup)}; both read the set below, so the two can no longer drift apart.
 */
public enum RoleGroup {
    /** Read, triage and work help requests in their scope. */
    HELP_REQUEST_STAFF(CIVIL_AFFAIRS_ADMIN, STATION_STAFF, COMMUNITY_STAFF),
    /** Work a help request assigned or referred to them: staff, social workers, volunteers. */
    CASE_WORKERS(CIVIL_AFFAIRS_ADMIN, STATION_STAFF, COMMUNITY_STAFF, SOCIAL_WORKER, VOLUNTEER),
    /** Answer the requests handed to them personally. */
    RESPONDERS(SOCIAL_WORKER, VOLUNTEER),
    /** Edit the triage rules of the whole city. */
    TRIAGE_EDITORS(CIVIL_AFFAIRS_ADMIN),
    /** Register, assess and visit vulnerable residents. */
    RESIDENT_WRITERS(CIVIL_AFFAIRS_ADMIN, STATION_STAFF, COMMUNITY_STAFF, SOCIAL_WORKER),
    /** Read the register (writers and auditors). */
    RESIDENT_READERS(CIVIL_AFFAIRS_ADMIN, STATION_STAFF, COMMUNITY_STAFF, SOCIAL_WORKER, AUDITOR),
    /** Send a list down for verification. */
    CAMPAIGN_ORGANISERS(CIVIL_AFFAIRS_ADMIN, STATION_STAFF),
    /** Verify records of a list and follow the progress. */
    CAMPAIGN_WORKERS(CIVIL_AFFAIRS_ADMIN, STATION_STAFF, COMMUNITY_STAFF),
    /** Approve volunteer registrations. */
    VOLUNTEER_REVIEWERS(CIVIL_AFFAIRS_ADMIN, STATION_STAFF, COMMUNITY_STAFF),
    /** Create and edit organisations of the directory. */
    ORGANISATION_WRITERS(CIVIL_AFFAIRS_ADMIN, ASSOCIATION_ADMIN, STATION_STAFF),
    /** Read the directory (organisations and social workers). */
    DIRECTORY_READERS(
            CIVIL_AFFAIRS_ADMIN,
            ASSOCIATION_ADMIN,
            AGENCY_ADMIN,
            STATION_STAFF,
            COMMUNITY_STAFF,
            SOCIAL_WORKER,
            CHARITY_ADMIN,
            AUDITOR),
    /** Register and edit social workers. */
    SOCIAL_WORKER_WRITERS(CIVIL_AFFAIRS_ADMIN, ASSOCIATION_ADMIN, AGENCY_ADMIN, STATION_STAFF),
    /** Manage staff accounts (further limited by {@link Role#grants()} and scope). */
    ACCOUNT_MANAGERS(CIVIL_AFFAIRS_ADMIN, ASSOCIATION_ADMIN, AGENCY_ADMIN, CHARITY_ADMIN),
    /** Check the audit chain: the auditor, and the bureau that answers for it. */
    AUDIT_VERIFIERS(AUDITOR, CIVIL_AFFAIRS_ADMIN),
    /** The civil-affairs bureau alone: API clients, verification of organisations. */
    CIVIL_AFFAIRS(CIVIL_AFFAIRS_ADMIN),
    /**
     * The statistics (region-scoped figures). Not the organisation-bound roles: the roll-ups are kept by region
     * and kind of organisation, not by organisation, so an agency's own figures need a view of their own.
     */
    STATISTICS_READERS(CIVIL_AFFAIRS_ADMIN, ASSOCIATION_ADMIN, STATION_STAFF, COMMUNITY_STAFF, AUDITOR);

    private final Set<Role> roles;
    private final Set<String> authorities;

    RoleGroup(Role first, Role... rest) {
        this.roles = Collections.unmodifiableSet(EnumSet.of(first, rest));
        this.authorities = roles.stream().map(Role::authority).collect(Collectors.toUnmodifiableSet());
    }

    public Set<Role> roles() {
        return roles;
    }

    /** The Spring Security authorities of the group ({@code ROLE_…}), for navigation entries and method guards. */
    public Set<String> authorities() {
        return authorities;
    }

    public boolean includes(Role role) {
        return roles.contains(role);
    }

    /**
     * {@code @PreAuthorize} expressions, one per group; annotations need compile-time constants, and
     * {@code RoleGroupsTests} checks that each names its group.
     */
    public static final class Guard {
        private static final String PREFIX = "@roleGroups.includesCaller('";

        public static final String HELP_REQUEST_STAFF = PREFIX + "HELP_REQUEST_STAFF')";
        public static final String CASE_WORKERS = PREFIX + "CASE_WORKERS')";
        public static final String RESPONDERS = PREFIX + "RESPONDERS')";
        public static final String TRIAGE_EDITORS = PREFIX + "TRIAGE_EDITORS')";
        public static final String RESIDENT_WRITERS = PREFIX + "RESIDENT_WRITERS')";
        public static final String RESIDENT_READERS = PREFIX + "RESIDENT_READERS')";
        public static final String CAMPAIGN_ORGANISERS = PREFIX + "CAMPAIGN_ORGANISERS')";
        public static final String CAMPAIGN_WORKERS = PREFIX + "CAMPAIGN_WORKERS')";
        public static final String VOLUNTEER_REVIEWERS = PREFIX + "VOLUNTEER_REVIEWERS')";
        public static final String ORGANISATION_WRITERS = PREFIX + "ORGANISATION_WRITERS')";
        public static final String DIRECTORY_READERS = PREFIX + "DIRECTORY_READERS')";
        public static final String SOCIAL_WORKER_WRITERS = PREFIX + "SOCIAL_WORKER_WRITERS')";
        public static final String ACCOUNT_MANAGERS = PREFIX + "ACCOUNT_MANAGERS')";
        public static final String AUDIT_VERIFIERS = PREFIX + "AUDIT_VERIFIERS')";
        public static final String CIVIL_AFFAIRS = PREFIX + "CIVIL_AFFAIRS')";
        public static final String STATISTICS_READERS = PREFIX + "STATISTICS_READERS')";

        private Guard() {}
    }
}
