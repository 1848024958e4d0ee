package org.wushe.requests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.wushe.region.Region;
import org.wushe.region.Regions;
import org.wushe.shared.RegionCode;
import org.wushe.shared.RegionLevel;

/**
 * The module's places: intake offers them, the worklist and the request page name them. The places a resident
 * can choose on the intake page are every community (or, where no communities are loaded,
 * every street/town) under the configured city ({@code wushe.requests.city}), grouped by district. Loaded once
 * and kept in memory, so the intake page and the submit path validate the community without a query.
 */
@Component
public class IntakePlaces {

    public record Place(String code, String label) {}

    private final Regions regions;
    private final String city;
    private volatile Map<String, List<Place>> byDistrict;
    private volatile Set<String> codes;
    private volatile Map<String, String> labels;

    IntakePlaces(Regions regions, @Value("${wushe.requests.city:310100}") String city) {
        this.regions = regions;
        this.city = city;
    }

    public Map<String, List<Place>> byDistrict() {
        load();
        return byDistrict;
    }

    /** The configured city: the root of the staff page's region cascader. */
    public String city() {
        return city;
    }

    public boolean contains(RegionCode code) {
        load();
        return codes.contains(code.value());
    }

    /**
     * What staff read for a request's place: district, street and community names (the code itself for a place
     * no longer in the list). From the same in-memory list, so a page of requests costs no query.
     */
    public String label(RegionCode code) {
        load();
        return labels.getOrDefault(code.value(), code.value());
    }

    /** Forgets the list (after communities were imported). */
    public void refresh() {
        byDistrict = null;
    }

    private synchronized void load() {
        if (byDistrict != null) {
            return;
        }
        Map<String, List<Place>> grouped = new LinkedHashMap<>();
        Set<String> all = new HashSet<>();
        Map<String, String> named = new HashMap<>();
        for (Region district : regions.children(RegionCode.parse(city))) {
            List<Place> places = new ArrayList<>();
            for (Region street : district.hasChildren() ? regions.children(district.code()) : List.<Region>of()) {
                all.add(street.code()
                        .value()); // a street is accepted too, when the resident is unsure of the community
                named.put(street.code().value(), district.name() + " " + street.name());
                List<Region> communities = street.hasChildren() ? regions.children(street.code()) : List.of();
                if (communities.isEmpty() || street.level() != RegionLevel.TOWNSHIP) {
                    places.add(new Place(street.code().value(), street.name()));
                } else {
                    communities.forEach(c -> places.add(new Place(c.code().value(), street.name() + " · " + c.name())));
                }
            }
            places.forEach(p -> all.add(p.code()));
            places.forEach(p -> named.put(p.code(), district.name() + " " + p.label()));
            if (!places.isEmpty()) {
                grouped.put(district.name(), List.copyOf(places));
            }
        }
        codes = Set.copyOf(all);
        labels = Map.copyOf(named);
        byDistrict = grouped;
    }
}
