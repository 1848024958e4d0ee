package org.wushe.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.springframework.context.ApplicationContext;
import org.wushe.access.Role;
import org.wushe.requests.casework.HelpRequestCases;
import org.wushe.requests.casework.Suggestions;
import org.wushe.requests.worklist.Worklist;
import org.wushe.requests.worklist.WorklistFilter;

/**
 * P3 and P4 on generated volumes ({@link ScaleData}): assignment suggestions for an open request as the station
 * staff of its district, and the worklist (first page; address substring search) of a district-scoped user,
 * each through the green channel's façade (HelpRequestCases.suggestions, Worklist.worklist: the same
 * security checks, scope predicate, SQL and mapping as the page and the API, without HTTP rendering).
 */
final class RequestScaleScenarios {

    private final ApplicationContext context;
    private final BenchDatabase db;
    private final BenchSettings settings;
    private final SearchData pools;

    RequestScaleScenarios(ApplicationContext context, BenchDatabase db, BenchSettings settings, SearchData pools) {
        this.context = context;
        this.db = db;
        this.settings = settings;
        this.pools = pools;
    }

    /**
     * Twice the usual runs, after as many untimed ones: a p99 over 800 calls is the 8th slowest, not the 4th, and
     * until about a thousand calls the JIT's compiler threads still take one of the two cores in turns.
     */
    static int suggestionRuns(BenchSettings settings) {
        return settings.queryRuns() * 2;
    }

    Measurement suggestions(int people, int requests) throws Exception {
        HelpRequestCases cases = context.getBean(HelpRequestCases.class);
        long[] range = idRange();
        Random random = new Random(settings.seed() + 400);
        db.resetStatements();
        var result = timed(suggestionRuns(settings), suggestionRuns(settings), () -> {
            long id = range[0] + (long) (random.nextDouble() * (range[1] - range[0]));
            String district = db.jdbc.queryForObject(
                    "select left(region_code, 6) from requests_help_request where id = ?", String.class, id);
            return () -> {
                Suggestions s = BenchStaff.as("bench-station", Role.STATION_STAFF, district)
                        .call(() -> cases.suggestions(id));
                if (s.socialWorkers().isEmpty() && s.volunteers().isEmpty()) {
                    throw new IllegalStateException("no candidate for request " + id);
                }
                return s;
            };
        });
        Measurement m = latencyLine(
                "P3-assignment-suggestions",
                people + " social workers + volunteers, " + requests + " open requests",
                result,
                "HelpRequestCases.suggestions(id) as STATION_STAFF of the district");
        m.with("topStatements", db.topStatements(6));
        Long[] workers = db.jdbc
                .queryForList(
                        "select id from directory_social_worker where created_by = ?" + " order by id limit 100",
                        Long.class,
                        ScaleData.BY)
                .toArray(Long[]::new);
        Long[] volunteers = db.jdbc
                .queryForList(
                        "select id from directory_volunteer where reviewed_by = ?" + " order by id limit 100",
                        Long.class,
                        ScaleData.BY)
                .toArray(Long[]::new);
        m.with("explainLoad", db.explain("""
                select 'W', worker_id, count(*) from requests_help_request
                where worker_id = any(?) and status in ('ASSIGNED', 'ACCEPTED', 'IN_PROGRESS') group by worker_id
                union all
                select 'V', volunteer_id, count(*) from requests_help_request
                where volunteer_id = any(?) and status in ('ASSIGNED', 'ACCEPTED', 'IN_PROGRESS') group by volunteer_id""", workers, volunteers));
        boolean met = m.latency().p99() <= 10;
        return m.against(null, null, "p99 ≤ 10 ms", met);
    }

