package org.wushe.region;

import java.util.List;
import java.util.Optional;
import org.wushe.shared.RegionCode;

/**
 * The level in force for a region now — its own latest decision, else the nearest ancestor's — and the
 * region's own history, newest first (including decisions that take effect later).
 *
 * @param current     the decision in force, empty when no decision applies (level NONE)
 * @param inheritedFrom the ancestor whose decision applies, empty when the region's own does
 */
public record ControlLevelStatus(
        RegionCode regionCode,
        ControlLevel level,
        Optional<ControlLevelRecord> current,
        Optional<RegionCode> inheritedFrom,
        List<ControlLevelRecord> history) {}
