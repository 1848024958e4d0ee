package org.wushe.residents.verification;

/** What the community worker found for one person of the list. Only DIFFERS carries corrected values. */
enum VerificationOutcome {
    VERIFIED,
    DIFFERS,
    NOT_FOUND,
    MOVED_AWAY,
    DECEASED,
    UNREACHABLE
}