    List<Measurement> worklist(int requests, Measurement trigram) throws Exception {
        Worklist worklist = context.getBean(Worklist.class);
        String district = "310104";
        long inDistrict = db.jdbc.queryForObject(
                "select count(*) from requests_help_request where region_code >= ?" + " and region_code < ?",
                Long.class,
                district,
                "310105");
        BenchStaff staff = BenchStaff.as("bench-station", Role.STATION_STAFF, district);
        List<Measurement> out = new ArrayList<>();
        db.resetStatements();
        var first = timed(
                settings.queryRuns(),
                settings.queryRuns() / 10,
                () -> () -> staff.call(() -> worklist.worklist(WorklistFilter.all())));
        Measurement firstPage = latencyLine(
                "P4-worklist-first-page",
                requests + " requests, " + inDistrict + " in the district",
                first,
                "Worklist.worklist(all) as STATION_STAFF of 徐汇区 (310104): page of 20,"
                        + " most urgent first, + capped count");
        // the first page as WorklistQueries writes it (the default order: open requests by the deadline that matters)
        firstPage.with(
                "explain",
                db.explain(
                        "select id from requests_help_request where region_code >= ?"
                                + " and region_code < ? and work_due is not null order by work_due, priority, id limit 21",
                        district,
                        "310105"));
        out.add(firstPage.against(null, null, "p95 ≤ 50 ms", firstPage.latency().p95() <= 50));
        Random random = new Random(settings.seed() + 500);
        var search = timed(settings.queryRuns(), settings.queryRuns() / 10, () -> {
            String street = pools.streets.get(random.nextInt(pools.streets.size()));
            String term = street.substring(0, Math.min(3, street.length()));
            return () -> staff.call(() -> worklist.worklist(WorklistFilter.all().withAddress(term)));
        });
        Measurement substring = latencyLine(
                "P4-worklist-substring-search",
                requests + " requests, " + inDistrict + " in the district",
                search,
                "address substring (3 characters of a street name) in the district, page of 20 + capped count");
        substring.with("topStatements", db.topStatements(6));
        String term = pools.streets.get(0).substring(0, 3);
        // the page query as WorklistQueries writes it for a district-scoped user (the range, and the district)
        substring.with(
                "explain",
                db.explain(
                        "select id from requests_help_request where region_code >= ? and region_code < ?"
                                + " and address_search like ? and left(region_code, 6) = any(?) and work_due is not null"
                                + " order by work_due, priority, id limit 21",
                        district,
                        "310105",
                        "%" + term + "%",
                        new String[] {district}));
        Double ratio = trigram == null
                ? null
                : trigram.latency().p95() / substring.latency().p95();
        out.add(substring.against(
                trigram == null ? null : trigram.name() + " (p95 ratio)",
                ratio,
                "p95 ≤ 100 ms",
                substring.latency().p95() <= 100));
        return out;
    }

    private long[] idRange() {
        var row = db.jdbc.queryForMap(
                "select min(id) lo, max(id) hi from requests_help_request where created_by = ?", ScaleData.BY);
        return new long[] {((Number) row.get("lo")).longValue(), ((Number) row.get("hi")).longValue()};
    }

    interface Prepared {
        Callable<?> next() throws Exception;
    }

    private ClosedLoop.Result timed(int runs, int warmups, Prepared prepared) throws Exception {
        Latencies latencies = new Latencies();
        long errors = 0;
        String firstError = null;
        for (int w = 0; w < Math.max(2, warmups); w++) {
            prepared.next().call();
        }
        long began = System.nanoTime();
        long measured = 0;
        for (int i = 0; i < runs; i++) {
            Callable<?> call = prepared.next();
            long t = System.nanoTime();
            try {
                call.call();
                latencies.recordNanos(System.nanoTime() - t);
                measured += System.nanoTime() - t;
            } catch (Exception e) {
                errors++;
                firstError = firstError == null ? e.toString() : firstError;
            }
        }
        return new ClosedLoop.Result(runs - errors, errors, measured / 1e9, latencies, firstError);
    }

    /** A closed-loop latency result as a scenario's line (also P5's: one shape for every single-client figure). */
    static Measurement latencyLine(String name, String volume, ClosedLoop.Result r, String note) {
        Measurement m = new Measurement(
                name,
                "scenario",
                volume,
                r.operations(),
                r.seconds(),
                r.operations() / r.seconds(),
                "calls/s (1 client)",
                r.latencies().percentiles(),
                r.errors(),
                null,
                null,
                null,
                null,
                note,
                new LinkedHashMap<>());
        if (r.firstError() != null) {
            m.with("firstError", r.firstError());
        }
        return m;
    }
}
