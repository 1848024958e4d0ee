package org.wushe.region.internal;

import org.springframework.stereotype.Component;
import org.wushe.access.KnownRegions;
import org.wushe.shared.RegionCode;

/** Tells access which scope codes are real regions. */
@Component
class RegionExistence implements KnownRegions {

    private final RegionQueries queries;

    RegionExistence(RegionQueries queries) {
        this.queries = queries;
    }

    @Override
    public boolean exists(RegionCode code) {
        return queries.find(code).isPresent();
    }
}
