package org.wushe.statistics.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.wushe.access.CurrentUser;
import org.wushe.access.RoleGroup;
import org.wushe.platform.ChinaTime;
import org.wushe.region.Region;
import org.wushe.region.Regions;
import org.wushe.shared.RegionCode;
import org.wushe.shared.RegionLevel;

/**
 * Builds the dashboard for the caller: its figures and its charts, for an area of their scope and a period. Public
 * for the benchmark (P5), which measures it as the page and the API call it.
 */
@Component
public class Dashboard {

    private final LedgerFigures ledger;
    private final LiveFigures live;
    private final Regions regions;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final Clock clock;

    Dashboard(
            LedgerFigures ledger,
            LiveFigures live,
            Regions regions,
            CurrentUser currentUser,
            MessageSource messages,
            Clock clock) {
        this.ledger = ledger;
        this.live = live;
        this.regions = regions;
        this.currentUser = currentUser;
        this.messages = messages;
        this.clock = clock;
    }

    public record View(
            RegionCode region,
            Instant asOf,
            Period period,
            List<Region> lineage,
            LedgerFigures.Sum total,
            Map<String, Long> directory,
            List<Chart> charts) {}

    /** The dashboard of {@code region} (null: the caller's whole scope), which must lie inside their scope. */
    @PreAuthorize(RoleGroup.Guard.STATISTICS_READERS)
    public View view(RegionCode asked, Period period, Locale locale) {
        RegionCode region = asked != null ? asked : soleRoot();
        Area area = area(region);
        Instant now = clock.instant();
        List<Chart> charts = charts(area, period, locale, now).values().stream()
                .map(Supplier::get)
                .toList();
        return new View(
                region,
                now,
                period,
                region == null ? List.of() : regions.lineage(region),
                ledger.total(area, period.from(), period.to()),
                live.directory(area),
                charts);
    }

    /** One chart of the dashboard by its id (for its download), or null; only that chart is counted. */
    @PreAuthorize(RoleGroup.Guard.STATISTICS_READERS)
    Chart chart(String id, RegionCode asked, Period period, Locale locale) {
        Area area = area(asked != null ? asked : soleRoot());
        Supplier<Chart> chart = charts(area, period, locale, clock.instant()).get(id);
        return chart == null ? null : chart.get();
    }

    /** The charts in page order, each counted only when asked for. */
    private Map<String, Supplier<Chart>> charts(Area area, Period period, Locale locale, Instant now) {
        Instant from = period.from().atStartOfDay(ChinaTime.ZONE).toInstant();
        Instant to = period.to().plusDays(1).atStartOfDay(ChinaTime.ZONE).toInstant();
        Labels labels = new Labels(messages, locale);
        Map<String, Supplier<Chart>> charts = new LinkedHashMap<>();
        charts.put(
                "byKind",
                () -> services(
                        "byKind",
                        "bar",
                        ledger.byKind(area, period.from(), period.to()),
                        s -> labels.of("statistics.service.", s.key()),
                        s -> null,
                        s -> null));
        charts.put(
                "byDay",
                () -> services(
                        "byDay",
                        "line",
                        ledger.byDay(area, period.from(), period.to()),
                        LedgerFigures.Sum::key,
                        s -> null,
                        s -> null));
        charts.put("byRegion", () -> regionChart(area, period));
        charts.put(
                "requestsByCategory",
                () -> counts(
                        "requestsByCategory",
                        "bar",
                        live.requestsBy("category", area, from, to),
                        k -> labels.of("requests.category.", k)));
        charts.put(
                "requestsByPriority",
                () -> counts("requestsByPriority", "bar", live.requestsBy("priority", area, from, to), k -> k));
        charts.put(
                "firstContact",
                () -> counts(
                        "firstContact",
                        "pie",
                        live.firstContact(area, from, to, now),
                        k -> labels.of("statistics.firstContact.", k)));
        charts.put(
                "verification",
                () -> counts(
                        "verification",
                        "pie",
                        live.verification(area),
                        k -> labels.of(
                                "PENDING".equals(k) ? "statistics.verification." : "residents.campaign.outcome.", k)));
        charts.put(
                "residentsByCategory",
                () -> counts(
                        "residentsByCategory",
                        "bar",
                        live.residentsByCategory(area),
                        k -> labels.of("residents.category.", k)));
        charts.put(
                "residentsByRisk",
                () -> counts(
                        "residentsByRisk",
                        "pie",
                        live.residentsByRisk(area),
                        k -> "UNASSESSED".equals(k)
                                ? labels.of("residents.risk.none", "")
                                : labels.of("residents.risk.", k)));
        charts.put(
                "socialWorkersByQualification",
                () -> counts(
                        "socialWorkersByQualification",
                        "bar",
                        live.socialWorkersByQualification(area),
                        k -> labels.of("directory.qualification.", k)));
        return charts;
    }

