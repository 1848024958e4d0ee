package org.wushe.directory;

/** A social worker's professional qualification (社会工作者职业资格). */
public enum Qualification {
    NONE,
    ASSISTANT,
    SOCIAL_WORKER,
    SENIOR
}
