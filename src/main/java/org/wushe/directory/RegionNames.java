package org.wushe.directory;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.wushe.access.KnownRegions;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * The names of the region codes the directory's pages and exports show (issue 15: names instead of codes): one
 * query per page, a cache per export. A code that names no region (or is malformed) maps to nothing, so callers
 * fall back to the code.
 */
@Component
public class RegionNames {

    private final KnownRegions regions;

    RegionNames(KnownRegions regions) {
        this.regions = regions;
    }

    /** Code → name for these codes (nulls and unknown codes left out), in one query. */
    public Map<String, String> of(Collection<String> codes) {
        Map<RegionCode, String> wanted = new LinkedHashMap<>();
        codes.stream().filter(Objects::nonNull).distinct().forEach(c -> {
            try {
                wanted.put(RegionCode.parse(c.strip()), c);
            } catch (InvalidValueException e) {
                // not a code: nothing to name
            }
        });
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new HashMap<>();
        regions.names(wanted.keySet()).forEach((code, name) -> names.put(wanted.get(code), name));
        return names;
    }

    /** A name for a code, looked up once per code (for exports that stream rows); the code itself if unknown. */
    public Function<String, String> cached() {
        Map<String, String> cache = new HashMap<>();
        return code -> code == null
                ? null
                : cache.computeIfAbsent(code, c -> of(List.of(c)).getOrDefault(c, c));
    }
}
