package org.wushe.access;

import java.util.Collection;
import java.util.Map;
import org.wushe.shared.RegionCode;

/** What access needs to know of regions; implemented by the region module (which depends on access). */
public interface KnownRegions {

    /** Whether a region code names a real region. */
    boolean exists(RegionCode code);

    /**
     * What a person calls each region: its name, below a city with its district ({@code 徐汇区 天平路街道}); a code
     * that names no region is left out. One query for all of them.
     */
    Map<RegionCode, String> names(Collection<RegionCode> codes);
}
