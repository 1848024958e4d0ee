package org.wushe.statistics.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import org.wushe.access.DataScope;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * The part of the map a dashboard shows: the caller's data scope, narrowed to one region when they drilled down
 * (null: all of their scope). {@link #on(String)} is the SQL condition every figure adds, so nothing outside the
 * caller's scope is ever counted, not even in a total. Public for the {@code reports} slice, which counts the same
 * area by rows of regions.
 */
public record Area(DataScope scope, RegionCode region) {

    /**
     * The region a caller narrowed to, as typed (a code from the cascader or a link), or null for none; a value that
     * is not a region code is put into {@code refused} under {@code region} (said in place on a page, 400 by an API).
     */
    public static RegionCode typed(String raw, Map<String, InvalidValueException> refused) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return RegionCode.parse(raw.strip());
        } catch (InvalidValueException e) {
            refused.put("region", new InvalidValueException("statistics.error.region"));
            return null;
        }
    }

    /** The condition on {@code column} (a C-collated region code) and its parameters. */
    public Condition on(String column) {
        DataScope.ScopePredicate inScope = scope.regionPredicate(column);
        Map<String, Object> params = new LinkedHashMap<>(inScope.params());
        String sql = inScope.sql();
        if (region != null) {
            sql += " and " + column + " >= :area_lo and " + column + " < :area_hi";
            params.put("area_lo", region.prefix());
            params.put("area_hi", region.subtreeUpperBound());
        }
        return new Condition(sql, params);
    }

    /** How many leading digits of a community code name the next level down (2 when the area is the country). */
    int childDigits() {
        if (region == null) {
            return 2;
        }
        return switch (region.level()) {
            case PROVINCE -> 4;
            case CITY -> 6;
            case COUNTY -> 9;
            case TOWNSHIP, VILLAGE -> 12;
        };
    }

    public record Condition(String sql, Map<String, Object> params) {}
}
