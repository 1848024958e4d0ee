package org.wushe.directory;

/** Whether a social worker can be assigned work now. */
public enum Availability {
    ON_DUTY,
    OFF_DUTY,
    UNAVAILABLE
}
