package org.wushe.directory;

/** The kinds of organisation that take part in 五社联动 (DESIGN.md §2); labels are {@code directory.orgType.*}. */
public enum OrgType {
    ASSOCIATION,
    AGENCY,
    STATION,
    COMMUNITY_SW_ROOM,
    COMMUNITY_VOLUNTEER_STATION,
    HOSPITAL_SW_DEPT,
    COMMUNITY_COMMITTEE,
    VOLUNTEER_ORG,
    CHARITY,
    FOUNDATION,
    PUBLIC_INSTITUTION,
    SCHOOL
}
