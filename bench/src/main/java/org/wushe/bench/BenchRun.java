package org.wushe.bench;

import java.net.URI;
import java.util.List;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;

/**
 * One run of every baseline and scenario against a started Wushe (its beans, its database, its HTTP port):
 * used by {@link Benchmark} at full volumes and by the smoke test at tiny ones.
 */
public final class BenchRun {

    private static final Logger log = LoggerFactory.getLogger(BenchRun.class);

    private final ApplicationContext context;
    private final BenchSettings settings;
    private final URI baseUrl;
    private final BenchDatabase db;

    public BenchRun(ApplicationContext context, BenchSettings settings, URI baseUrl) {
        this.context = context;
        this.settings = settings;
        this.baseUrl = baseUrl;
        this.db = new BenchDatabase(context.getBean(DataSource.class));
    }

    public Report run() throws Exception {
        Report report = new Report(settings);
        report.postgres.putAll(db.settings());
        report.postgres.put("pg_stat_statements", db.statementsAvailable());
        db.createSchema();
        DataGenerator generator = new DataGenerator(settings.seed());
        Baselines baselines = new Baselines(db, settings);
        List<String> shanghaiStreets = db.jdbc.queryForList(
                "select code from region_region where code like '31%' and length(code) = 9 order by code", String.class);
        List<String> shanghaiDistricts = db.jdbc.queryForList(
                "select code from region_region where parent_code = '310100' order by code", String.class);
        report.volumes.put("regionsLoaded", db.jdbc.queryForObject("select count(*) from region_region", Long.class));
        report.volumes.put("shanghaiStreets", shanghaiStreets.size());
        try (Http http = new Http(baseUrl)) {
            if (settings.runs("baselines")) {
                guarded(report, "insert-tps", () -> {
                    step("baseline: single-row INSERT transactions");
                    report.add(baselines.insertTps());
                });
                guarded(report, "search-baselines", () -> {
                    step("generating bench.search (" + settings.searchRows() + " rows, set-wise)");
                    long began = System.nanoTime();
                    SearchData search = SearchData.create(db, generator, settings.searchRows());
                    report.volumes.put("searchRows", settings.searchRows());
                    report.volumes.put("searchGenerateAndIndexSeconds", (System.nanoTime() - began) / 1e9);
                    step("baseline: primary-key selects");
                    report.add(baselines.pkSelects(search));
                    step("baseline: trigram substring query");
                    Measurement trigram = baselines.trigram(search);
                    trigram.with("explain", baselines.explainTrigram(search));
                    report.add(trigram);
                    step("baseline: rollup query");
                    report.add(baselines.rollup(search));
                });
            }
            if (settings.runs("directory-import")) {
                guarded(report, "directory-import", () -> {
                    step("scenario: social-worker import " + settings.socialWorkerRows());
                    report.volumes.put("socialWorkerImportRows", settings.socialWorkerRows());
                    report.addAll(new DirectoryImportScenario(context, db, baselines, generator, settings)
                            .run(shanghaiStreets));
                });
            }
            if (settings.runs("http-regions")) {
                guarded(report, "http-region-children", () -> {
                    step("scenario: HTTP region children, open-model step-up " + settings.httpRates());
                    report.add(new RegionReadScenario(http, settings).run(shanghaiDistricts, report.find("pk-select")));
                });
            }
            if (settings.runs("P1-intake-surge")) {
                guarded(report, "P1-intake-surge", () -> {
                    // the places the intake accepts, as IntakePlaces lists them: the city's communities, or the
                    // street itself where it has none
                    List<String> places = db.jdbc.queryForList("select code from region_region r where code like"
                            + " '3101%' and (length(code) = 12 or (length(code) = 9 and not exists"
                            + " (select 1 from region_region c where c.parent_code = r.code))) order by code", String.class);
                    var surge = new IntakeSurgeScenario(context, db, http, settings, places);
                    if (surge.landed()) {
                        step("scenario: P1 intake surge, open-model step-up " + settings.intakeRates());
                        report.addAll(surge.run(report.find("insert-tps")));
                    } else {
                        report.add(Measurement.notMeasured("P1-intake-surge", "module not landed"));
                    }
                });
            }
            for (String missing : List.of("P2-list-import-1M", "P3-assignment-suggestions", "P4-worklist")) {
                if (settings.runs(missing)) {
                    report.add(Measurement.notMeasured(missing, "module not landed"));
                }
            }
        } finally {
            cleanUp();
        }
        return report;
    }

    /** Removes what the run wrote into the product's tables, then the bench schema. */
    void cleanUp() {
        db.jdbc.update("delete from directory_social_worker where created_by = 'bench-importer'");
        db.jdbc.update("delete from directory_import_result where created_by = 'bench-importer'");
        db.dropSchema();
    }

    interface Group {
        void run() throws Exception;
    }

    /** Runs one group; a failure becomes a line with the error instead of ending the whole run. */
    private static void guarded(Report report, String name, Group group) {
        try {
            group.run();
        } catch (Exception | Error e) {
            log.error("{} failed", name, e);
            Measurement failed = Measurement.notMeasured(name, "failed: " + e);
            report.add(new Measurement(failed.name(), failed.kind(), failed.volume(), 0, 0, Double.NaN, "",
                    Measurement.Percentiles.NONE, 1, null, null, null, null, failed.note(), failed.details()));
        }
    }

    private static void step(String what) {
        log.info("▶ {}", what);
    }
}
