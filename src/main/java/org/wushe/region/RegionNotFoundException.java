package org.wushe.region;

import org.wushe.platform.ResourceNotFoundException;
import org.wushe.shared.RegionCode;

/** A well-formed region code that names no region we know. */
public class RegionNotFoundException extends ResourceNotFoundException {

    public RegionNotFoundException(RegionCode code) {
        super("region.notFound", code.value());
    }
}
