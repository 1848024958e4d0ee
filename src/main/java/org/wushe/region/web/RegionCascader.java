package org.wushe.region.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.wushe.region.Region;
import org.wushe.region.RegionNotFoundException;
import org.wushe.region.Regions;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;
import org.wushe.shared.RegionLevel;

/**
 * What the {@code region/cascader} fragment renders: the chained lists of a chosen code, already filled in on
 * the server so a pre-filled form needs no request at all (phones on a poor network). Templates call it as
 * {@code ${@regionCascader.of(name, value, level, root)}}; it is public only because SpEL calls it.
 */
@Component("regionCascader")
public class RegionCascader {

    /** Deeper than this never happens; it guards the single-option descent against a malformed tree. */
    private static final int MAX_COLUMNS = 5;

    private final Regions regions;
    private final String configuredRoot;

    RegionCascader(Regions regions, @Value("${wushe.region.cascader-root:}") String configuredRoot) {
        this.regions = regions;
        this.configuredRoot = configuredRoot == null ? "" : configuredRoot.strip();
    }

    /**
     * @param value the code to pre-select (any object whose text is a code; blank, malformed, unknown or outside
     *              the root pre-selects nothing but is kept, so the server's own validation reports it)
     * @param level how deep a choice must go: VILLAGE, TOWNSHIP, COUNTY (or CITY, PROVINCE)
     * @param root  the region whose children the first list shows; blank = the configured root or the country
     */
    public View of(String name, Object value, String level, Object root) {
        RegionLevel required = RegionLevel.valueOf(
                level == null || level.isBlank() ? "VILLAGE" : level.strip().toUpperCase(Locale.ROOT));
        String rootText = root == null || root.toString().isBlank()
                ? configuredRoot
                : root.toString().strip();
        Optional<RegionCode> rootCode = rootText.isEmpty() ? Optional.empty() : Optional.of(RegionCode.parse(rootText));
        String raw = value == null ? "" : value.toString().strip();

        List<Column> columns = new ArrayList<>();
        List<Region> options = rootCode.map(regions::children).orElseGet(regions::provinces);
        for (Region chosen : lineageBelow(raw, rootCode)) {
            if (options.stream().noneMatch(o -> o.code().equals(chosen.code()))) {
                break; // the tree changed under the stored value: show what can be chosen instead
            }
            columns.add(Column.of(options, chosen.code().value()));
            options = chosen.hasChildren() ? regions.children(chosen.code()) : List.of();
        }
        // A list with a single choice (上海市's 市辖区) is chosen for the user, as the script does too.
        while (options.size() == 1 && columns.size() < MAX_COLUMNS) {
            Region only = options.get(0);
            columns.add(Column.of(options, only.code().value()));
            options = only.hasChildren() ? regions.children(only.code()) : List.of();
        }
        if (!options.isEmpty()) {
            columns.add(Column.of(options, ""));
        }
        String chosen = columns.stream()
                .map(Column::selected)
                .filter(s -> !s.isEmpty())
                .reduce((a, b) -> b)
                .orElse("");
        return new View(
                name,
                "cascader-" + name.replaceAll("[^A-Za-z0-9_-]", "-"),
                raw.isEmpty() ? chosen : raw,
                required.name(),
                digits(required),
                rootCode.map(RegionCode::value).orElse(""),
                columns);
    }

    private List<Region> lineageBelow(String raw, Optional<RegionCode> root) {
        if (raw.isEmpty()) {
            return List.of();
        }
        try {
            RegionCode code = RegionCode.parse(raw);
            if (root.isPresent() && (!root.get().contains(code) || root.get().equals(code))) {
                return List.of();
            }
            return regions.lineage(code).stream()
                    .filter(r -> root.isEmpty()
                            || !r.code().equals(root.get()) && root.get().contains(r.code()))
                    .toList();
        } catch (InvalidValueException | RegionNotFoundException e) {
            return List.of();
        }
    }

    private static int digits(RegionLevel level) {
        return switch (level) {
            case VILLAGE -> 12;
            case TOWNSHIP -> 9;
            default -> 6;
        };
    }

    /** The fragment's model: field name, element id, submitted value, required depth, root and the lists. */
    public record View(
            String name, String id, String value, String level, int digits, String root, List<Column> columns) {}

    /** One {@code <select>}: its options (one level of the tree) and the chosen code, blank if none. */
    public record Column(String level, String selected, List<Option> options) {
        static Column of(List<Region> regions, String selected) {
            return new Column(
                    regions.get(0).level().name(),
                    selected,
                    regions.stream()
                            .map(r -> new Option(r.code().value(), r.name(), r.hasChildren()))
                            .toList());
        }
    }

    public record Option(String code, String name, boolean hasChildren) {}
}
