package org.wushe.region.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.wushe.access.KnownRegions;
import org.wushe.region.Region;
import org.wushe.shared.RegionCode;
import org.wushe.shared.RegionLevel;

/** Tells access which scope codes are real regions and what they are called. */
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

    @Override
    public Map<RegionCode, String> names(Collection<RegionCode> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        List<RegionCode> wanted = new ArrayList<>(codes);
        codes.forEach(code -> code.ancestors().stream()
                .filter(a -> a.level() == RegionLevel.COUNTY)
                .forEach(wanted::add));
        Map<RegionCode, String> found = queries
                .findAll(wanted.stream().distinct().toList())
                .stream()
                .collect(Collectors.toMap(Region::code, Region::name));
        Map<RegionCode, String> names = new LinkedHashMap<>();
        for (RegionCode code : codes) {
            if (found.containsKey(code)) {
                String district = code.level().compareTo(RegionLevel.COUNTY) > 0
                        ? code.ancestors().stream()
                                .filter(a -> a.level() == RegionLevel.COUNTY)
                                .map(found::get)
                                .findFirst()
                                .orElse(null)
                        : null;
                names.put(code, district == null ? found.get(code) : district + " " + found.get(code));
            }
        }
        return names;
    }
}
