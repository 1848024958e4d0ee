package org.wushe.statistics;

import java.util.Arrays;

/**
 * What a ledger row counts: the six kinds of service a help request delivers (the names of
 * {@code requests.ServiceType}) and the care work of the other modules. Labels are {@code statistics.service.*}.
 */
public enum ServiceKind {
    PSYCHOLOGICAL_COUNSELLING,
    EMOTIONAL_SUPPORT,
    MATERIAL_SUPPORT,
    PREVENTION_EDUCATION,
    HEALTH_CARE,
    HARDSHIP_RELIEF,
    /** A request closed without a service type (older requests). */
    OTHER_HELP,
    VISIT,
    CHECK_IN,
    VERIFICATION,
    CASE_SESSION,
    VOLUNTEER_SHIFT;

    /** The kind stored under {@code name}, or null for a name this version does not know. */
    public static ServiceKind named(String name) {
        return Arrays.stream(values())
                .filter(k -> k.name().equals(name))
                .findFirst()
                .orElse(null);
    }
}
