package org.wushe.region;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.wushe.access.CurrentUser;
import org.wushe.access.DataScope;
import org.wushe.platform.PickerOption;
import org.wushe.region.internal.RegionQueries;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;
import org.wushe.shared.RegionLevel;

/**
 * Choosing the regions someone serves by name instead of by code (an organisation's served regions, a volunteer's
 * communities): the search-as-you-type picker's options — districts, streets/towns and communities whose name
 * contains the text, the ancestors as the detail — and the resolution of what its field submitted. Staff search
 * in their data scope; the public volunteer page searches every region (names of places are public). An option's
 * id is the region code as a number (codes have no leading zero).
 */
@Service
public class RegionPicker {

    /** At most this many options answer a search. */
    public static final int LIMIT = 15;

    static final int MAX_TEXT = 50;

    /** Enough rows to see whether an exact name is unique (the search puts exact names first). */
    static final int EXACT_LIMIT = 100;

    /** Served regions are districts, streets/towns or communities, never a province or a city. */
    private static final Set<RegionLevel> LEVELS =
            Set.of(RegionLevel.COUNTY, RegionLevel.TOWNSHIP, RegionLevel.VILLAGE);

    private final RegionQueries queries;
    private final CurrentUser currentUser;

    RegionPicker(RegionQueries queries, CurrentUser currentUser) {
        this.queries = queries;
        this.currentUser = currentUser;
    }

    /** The options for signed-in staff: regions of their data scope. */
    public List<PickerOption> pickInScope(String text) {
        return options(matches(text, roots(currentUser.scope()), LIMIT));
    }

    /** The options for the public pages: any region. */
    public List<PickerOption> pickPublic(String text) {
        return options(matches(text, List.of(Optional.empty()), LIMIT));
    }

    /**
     * What a picker field submitted, as region codes: each token a code (kept as it is; the form's validation
     * checks it exists), or the exact name of one region — in the caller's scope when {@code scoped}, else under
     * {@code near}'s district when given (a volunteer's home street), else anywhere. An unknown or ambiguous name
     * is refused with {@code picker.region.unknown / .ambiguous}.
     */
    public List<String> resolve(List<String> tokens, boolean scoped, RegionCode near) {
        List<String> codes = new ArrayList<>();
        for (String token : tokens) {
            String t = token.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.matches("\\d{6,12}")) {
                codes.add(t);
                continue;
            }
            List<Optional<RegionCode>> within =
                    scoped ? roots(currentUser.scope()) : List.of(Optional.ofNullable(district(near)));
            List<RegionMatch> named = t.length() > MAX_TEXT
                    ? List.of()
                    : matches(t, within, EXACT_LIMIT).stream()
                            .filter(m -> m.region().name().equals(t))
                            .toList();
            if (named.size() > 1) {
                throw new InvalidValueException("picker.region.ambiguous", t);
            }
            codes.add(named.stream()
                    .findFirst()
                    .orElseThrow(() -> new InvalidValueException(
                            "picker.region.unknown", t.length() > MAX_TEXT ? t.substring(0, 20) + "…" : t))
                    .region()
                    .code()
                    .value());
        }
        return codes;
    }

    private static RegionCode district(RegionCode near) {
        if (near == null) {
            return null;
        }
        return near.level() == RegionLevel.PROVINCE || near.level() == RegionLevel.CITY
                ? near
                : RegionCode.parse(near.value().substring(0, 6));
    }

    private static List<Optional<RegionCode>> roots(DataScope scope) {
        if (scope.wholeCountry()) {
            return List.of(Optional.empty());
        }
        return scope.regions().stream().map(Optional::of).toList();
    }

    private List<RegionMatch> matches(String text, List<Optional<RegionCode>> roots, int limit) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > MAX_TEXT) {
            return List.of();
        }
        List<RegionMatch> found = new ArrayList<>();
        for (Optional<RegionCode> root : roots) {
            // a few more than asked: provinces and cities are left out afterwards
            queries.search(t, root, limit * 2).stream()
                    .filter(m -> LEVELS.contains(m.region().level()))
                    .forEach(found::add);
        }
        return found.stream().limit(limit).toList();
    }

    /** The full name without the region's own name at its end: 上海市 / 市辖区 / 徐汇区. */
    private static String ancestors(RegionMatch m) {
        String suffix = " / " + m.region().name();
        return m.fullName().endsWith(suffix)
                ? m.fullName().substring(0, m.fullName().length() - suffix.length())
                : m.fullName();
    }

    private static List<PickerOption> options(List<RegionMatch> matches) {
        return matches.stream()
                .map(m -> new PickerOption(
                        Long.parseLong(m.region().code().value()), m.region().name(), ancestors(m)))
                .toList();
    }
}
