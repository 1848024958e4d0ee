package org.wushe.shared;

/** What an audited activity did (DESIGN.md §4). */
public enum AuditAction {
    CREATE,
    UPDATE,
    DELETE,
    VIEW_SENSITIVE,
    REVEAL,
    EXPORT,
    IMPORT,
    LOGIN,
    LOGIN_FAILED,
    LOGOUT,
    LOCKED,
    UNLOCKED,
    PASSWORD_CHANGE,
    PERMISSION_CHANGE
}
