package org.wushe.residents;

/** What a daily check-in says: 我很好 / 需要帮助. */
public enum CheckInStatus {
    WELL, NEEDS_HELP
}
