package org.wushe.residents.verification;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.wushe.access.DataScope;
import org.wushe.region.Region;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;
import org.wushe.shared.RegionLevel;

/**
 * Decides the community of a list row. With a community code: it must be a known 12-digit community inside the
 * campaign's region and the importer's scope (cached per code: a list has thousands of rows per community).
 * Without one: the address must name exactly one community of the campaign's region (its name without the
 * 居委会/村委会 suffix, e.g. “云南中路” in “黄浦区云南中路居委会12号”); otherwise the row is rejected — a guess
 * would send a person to the wrong community's staff. Address look-up needs a campaign region of district level
 * or below (the community names are loaded once, on the first row that needs them).
 */
final class CommunityResolver {

    private static final String[] SUFFIXES = {"社区居民委员会", "居民委员会", "村民委员会", "社区居委会", "居委会", "村委会", "社区"};

    private final RegionCode campaignRegion;
    private final DataScope scope;
    private final Predicate<RegionCode> known;
    private final Function<RegionCode, List<Region>> children;
    private final Map<String, Object> byCode = new HashMap<>();
    private Map<String, String> byName;

    CommunityResolver(
            RegionCode campaignRegion,
            DataScope scope,
            Predicate<RegionCode> known,
            Function<RegionCode, List<Region>> children) {
        this.campaignRegion = campaignRegion;
        this.scope = scope;
        this.known = known;
        this.children = children;
    }

    /** The community's 12-digit code; @throws InvalidValueException why the row has no community we may use */
    String resolve(String code, String address) {
        if (!code.isEmpty()) {
            Object result = byCode.computeIfAbsent(code, this::check);
            if (result instanceof InvalidValueException problem) {
                throw problem;
            }
            return (String) result;
        }
        String found = address.isEmpty() ? null : byAddress(address);
        if (found == null) {
            throw new InvalidValueException("residents.campaign.import.community.unresolved");
        }
        return found;
    }

    private Object check(String raw) {
        try {
            RegionCode code = RegionCode.parse(raw);
            if (code.level() != RegionLevel.VILLAGE) {
                return new InvalidValueException("residents.campaign.import.community.level", raw);
            }
            if (!campaignRegion.contains(code)) {
                return new InvalidValueException(
                        "residents.campaign.import.community.outside", raw, campaignRegion.value());
            }
            if (!scope.contains(code)) {
                return new InvalidValueException("residents.campaign.import.community.outOfScope", raw);
            }
            if (!known.test(code)) {
                return new InvalidValueException("residents.campaign.import.community.unknown", raw);
            }
            return code.value();
        } catch (InvalidValueException e) {
            return e;
        }
    }

    private String byAddress(String address) {
        if (byName == null) {
            byName = loadNames();
        }
        List<String> found = new ArrayList<>(2);
        for (String name : byName.keySet()) {
            if (address.contains(name)) {
                found.add(name);
            }
        }
        // "云南中路100弄" names 云南中路, not also 云南: a match inside a longer match does not count
        found.removeIf(n -> found.stream().anyMatch(other -> other.length() > n.length() && other.contains(n)));
        if (found.size() != 1 || byName.get(found.get(0)).isEmpty()) {
            return null; // none, two communities, or a name two communities share: ambiguous
        }
        return byName.get(found.get(0));
    }

    /** Core name → community code (“” where two communities of the region share the name). */
    private Map<String, String> loadNames() {
        Map<String, String> names = new HashMap<>();
        if (campaignRegion.level().ordinal() < RegionLevel.COUNTY.ordinal()) {
            return names;
        }
        ArrayDeque<RegionCode> todo = new ArrayDeque<>(List.of(campaignRegion));
        while (!todo.isEmpty()) {
            for (Region child : children.apply(todo.pop())) {
                if (child.level() == RegionLevel.VILLAGE) {
                    String core = core(child.name());
                    if (core.length() >= 2 && scope.contains(child.code())) {
                        names.merge(core, child.code().value(), (a, b) -> a.equals(b) ? a : "");
                    }
                } else if (child.hasChildren()) {
                    todo.push(child.code());
                }
            }
        }
        return names;
    }

    static String core(String name) {
        for (String suffix : SUFFIXES) {
            if (name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }
}
