package org.wushe.access;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.wushe.shared.RegionCode;

/**
 * What a caller may see: one or more region subtrees (each given by its root code) or the whole country, and
 * for organisation-bound roles one organisation. {@link #regionPredicate(String)} is the one way modules apply
 * it in SQL — a disjunction of primary-key-friendly code ranges — so no list is ever filtered in Java.
 */
public record DataScope(boolean wholeCountry, Set<RegionCode> regions, Long organisation) implements Serializable {

    public DataScope {
        regions = Set.copyOf(new TreeSet<>(regions));
    }

    /** The organisation an agency role is bound to, if any. */
    public Optional<Long> organisationId() {
        return Optional.ofNullable(organisation);
    }

    public static DataScope country() {
        return new DataScope(true, Set.of(), null);
    }

    public static DataScope of(Collection<RegionCode> regions) {
        return new DataScope(false, Set.copyOf(regions), null);
    }

    public static DataScope none() {
        return new DataScope(false, Set.of(), null);
    }

    public DataScope withOrganisation(long organisationId) {
        return new DataScope(wholeCountry, regions, organisationId);
    }

    /** This scope's regions with {@code other}'s organisation, if it has one. */
    public DataScope withOrganisationOf(DataScope other) {
        return new DataScope(wholeCountry, regions, other.organisation);
    }

    public boolean contains(RegionCode code) {
        return wholeCountry || regions.stream().anyMatch(root -> root.contains(code));
    }

    /** True when every region of {@code other} lies inside this scope (used so nobody grants wider than theirs). */
    public boolean covers(DataScope other) {
        if (wholeCountry) {
            return true;
        }
        return !other.wholeCountry && other.regions.stream().allMatch(this::contains);
    }

    /**
     * A SQL condition on a region-code column (C-collated text), with named parameters prefixed {@code scope_}:
     * {@code (col >= :scope_lo0 and col < :scope_hi0) or …}; {@code true} for the whole country and
     * {@code false} for an empty scope.
     */
    public ScopePredicate regionPredicate(String column) {
        if (wholeCountry) {
            return new ScopePredicate("true", Map.of());
        }
        if (regions.isEmpty()) {
            return new ScopePredicate("false", Map.of());
        }
        List<String> ranges = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        int i = 0;
        for (RegionCode root : new TreeSet<>(regions)) {
            ranges.add("(" + column + " >= :scope_lo" + i + " and " + column + " < :scope_hi" + i + ")");
            params.put("scope_lo" + i, root.prefix());
            params.put("scope_hi" + i, root.subtreeUpperBound());
            i++;
        }
        return new ScopePredicate("(" + String.join(" or ", ranges) + ")", params);
    }

    /** A SQL condition text and its named parameters, to add to a JdbcClient query. */
    public record ScopePredicate(String sql, Map<String, Object> params) {}
}
