package org.wushe.statistics.workbench;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.wushe.access.CurrentUser;
import org.wushe.access.Role;
import org.wushe.access.StaffPrincipal;
import org.wushe.platform.ChinaTime;
import org.wushe.platform.HomePanel;
import org.wushe.region.RegionNotFoundException;
import org.wushe.region.Regions;
import org.wushe.shared.RegionCode;
import org.wushe.statistics.dashboard.Headline;

/**
 * The home page as a workbench, by role: station and community staff see what needs them now in their scope,
 * social workers and volunteers the requests handed to them, the bureau, association and auditor the headline
 * figures and the streets worst off. Supplied to the shell as a {@link HomePanel}, so that nobody depends on
 * statistics; every count is one query in SQL within the caller's scope, and each links to the list that shows it.
 */
@Component
class Workbench implements HomePanel {

    static final int WORST_STREETS = 5;

    private final WorkbenchQueries queries;
    private final Headline headline;
    private final Regions regions;
    private final CurrentUser currentUser;
    private final Clock clock;

    Workbench(WorkbenchQueries queries, Headline headline, Regions regions, CurrentUser currentUser, Clock clock) {
        this.queries = queries;
        this.headline = headline;
        this.regions = regions;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A count with the key of its label and the list that shows exactly those records. */
    record Tile(String key, long count, String link) {}

    /** A street of the scope with its overdue requests, linked to its dashboard. */
    record Street(String code, String name, long overdue, String link) {}

    /** headline and streets are null for roles that oversee nothing. */
    record View(List<Tile> tiles, Headline.Figures headline, List<Street> streets) {}

    @Override
    public Optional<Shown> forCaller() {
        return currentUser.principal().flatMap(this::view).map(v -> new Shown("statistics/workbench/panel", v));
    }

    private Optional<View> view(StaffPrincipal me) {
        boolean staff = me.has(Role.STATION_STAFF) || me.has(Role.COMMUNITY_STAFF);
        boolean handler = me.has(Role.SOCIAL_WORKER) || me.has(Role.VOLUNTEER);
        boolean overseer = me.has(Role.CIVIL_AFFAIRS_ADMIN) || me.has(Role.ASSOCIATION_ADMIN) || me.has(Role.AUDITOR);
        if (!staff && !handler && !overseer) {
            return Optional.empty(); // agencies and charities keep the plain home page
        }
        Instant now = clock.instant();
        List<Tile> tiles = new ArrayList<>();
        if (staff) {
            var requests = queries.requests(me.scope(), now);
            tiles.add(new Tile("p1", requests.p1(), "/requests?priority=P1&open=true"));
            tiles.add(new Tile("overdue", requests.overdue(), "/requests?overdue=true"));
            tiles.add(new Tile(
                    "verification", queries.openVerificationTasks(me.scope()), "/verification/tasks?status=OPEN"));
            tiles.add(new Tile("visits", queries.overdueVisits(me.scope(), now), "/residents/visits/overdue"));
            LocalDate today = LocalDate.ofInstant(now, ChinaTime.ZONE);
            tiles.add(new Tile("checkins", queries.missedCheckIns(me.scope(), today), "/residents/check-ins/missed"));
        } else if (handler) {
            var mine = queries.mine(me.accountId(), now);
            tiles.add(new Tile("mine", mine.open(), "/requests/mine?open=true"));
            tiles.add(new Tile("mineOverdue", mine.overdue(), "/requests/mine?overdue=true"));
            if (me.has(Role.SOCIAL_WORKER)) {
                tiles.add(new Tile("visits", queries.overdueVisits(me.scope(), now), "/residents/visits/overdue"));
            }
        }
        tiles.add(new Tile("unread", queries.unreadNotices(me.accountId()), "/inbox"));
        if (!overseer) {
            return Optional.of(new View(tiles, null, null));
        }
        List<Street> streets = queries.streetsByOverdue(me.scope(), now, WORST_STREETS).stream()
                .map(s -> new Street(s.code(), name(s.code()), s.count(), "/statistics?region=" + s.code()))
                .toList();
        return Optional.of(new View(tiles, headline.figures(), streets));
    }

    /** The street's name; its code when the register of regions does not know it (a code it never imported). */
    private String name(String code) {
        try {
            return regions.get(RegionCode.parse(code)).name();
        } catch (RegionNotFoundException e) {
            return code;
        }
    }
}
