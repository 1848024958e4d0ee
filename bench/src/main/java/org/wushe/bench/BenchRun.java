package org.wushe.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.wushe.access.Role;
import org.wushe.region.Regions;

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
        // The owner role, the one that migrates: the bench creates its own schema and tables, vacuums and analyses
        // what it generated, which the application role may not do.
        this.db = new BenchDatabase(
                context.getBean(Flyway.class).getConfiguration().getDataSource());
    }

    public Report run() throws Exception {
        Report report = new Report(settings);
        report.postgres.putAll(db.settings());
        report.postgres.put("pg_stat_statements", db.statementsAvailable());
        db.createSchema();
        DataGenerator generator = new DataGenerator(settings.seed());
        Baselines baselines = new Baselines(db, settings);
        List<String> shanghaiStreets = db.jdbc.queryForList(
                "select code from region_region where code like '31%' and length(code) = 9 order by code",
                String.class);
        List<String> shanghaiDistricts = db.jdbc.queryForList(
                "select code from region_region where parent_code = '310100' order by code", String.class);
        report.volumes.put("regionsLoaded", db.jdbc.queryForObject("select count(*) from region_region", Long.class));
        report.volumes.put("shanghaiStreets", shanghaiStreets.size());
        try (Http http = new Http(baseUrl)) {
            if (settings.runs("baselines") || settings.runs("insert-tps")) {
                guarded(report, "insert-tps", () -> {
                    step("baseline: single-row INSERT transactions");
                    report.add(baselines.insertTps());
                });
            }
            if (settings.runs("baselines")) {
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
            if (settings.runs("P1-intake-surge")) {
                guarded(report, "P1-intake-surge", () -> {
                    // the places the intake accepts, as IntakePlaces lists them: the city's communities, or the
                    // street itself where it has none
                    List<String> places = db.jdbc.queryForList(
                            "select code from region_region r where code like"
                                    + " '3101%' and (length(code) = 12 or (length(code) = 9 and not exists"
                                    + " (select 1 from region_region c where c.parent_code = r.code))) order by code",
                            String.class);
                    var surge = new IntakeSurgeScenario(context, db, http, settings, places);
                    if (surge.landed()) {
                        step("scenario: P1 intake surge, open-model step-up " + settings.intakeRates());
                        report.addAll(surge.run(report.find("insert-tps")));
                    } else {
                        report.add(Measurement.notMeasured("P1-intake-surge", "module not landed"));
                    }
                });
            }
            if (settings.runs("P2-list-import-1M")) {
                guarded(report, "P2-list-import", () -> {
                    if (!tableExists("residents_verification_task")) {
                        report.add(Measurement.notMeasured("P2-list-import", "module not landed"));
                        return;
                    }
                    List<String> communities = communitiesOf("310104");
                    step("scenario: P2 verification list import, " + settings.listRows() + " rows");
                    report.volumes.put("listImportRows", settings.listRows());
                    report.volumes.put("listCommunities", communities.size());
                    report.addAll(new ListImportScenario(context, db, baselines, generator, settings)
                            .run(settings.listRows(), "310104", communities));
                });
            }
            boolean p3 = settings.runs("P3-assignment-suggestions");
            boolean p4 = settings.runs("P4-worklist");
            if (p3 || p4) {
                guarded(report, "P3-P4-requests-at-scale", () -> {
                    if (!tableExists("requests_help_request")) {
                        report.add(Measurement.notMeasured("P3-assignment-suggestions", "module not landed"));
                        report.add(Measurement.notMeasured("P4-worklist", "module not landed"));
                        return;
                    }
                    SearchData pools = SearchData.pools(db, generator);
                    ScaleData data = new ScaleData(context, db, pools);
                    int workers = settings.people() * 3 / 5;
                    step("generating " + workers + " social workers, " + (settings.people() - workers)
                            + " volunteers and " + settings.requests() + " open help requests (set-wise)");
                    long began = System.nanoTime();
                    data.people(workers, settings.people() - workers);
                    data.helpRequests(settings.requests());
                    report.volumes.put("dispatchSocialWorkers", workers);
                    report.volumes.put("dispatchVolunteers", settings.people() - workers);
                    report.volumes.put("openHelpRequests", settings.requests());
                    report.volumes.put("requestsGenerateAndIndexSeconds", (System.nanoTime() - began) / 1e9);
                    // The load leaves about a gigabyte of dirty pages: measured before they are written, the
                    // scenarios would share the disk and the cores with the checkpoint that writes them.
                    db.checkpoint();
                    var scenarios = new RequestScaleScenarios(context, db, settings, pools);
                    if (p3) {
                        step("scenario: P3 assignment suggestions");
                        guarded(
                                report,
                                "P3-assignment-suggestions",
                                () -> report.add(scenarios.suggestions(settings.people(), settings.requests())));
                    }
                    if (p4) {
                        step("scenario: P4 worklist");
                        guarded(
                                report,
                                "P4-worklist",
                                () -> report.addAll(
                                        scenarios.worklist(settings.requests(), report.find("trigram-substring"))));
                    }
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
            if (settings.runs("sms-dispatch")) {
                guarded(report, "sms-dispatch", () -> {
                    int count =
                            Integer.getInteger("bench.sms-messages", "smoke".equals(settings.scale()) ? 300 : 3_000);
                    step("scenario: SMS dispatch of " + count + " messages against a 50 ms provider stub");
                    report.addAll(new SmsDispatchScenario(context, count).run());
                });
            }
            if (settings.runs("P5-dashboard")) {
                guarded(report, "P5-dashboard", () -> {
                    long records = Long.getLong(
                            "bench.service-records", "smoke".equals(settings.scale()) ? 20_000 : 10_000_000);
                    step("scenario: P5 dashboard over " + records + " service records");
                    report.volumes.put("serviceRecords", records);
                    report.addAll(new DashboardScenario(context, db, settings).run(records, shanghaiStreets));
                    // the roll-ups of the run's records leave with them
                    db.jdbc.update(DashboardScenario.cleanUp());
                    context.getBean(org.wushe.statistics.ledger.RollupRebuild.class)
                            .rebuild();
                });
            }
        } finally {
            if (Boolean.getBoolean("bench.keep-data")) {
                log.warn("bench.keep-data: the generated rows and the bench schema stay in the database");
            } else {
                cleanUp();
            }
        }
        return report;
    }

    private boolean tableExists(String table) {
        return Boolean.TRUE.equals(db.jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, table));
    }

    /**
     * The communities of a district; when none are loaded, the real ones of 黄浦区 and 徐汇区 that ship with Wushe
     * are imported (as an administrator would) and removed again at the end of the run.
     */
    private List<String> communitiesOf(String district) throws Exception {
        String sql = "select code from region_region where length(code) = 12 and code >= ? and code < ? order by code";
        String upper = Long.toString(Long.parseLong(district) + 1);
        List<String> codes = db.jdbc.queryForList(sql, String.class, district, upper);
        if (codes.isEmpty()) {
            String both =
                    "select code from region_region where length(code) = 12 and code >= '310101' and code < '310105'";
            Set<String> before = new HashSet<>(db.jdbc.queryForList(both, String.class));
            var regions = context.getBean(Regions.class);
            try (var csv = new ClassPathResource("region/demo-communities-huangpu-xuhui.csv").getInputStream()) {
                var imported = BenchStaff.as("bench-campaigner", Role.CIVIL_AFFAIRS_ADMIN, "310000")
                        .call(() -> regions.importCommunities(csv));
                log.info("{} communities of 黄浦区 and 徐汇区 imported for the run", imported.rowsWritten());
            }
            codes = db.jdbc.queryForList(sql, String.class, district, upper);
            db.jdbc.queryForList(both, String.class).stream()
                    .filter(c -> !before.contains(c))
                    .forEach(importedCommunities::add);
        }
        return codes;
    }

    private final List<String> importedCommunities = new ArrayList<>();

    /** Removes what the run wrote into the product's tables, then the bench schema. */
    void cleanUp() {
        String[] statements = {
            "delete from directory_social_worker where created_by = 'bench-importer'",
            "delete from directory_import_result where created_by = 'bench-importer'",
            // the intake surge's requests (by their submission keys) and what they wrote beside them
            "delete from requests_event where request_id in (select r.id from requests_help_request r"
                    + " join bench.accepted_key k on r.submission_key = k.k)",
            "delete from requests_help_request r using bench.accepted_key k where r.submission_key = k.k",
            "delete from requests_help_request where created_by = '" + ScaleData.BY + "'",
            "delete from directory_social_worker where created_by = '" + ScaleData.BY + "'",
            "delete from directory_volunteer where reviewed_by = '" + ScaleData.BY + "'",
            "delete from residents_verification_task where campaign_id in (select id from residents_campaign"
                    + " where created_by = 'bench-campaigner')",
            "delete from residents_campaign_import where campaign_id in (select id from residents_campaign"
                    + " where created_by = 'bench-campaigner')",
            "delete from residents_campaign where created_by = 'bench-campaigner'",
            DashboardScenario.cleanUp()
        };
        for (String sql : statements) {
            try {
                db.jdbc.update(sql);
            } catch (RuntimeException e) {
                log.debug("clean-up skipped ({}): {}", sql, e.getMessage());
            }
        }
        if (!importedCommunities.isEmpty()) {
            db.jdbc.update("delete from region_region where code = any(?)", (Object)
                    importedCommunities.toArray(String[]::new));
        }
        db.dropSchema();
    }

    interface Group {
        void run() throws Exception;
    }

    /** Runs one group; a failure becomes a line with the error instead of ending the whole run. */
    private void guarded(Report report, String name, Group group) {
        int before = report.measurements.size();
        try {
            group.run();
            // the machine's load while the group ran: other work on the same cores shows here
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            report.measurements
                    .subList(before, report.measurements.size())
                    .forEach(m -> m.details().putIfAbsent("loadAverage1mAfter", load));
            report.write(settings.out()); // so far: a run stopped later still leaves its figures
        } catch (Exception | Error e) {
            log.error("{} failed", name, e);
            Measurement failed = Measurement.notMeasured(name, "failed: " + e);
            report.add(new Measurement(
                    failed.name(),
                    failed.kind(),
                    failed.volume(),
                    0,
                    0,
                    Double.NaN,
                    "",
                    Measurement.Percentiles.NONE,
                    1,
                    null,
                    null,
                    null,
                    null,
                    failed.note(),
                    failed.details()));
        }
    }

    private static void step(String what) {
        log.info("▶ {}", what);
    }
}