    /** By the regions one level down; a level with one region only (上海市 → 市辖区) is passed over. */
    private Chart regionChart(Area area, Period period) {
        Area grouping = new Area(area.scope(), soleChildBelow(area.region()));
        Map<String, String> names = childNames(grouping);
        return services(
                "byRegion",
                "bar",
                ledger.byChild(grouping, period.from(), period.to()),
                s -> names.getOrDefault(s.key(), s.key()),
                s -> code(s.key()),
                s -> grouping.childDigits() < 12 ? drill(s.key(), period) : null);
    }

    /** The root of a caller's scope when it is one region (a street's staff start at their street). */
    private RegionCode soleRoot() {
        var scope = currentUser.scope();
        return !scope.wholeCountry() && scope.regions().size() == 1
                ? scope.regions().iterator().next()
                : null;
    }

    private RegionCode soleChildBelow(RegionCode region) {
        RegionCode at = region;
        while (at != null && at.level() != RegionLevel.VILLAGE) {
            List<Region> children = regions.children(at);
            if (children.size() != 1) {
                break;
            }
            at = children.get(0).code();
        }
        return at;
    }

    private Area area(RegionCode region) {
        if (region != null && !currentUser.scope().contains(region)) {
            throw new OutsideScopeException(region);
        }
        return new Area(currentUser.scope(), region);
    }

    private Map<String, String> childNames(Area area) {
        List<Region> children = area.region() == null ? regions.provinces() : regions.children(area.region());
        Map<String, String> names = new HashMap<>();
        for (Region r : children) {
            names.put(r.code().prefix(), r.name());
        }
        return names;
    }

    private static String drill(String prefix, Period period) {
        return UriComponentsBuilder.fromPath("/statistics")
                .queryParam("region", code(prefix))
                .queryParam("from", period.from())
                .queryParam("to", period.to())
                .build()
                .toUriString();
    }

    /** A region's code from its significant digits: 31 → 310000, 3101 → 310100; longer ones as they are. */
    private static String code(String prefix) {
        return prefix.length() < 6 ? (prefix + "0000").substring(0, 6) : prefix;
    }

    private static Chart services(
            String id,
            String type,
            List<LedgerFigures.Sum> sums,
            Function<LedgerFigures.Sum, String> label,
            Function<LedgerFigures.Sum, String> hint,
            Function<LedgerFigures.Sum, String> link) {
        return new Chart(
                id,
                "statistics.chart." + id,
                type,
                List.of("statistics.column.personTimes", "statistics.column.records", "statistics.column.hours"),
                sums.stream()
                        .map(s -> new Chart.Row(
                                label.apply(s),
                                hint.apply(s),
                                link.apply(s),
                                List.of(s.personTimes(), s.records(), s.hours())))
                        .toList());
    }

    private static Chart counts(
            String id, String type, List<LiveFigures.Count> counts, Function<String, String> label) {
        return new Chart(
                id,
                "statistics.chart." + id,
                type,
                List.of("statistics.column.count"),
                counts.stream()
                        .map(c -> new Chart.Row(label.apply(c.key()), null, null, List.of(c.count())))
                        .toList());
    }

    /** Labels of stored enum names in the reader's language; a name without a label is shown as it is. */
    private record Labels(MessageSource messages, Locale locale) {
        String of(String prefix, String key) {
            return messages.getMessage(prefix + key, null, key, locale);
        }
    }
}
