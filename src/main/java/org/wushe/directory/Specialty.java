package org.wushe.directory;

/** A field a social worker specialises in. */
public enum Specialty {
    MEDICAL,
    COMMUNITY,
    CHILD_YOUTH,
    ELDERLY,
    PSYCHOLOGICAL,
    DISABILITY,
    FAMILY,
    CORRECTIONS,
    OTHER
}
