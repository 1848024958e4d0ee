package org.wushe.region;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.access.CurrentUser;
import org.wushe.region.internal.CommunityImporter;
import org.wushe.region.internal.ControlLevelStore;
import org.wushe.region.internal.RegionQueries;
import org.wushe.shared.Activity;
import org.wushe.shared.AuditAction;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;
import org.wushe.shared.RegionLevel;

/** The division tree and control levels: what other modules and the web layer call. */
@Service
public class Regions {

    public static final int MAX_SEARCH_RESULTS = 100;
    static final int MAX_REASON = 500;

    private final RegionQueries queries;
    private final ControlLevelStore controlLevels;
    private final CommunityImporter importer;
    private final ApplicationEventPublisher events;
    private final CurrentUser currentUser;
    private final Clock clock;

    Regions(
            RegionQueries queries,
            ControlLevelStore controlLevels,
            CommunityImporter importer,
            ApplicationEventPublisher events,
            CurrentUser currentUser,
            Clock clock) {
        this.currentUser = currentUser;
        this.queries = queries;
        this.controlLevels = controlLevels;
        this.importer = importer;
        this.events = events;
        this.clock = clock;
    }

    public Region get(RegionCode code) {
        return queries.find(code).orElseThrow(() -> new RegionNotFoundException(code));
    }

    /** The region's ancestors from the province down, then the region itself. */
    public List<Region> lineage(RegionCode code) {
        Region region = get(code);
        List<Region> lineage = new ArrayList<>(queries.findAll(code.ancestors()));
        lineage.add(region);
        return lineage;
    }

    public List<Region> children(RegionCode code) {
        get(code);
        return queries.children(code);
    }

    public List<Region> provinces() {
        return queries.provinces();
    }

    /** Substring search on names; {@code within} narrows it to a subtree (needed for one common character). */
    public List<RegionMatch> search(String text, Optional<RegionCode> within, int limit) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty() || trimmed.length() > 50) {
            throw new InvalidValueException("region.search.length", 1, 50);
        }
        within.ifPresent(this::get);
        return queries.search(trimmed, within, Math.max(1, Math.min(limit, MAX_SEARCH_RESULTS)));
    }

    public Map<RegionLevel, Long> countsByLevel() {
        return queries.countsByLevel();
    }

    public ControlLevelStatus controlLevel(RegionCode code) {
        get(code);
        List<RegionCode> chain = new ArrayList<>(code.ancestors());
        chain.add(code);
        Optional<ControlLevelRecord> current =
                controlLevels.inForce(chain, clock.instant()).filter(record -> record.level() != ControlLevel.NONE);
        return new ControlLevelStatus(
                code,
                current.map(ControlLevelRecord::level).orElse(ControlLevel.NONE),
                current,
                current.map(ControlLevelRecord::regionCode).filter(c -> !c.equals(code)),
                controlLevels.history(code));
    }

    /** Records a decision; it applies to the region and everything under it from {@code effectiveFrom}. */
    @Transactional
    @PreAuthorize("hasRole('CIVIL_AFFAIRS_ADMIN')")
    public ControlLevelRecord setControlLevel(
            RegionCode code, ControlLevel level, Instant effectiveFrom, String reason) {
        get(code);
        if (!currentUser.scope().contains(code)) {
            throw new RegionNotFoundException(code); // outside the caller's scope looks the same as absent
        }
        if (level == null) {
            throw new InvalidValueException("region.controlLevel.level");
        }
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            throw new InvalidValueException("region.controlLevel.reason", MAX_REASON);
        }
        Instant from = effectiveFrom != null ? effectiveFrom : clock.instant();
        ControlLevelRecord record = controlLevels.append(code, level, from, reason.strip(), currentUser.username());
        events.publishEvent(new ControlLevelChanged(record.id(), code, level, from));
        events.publishEvent(new Activity(
                clock.instant(),
                currentUser.username(),
                AuditAction.UPDATE,
                "region",
                code.value(),
                code,
                currentUser.clientAddress().orElse(null),
                reason.strip(),
                List.of("controlLevel")));
        return record;
    }

    @PreAuthorize("hasRole('CIVIL_AFFAIRS_ADMIN')")
    @Transactional
    public CommunityImportReport importCommunities(InputStream csv) {
        CommunityImportReport report = importer.importCsv(csv, currentUser.scope()::contains);
        events.publishEvent(new Activity(
                clock.instant(),
                currentUser.username(),
                AuditAction.IMPORT,
                "region",
                null,
                null,
                currentUser.clientAddress().orElse(null),
                null,
                List.of("code", "name")));
        return report;
    }
}
