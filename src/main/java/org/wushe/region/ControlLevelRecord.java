package org.wushe.region;

import java.time.Instant;
import org.wushe.shared.RegionCode;

/** One decision to put a region under a control level from a given time. */
public record ControlLevelRecord(
        long id,
        RegionCode regionCode,
        ControlLevel level,
        Instant effectiveFrom,
        String reason,
        String recordedBy,
        Instant recordedAt) {}
