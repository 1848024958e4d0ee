package org.wushe.statistics.reports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.access.DataScope;
import org.wushe.access.RoleGroup;
import org.wushe.platform.ChinaTime;
import org.wushe.region.Region;
import org.wushe.region.Regions;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.RegionCode;
import org.wushe.statistics.dashboard.Area;
import org.wushe.statistics.dashboard.OutsideScopeException;

/** The bureau's daily and monthly reports of the caller's scope: counted, laid out by the template, audited. */
@Component
class Reports {

    private static final Set<String> PLACEHOLDER_NAMES = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ReportFigures figures;
    private final ReportRows rows;
    private final ReportTemplates templates;
    private final Regions regions;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reports(
            ReportFigures figures,
            ReportRows rows,
            ReportTemplates templates,
            Regions regions,
            CurrentUser currentUser,
            MessageSource messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.figures = figures;
        this.rows = rows;
        this.templates = templates;
        this.regions = regions;
        this.currentUser = currentUser;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** A report counted and ready to be written; its file name says what it is. */
    record Report(String fileName, byte[] template, Map<String, String> texts, List<ReportWorkbook.Line> lines) {

        void writeTo(OutputStream out) throws IOException {
            Map<String, Number> sums = new HashMap<>();
            lines.forEach(line -> line.figures().forEach((k, v) -> sums.merge(k, v, ReportFigures::sum)));
            var total = new ReportWorkbook.Line(texts.get("total"), null, sums);
            ReportWorkbook.fill(new ByteArrayInputStream(template), texts, lines, total, out);
        }
    }

    /**
     * The report of {@code asked} (null: the caller's whole scope), which must lie inside their scope. Every figure is
     * read in one snapshot, so the rows add up to the total however busy the city is.
     */
    @PreAuthorize(RoleGroup.Guard.STATISTICS_READERS)
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Report prepare(ReportPeriod period, RegionCode asked, Locale locale) {
        DataScope scope = currentUser.scope();
        if (asked != null && !scope.contains(asked)) {
            throw new OutsideScopeException(asked);
        }
        RegionCode base = asked != null ? asked : soleRoot(scope);
        String areaName =
                base != null ? areaName(base) : messages.getMessage("statistics.report.area.all", null, locale);
        Instant now = clock.instant();
        var level = ReportRows.level(base);
        var counted = figures.count(new Area(scope, base), ReportRows.digits(level), period, now);
        Map<String, String> texts = Map.of(
                "area", areaName,
                "period", period.label(),
                "generatedAt", MINUTES.format(now.atZone(ChinaTime.ZONE)),
                "level", messages.getMessage("statistics.report.level." + level, null, locale),
                "total", messages.getMessage("statistics.report.total", null, locale));
        byte[] template = templates.load(period.kind(), locale);
        List<ReportWorkbook.Line> lines = rows.lines(base, scope, counted, locale);
        String kind = period.kind().name().toLowerCase(Locale.ROOT);
        events.publishEvent(new Activity(
                now,
                currentUser.username(),
                AuditAction.EXPORT,
                "statistics_report",
                period.label(),
                base,
                currentUser.clientAddress().orElse(null),
                null,
                List.of(kind)));
        return new Report(
                "statistics-" + kind + "-" + period.label() + (base == null ? "" : "-" + base.value()) + ".xlsx",
                template,
                texts,
                lines);
    }

    /** The region's name, or its parent's for the placeholder levels of GB/T 2260 (上海市 → 市辖区 is 上海市). */
    private String areaName(RegionCode base) {
        List<Region> lineage = regions.lineage(base);
        for (int i = lineage.size() - 1; i > 0; i--) {
            if (!PLACEHOLDER_NAMES.contains(lineage.get(i).name())) {
                return lineage.get(i).name();
            }
        }
        return lineage.get(0).name();
    }

    /** A scope of one region starts there (a street's staff get their street's communities). */
    private static RegionCode soleRoot(DataScope scope) {
        return !scope.wholeCountry() && scope.regions().size() == 1
                ? scope.regions().iterator().next()
                : null;
    }
}
