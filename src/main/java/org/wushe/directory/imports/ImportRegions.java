package org.wushe.directory.imports;

import java.util.HashMap;
import java.util.Map;
import org.wushe.access.DataScope;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * The region cells of one import run: each code is looked up once, and a region written to must lie in the
 * importer's data scope. Made by {@link ImportSupport#regions}.
 */
public final class ImportRegions {

    private final ImportSupport support;
    private final DataScope scope;
    private final Map<String, Boolean> known = new HashMap<>();

    ImportRegions(ImportSupport support, DataScope scope) {
        this.support = support;
        this.scope = scope;
    }

    /** Whether the region exists. */
    public boolean known(RegionCode code) {
        return known.computeIfAbsent(code.value(), k -> support.regionExists(code));
    }

    /** A region cell: required, a known code, inside the scope; the keys name the list's own messages. */
    public RegionCode inScope(String raw, String requiredKey, String unknownKey) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException(requiredKey);
        }
        RegionCode code = RegionCode.parse(raw);
        if (!known(code)) {
            throw new InvalidValueException(unknownKey, code.value());
        }
        if (!scope.contains(code)) {
            throw new InvalidValueException("directory.organisation.region.outOfScope", code.value());
        }
        return code;
    }
}
