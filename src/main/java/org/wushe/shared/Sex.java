package org.wushe.shared;

/** Sex as encoded in the sequence code of a {@link ResidentIdNumber} (odd = male, even = female). */
public enum Sex {
    MALE,
    FEMALE
}
