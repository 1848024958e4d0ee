package org.wushe.statistics.reports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.wushe.access.DataScope;
import org.wushe.region.Region;
import org.wushe.region.RegionNotFoundException;
import org.wushe.region.Regions;
import org.wushe.shared.RegionCode;
import org.wushe.shared.RegionLevel;

/**
 * Which rows a report has and what they are called: every region of the row level inside the area (a district with
 * nothing to count still gets its row of zeros, as a bureau's table lists all its districts), plus any row the
 * figures name that the region table lacks.
 */
@Component
class ReportRows {

    private final Regions regions;
    private final MessageSource messages;

    ReportRows(Regions regions, MessageSource messages) {
        this.regions = regions;
        this.messages = messages;
    }

    /** Districts for a city or more, streets for a district, communities for a street or a community. */
    static RegionLevel level(RegionCode base) {
        if (base == null) {
            return RegionLevel.COUNTY;
        }
        return switch (base.level()) {
            case PROVINCE, CITY -> RegionLevel.COUNTY;
            case COUNTY -> RegionLevel.TOWNSHIP;
            case TOWNSHIP, VILLAGE -> RegionLevel.VILLAGE;
        };
    }

    static int digits(RegionLevel level) {
        return switch (level) {
            case PROVINCE -> 2;
            case CITY -> 4;
            case COUNTY -> 6;
            case TOWNSHIP -> 9;
            case VILLAGE -> 12;
        };
    }

    /** The rows in code order, each with its figures (none: zeros). */
    List<ReportWorkbook.Line> lines(
            RegionCode base, DataScope scope, Map<String, Map<String, Number>> figures, Locale locale) {
        RegionLevel level = level(base);
        Map<String, String> names = new TreeMap<>();
        Collection<RegionCode> roots = base != null
                ? List.of(base)
                : scope.wholeCountry()
                        ? regions.provinces().stream().map(Region::code).toList()
                        : scope.regions();
        for (RegionCode root : roots) {
            collect(root, level, names);
        }
        // putIfAbsent, not computeIfAbsent: a mapping function that returns null records nothing, and the figures
        // of a row the region table lacks (a service recorded at the street itself) would vanish, total included
        figures.keySet().forEach(key -> names.putIfAbsent(key, null));
        List<ReportWorkbook.Line> lines = new ArrayList<>();
        names.forEach((key, name) -> lines.add(
                new ReportWorkbook.Line(label(key, name, level, locale), key, figures.getOrDefault(key, Map.of()))));
        return lines;
    }

    private void collect(RegionCode at, RegionLevel level, Map<String, String> names) {
        if (at.level().ordinal() >= level.ordinal()) {
            String key = at.value().substring(0, digits(level));
            names.putIfAbsent(key, key.equals(at.value()) ? regions.get(at).name() : null);
            return;
        }
        for (Region child : regions.children(at)) {
            collect(child.code(), level, names);
        }
    }

    /** A row of an upper level (an organisation registered at the district itself) is marked as its own level. */
    private String label(String key, String name, RegionLevel level, Locale locale) {
        String known = name != null ? name : nameOf(key);
        RegionCode code = RegionCode.parse(key);
        if (code.level().ordinal() < level.ordinal()) {
            return messages.getMessage("statistics.report.ownLevel", new Object[] {known}, locale);
        }
        return known;
    }

    private String nameOf(String key) {
        try {
            return regions.get(RegionCode.parse(key)).name();
        } catch (RegionNotFoundException e) {
            return key;
        }
    }
}
