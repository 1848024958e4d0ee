package org.wushe.access;

import org.wushe.shared.RegionCode;

/** Whether a region code names a real region; implemented by the region module (which depends on access). */
public interface KnownRegions {

    boolean exists(RegionCode code);
}
