package org.wushe.statistics.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import org.wushe.statistics.ServiceKind;

/**
 * One service to count. {@code source} and {@code sourceKey} name what it came from (a request id, a visit id, a
 * resident and day…): the ledger keeps one row per source, key and kind, so an event delivered twice counts once.
 */
record LedgerEntry(
        Source source,
        String sourceKey,
        ServiceKind kind,
        String communityCode,
        Instant occurredAt,
        Deliverer by,
        int personTimes,
        BigDecimal hours) {

    enum Source {
        HELP_REQUEST,
        VISIT,
        CHECK_IN,
        VERIFICATION_TASK,
        CASE,
        VOLUNTEER_SHIFT
    }

    /** Who delivered it, as directory ids (any may be null). */
    record Deliverer(Long organisationId, Long socialWorkerId, Long volunteerId) {

        static final Deliverer NOBODY = new Deliverer(null, null, null);
    }
}
