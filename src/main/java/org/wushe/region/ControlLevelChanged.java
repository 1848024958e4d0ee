package org.wushe.region;

import java.time.Instant;
import org.wushe.shared.RegionCode;

/** A control level was decided for a region (and, unless overridden there, for everything under it). */
public record ControlLevelChanged(long recordId, RegionCode regionCode, ControlLevel level, Instant effectiveFrom) {}
