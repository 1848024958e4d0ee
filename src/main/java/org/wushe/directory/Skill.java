package org.wushe.directory;

/** What a volunteer offers. */
public enum Skill {
    DRIVING,
    MEDICAL,
    PSYCHOLOGICAL,
    LANGUAGES,
    IT,
    CARE,
    LOGISTICS,
    OTHER
}
