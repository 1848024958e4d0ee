package org.wushe.region.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.region.CommunityImportReport;
import org.wushe.region.ControlLevel;
import org.wushe.region.Region;
import org.wushe.region.Regions;
import org.wushe.region.web.RegionViews.ControlLevelRecordView;
import org.wushe.region.web.RegionViews.ControlLevelRequest;
import org.wushe.region.web.RegionViews.ControlLevelView;
import org.wushe.region.web.RegionViews.ImportReportView;
import org.wushe.region.web.RegionViews.RegionDetailView;
import org.wushe.region.web.RegionViews.RegionMatchView;
import org.wushe.region.web.RegionViews.RegionView;
import org.wushe.region.web.RegionViews.RejectionView;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

@Tag(name = "Regions", description = "GB/T 2260 administrative divisions and control levels")
@RestController
@RequestMapping("/api/v1/regions")
class RegionApiController {

    private final Regions regions;
    private final MessageSource messages;

    RegionApiController(Regions regions, MessageSource messages) {
        this.regions = regions;
        this.messages = messages;
    }

    /**
     * Lists of the tree change only when communities are imported, and the region cascader asks for them on
     * every choice from phones on slow networks: browsers and proxies may keep them for an hour.
     */
    static final CacheControl TREE_CACHE =
            CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    @Operation(summary = "Search region names (substring), or list the provinces (the tree's root) when q is absent")
    @GetMapping
    ResponseEntity<List<?>> search(
            @RequestParam Optional<String> q,
            @RequestParam Optional<RegionCode> within,
            @RequestParam(defaultValue = "20") int limit) {
        if (q.isEmpty()) {
            return ResponseEntity.ok()
                    .cacheControl(TREE_CACHE)
                    .body(regions.provinces().stream().map(RegionView::of).toList());
        }
        return ResponseEntity.ok(regions.search(q.get(), within, limit).stream()
                .map(RegionMatchView::of)
                .toList());
    }

    @Operation(summary = "One region with its ancestors up to the province")
    @GetMapping("/{code}")
    RegionDetailView get(@PathVariable RegionCode code) {
        List<Region> lineage = regions.lineage(code);
        Region region = lineage.get(lineage.size() - 1);
        RegionView view = RegionView.of(region);
        return new RegionDetailView(
                view.code(),
                view.name(),
                view.level(),
                view.parentCode(),
                view.hasChildren(),
                lineage.subList(0, lineage.size() - 1).stream()
                        .map(RegionView::of)
                        .toList(),
                regions.controlLevel(code).level().name());
    }

    @Operation(summary = "The regions directly under a region (cacheable for an hour)")
    @GetMapping("/{code}/children")
    ResponseEntity<List<RegionView>> children(@PathVariable RegionCode code) {
        return ResponseEntity.ok()
                .cacheControl(TREE_CACHE)
                .body(regions.children(code).stream().map(RegionView::of).toList());
    }

    @Operation(summary = "The control level in force (own or inherited) and the region's history")
    @GetMapping("/{code}/control-level")
    ControlLevelView controlLevel(@PathVariable RegionCode code) {
        return ControlLevelView.of(regions.controlLevel(code));
    }

    @Operation(summary = "Record a control level decision for a region and everything under it")
    @PostMapping("/{code}/control-levels")
    @ResponseStatus(HttpStatus.CREATED)
    ControlLevelRecordView setControlLevel(@PathVariable RegionCode code, @RequestBody ControlLevelRequest request) {
        return ControlLevelRecordView.of(
                regions.setControlLevel(code, parseLevel(request.level()), request.effectiveFrom(), request.reason()));
    }

    @Operation(summary = "Import 12-digit village/community codes from CSV (columns code,name)")
    @PostMapping(
            path = "/communities",
            consumes = {"text/csv", "text/plain", "application/octet-stream"})
    ImportReportView importCommunities(InputStream csv, Locale locale) throws IOException {
        return toView(regions.importCommunities(csv), messages, locale);
    }

    static ControlLevel parseLevel(String level) {
        try {
            return level == null ? null : ControlLevel.valueOf(level.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("region.controlLevel.level");
        }
    }

    static ImportReportView toView(CommunityImportReport report, MessageSource messages, Locale locale) {
        return new ImportReportView(
                report.rowsRead(),
                report.rowsWritten(),
                report.rejected().size(),
                report.rejected().stream()
                        .map(r -> new RejectionView(
                                r.line(),
                                r.value(),
                                r.messageKey(),
                                messages.getMessage(
                                        r.messageKey(), r.arguments().toArray(), r.messageKey(), locale)))
                        .toList());
    }
}
