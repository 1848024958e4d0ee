package org.wushe.statistics.dashboard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.wushe.access.CurrentUser;
import org.wushe.access.RoleGroup;
import org.wushe.platform.ChinaTime;

/**
 * The dashboard's headline figures over the caller's whole scope and its default period (the last 30 days), for
 * the workbench on the home page: the same two queries as the dashboard's top row, none of its charts.
 */
@Component
public class Headline {

    private final LedgerFigures ledger;
    private final LiveFigures live;
    private final CurrentUser currentUser;
    private final Clock clock;

    Headline(LedgerFigures ledger, LiveFigures live, CurrentUser currentUser, Clock clock) {
        this.ledger = ledger;
        this.live = live;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * @param directory the directory's counts by key (agencies, stations, socialWorkers, qualified, partyMembers,
     *     volunteers), as on the dashboard
     */
    public record Figures(
            LocalDate from,
            LocalDate to,
            long personTimes,
            long records,
            BigDecimal hours,
            Map<String, Long> directory) {}

    @PreAuthorize(RoleGroup.Guard.STATISTICS_READERS)
    public Figures figures() {
        Period period = Period.lastDays(LocalDate.now(clock.withZone(ChinaTime.ZONE)));
        Area area = new Area(currentUser.scope(), null);
        LedgerFigures.Sum total = ledger.total(area, period.from(), period.to());
        return new Figures(
                period.from(), period.to(), total.personTimes(), total.records(), total.hours(), live.directory(area));
    }
}
