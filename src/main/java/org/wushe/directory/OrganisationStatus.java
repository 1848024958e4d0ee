package org.wushe.directory;

/** Whether an organisation takes part (ACTIVE) or has been suspended; labels are {@code directory.status.*}. */
public enum OrganisationStatus {
    ACTIVE,
    SUSPENDED
}
