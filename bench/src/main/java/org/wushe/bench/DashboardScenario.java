package org.wushe.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ApplicationContext;
import org.wushe.access.Role;
import org.wushe.platform.ChinaTime;
import org.wushe.shared.RegionCode;
import org.wushe.statistics.dashboard.Dashboard;
import org.wushe.statistics.dashboard.Period;
import org.wushe.statistics.ledger.RollupRebuild;

/**
 * P5: the bureau's dashboard over {@code records} service records. The records are generated set-wise straight
 * into the ledger (a year of days, Shanghai's streets, the kinds of service), the roll-ups are built by the
 * product's own rebuild (timed, in rows/s, against a plain GROUP BY of the same rows), then the dashboard is asked
 * for as the civil-affairs admin of 上海市 (all charts, every figure) and compared with the roll-up query alone.
 */
final class DashboardScenario {

    static final String KEY = "bench-p5-";

    private final ApplicationContext context;
    private final BenchDatabase db;
    private final BenchSettings settings;

    DashboardScenario(ApplicationContext context, BenchDatabase db, BenchSettings settings) {
        this.context = context;
        this.db = db;
        this.settings = settings;
    }

    List<Measurement> run(long records, List<String> streets) throws Exception {
        List<Measurement> out = new ArrayList<>();
        db.jdbc.update("delete from statistics_service_ledger where source_key like '" + KEY + "%'");
        long began = System.nanoTime();
        db.jdbc.update("""
                insert into statistics_service_ledger (source, source_key, service_type, community_code, occurred_at,
                    day, organisation_kind, person_times, hours, recorded_at)
                select 'VISIT', ? || g,
                       (array['PSYCHOLOGICAL_COUNSELLING', 'EMOTIONAL_SUPPORT', 'MATERIAL_SUPPORT',
                              'PREVENTION_EDUCATION', 'HEALTH_CARE', 'HARDSHIP_RELIEF', 'VISIT', 'CHECK_IN',
                              'VERIFICATION', 'CASE_SESSION', 'VOLUNTEER_SHIFT'])[1 + g % 11],
                       s.codes[1 + (g * 7919) % array_length(s.codes, 1)],
                       now() - make_interval(days => (g % 365)::int),
                       (now() - make_interval(days => (g % 365)::int))::date,
                       (array['STATION', 'AGENCY', 'COMMUNITY_COMMITTEE', 'NONE'])[1 + g % 4],
                       1 + g % 3, (g % 5) * 0.5, now()
                from generate_series(1, ?) g, (select ?::text[] as codes) s""", KEY, records, streets.toArray(String[]::new));
        db.execute("analyze statistics_service_ledger");
        double loadSeconds = (System.nanoTime() - began) / 1e9;
        db.checkpoint();

        long groupStart = System.nanoTime();
        // counted in the database: millions of groups fetched into the benchmark's heap would measure the JVM
        db.jdbc.queryForObject(
                "select count(*) from (select day, community_code, service_type, organisation_kind,"
                        + " count(*), sum(person_times), sum(hours) from statistics_service_ledger group by 1, 2, 3, 4) g",
                Long.class);
        double groupSeconds = (System.nanoTime() - groupStart) / 1e9;
        long total = db.jdbc.queryForObject("select count(*) from statistics_service_ledger", Long.class);
        Measurement groupBy = Measurement.baseline(
                "ledger-group-by",
                total + " ledger rows",
                total,
                groupSeconds,
                "rows/s",
                Measurement.Percentiles.NONE,
                0,
                "plain GROUP BY (day, community, kind, organisation kind) over the whole ledger, rows read and summed");
        out.add(groupBy.with("generateSeconds", loadSeconds));

        RollupRebuild rebuild = context.getBean(RollupRebuild.class);
        long rebuildStart = System.nanoTime();
        long rollupRows = rebuild.rebuild();
        double rebuildSeconds = (System.nanoTime() - rebuildStart) / 1e9;
        db.execute("analyze statistics_daily_rollup");
        Measurement rebuilt = new Measurement(
                        "P5-rollup-rebuild",
                        "scenario",
                        total + " ledger rows → " + rollupRows + " roll-up rows",
                        total,
                        rebuildSeconds,
                        total / rebuildSeconds,
                        "rows/s",
                        Measurement.Percentiles.NONE,
                        0,
                        null,
                        null,
                        null,
                        null,
                        "RollupRebuild.rebuild(): delete and insert … GROUP BY in one transaction",
                        new java.util.LinkedHashMap<>())
                .against("ledger-group-by (rows/s ratio)", groupSeconds / rebuildSeconds, null, null);
        out.add(rebuilt);

        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        Period month = Period.lastDays(today);
        ClosedLoop.Result alone = ClosedLoop.run(
                1,
                1,
                settings.closedSeconds(),
                i -> () -> db.jdbc.queryForList(
                        "select left(community_code, 6), sum(person_times) from statistics_daily_rollup"
                                + " where day between ? and ? and community_code >= '31' and community_code < '32'"
                                + " group by 1",
                        month.from(),
                        month.to()));
        out.add(RequestScaleScenarios.latencyLine(
                "rollup-query",
                rollupRows + " roll-up rows",
                alone,
                "the roll-up query alone: person-times by" + " district of 上海市, last 30 days"));
        Dashboard dashboard = context.getBean(Dashboard.class);
        BenchStaff civil = BenchStaff.as("bench-civil", Role.CIVIL_AFFAIRS_ADMIN, "310000");
        RegionCode shanghai = RegionCode.parse("310000");
        Period year = new Period(today.minusDays(364), today);
        for (Period period : List.of(month, year)) {
            ClosedLoop.Result r = ClosedLoop.run(
                    1,
                    1,
                    settings.closedSeconds(),
                    i -> () -> civil.call(() -> dashboard.view(shanghai, period, Locale.SIMPLIFIED_CHINESE)));
            String name = period == month ? "P5-dashboard-30-days" : "P5-dashboard-year";
            Measurement m = RequestScaleScenarios.latencyLine(
                    name,
                    total + " ledger rows",
                    r,
                    "Dashboard.view(上海市) as CIVIL_AFFAIRS_ADMIN: 10 charts + headline (roll-ups and live counts)");
            double ratio = m.latency().p95() / alone.latencies().percentiles().p95();
            out.add(m.against(
                    "rollup-query (p95 ratio)",
                    ratio,
                    "p95 ≤ 200 ms and ≤ 3× rollup-query",
                    m.latency().p95() <= 200 && ratio <= 3));
        }
        return out;
    }

    /** The generated records leave with the run (the owner role may delete from an append-only ledger). */
    static String cleanUp() {
        return "delete from statistics_service_ledger where source_key like '" + KEY + "%'";
    }
}
