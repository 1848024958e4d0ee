package org.wushe.statistics.dashboard;

import org.wushe.platform.ResourceNotFoundException;
import org.wushe.shared.RegionCode;

/** A region the caller may not see figures of: answered like a region that is not there (404). Public for the {@code reports} slice. */
public class OutsideScopeException extends ResourceNotFoundException {

    public OutsideScopeException(RegionCode region) {
        super("statistics.region.notFound", region.value());
    }
}
