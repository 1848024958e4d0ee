package org.wushe.residents.checkins;

/** What a daily check-in says: 我很好 / 需要帮助. */
enum CheckInStatus {
    WELL,
    NEEDS_HELP
}
