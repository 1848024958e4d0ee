package org.wushe.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.wushe.WusheApplication;
import org.wushe.platform.database.EmbeddedPostgresProperties;
import org.wushe.platform.database.EmbeddedPostgresServer;

/**
 * The one benchmark command ({@code ./mvnw -B -Pbench verify}): starts Wushe in this JVM on a fresh,
 * throw-away embedded PostgreSQL (durable, as in production, with pg_stat_statements loaded) or on the database
 * given by {@code -Dbench.db-url}, runs {@link BenchRun}, prints the table and writes the JSON file.
 */
public final class Benchmark {

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(Instant.now());
        List<String> appArgs = new ArrayList<>(List.of(
                // only the application's own configuration: the test classpath's config/application.yml is for tests
                "--spring.config.location=classpath:/application.yml",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                // the intake surge spreads its load over synthetic client addresses (IntakeSurgeScenario)
                "--server.forward-headers-strategy=native",
                "--logging.level.root=WARN",
                "--logging.level.org.wushe=WARN",
                "--logging.level.org.wushe.bench=INFO",
                "--logging.level.org.wushe.platform.database=INFO"));
        Path dataDir = null;
        if (settings.dbUrl() == null) {
            dataDir = settings.out().resolve("db-" + stamp).toAbsolutePath();
            preparePostgres(dataDir, settings.durable());
            appArgs.add("--wushe.embedded-db.data-dir=" + dataDir);
            appArgs.add("--wushe.embedded-db.durable=" + settings.durable());
        } else {
            appArgs.add("--spring.datasource.url=" + settings.dbUrl());
            if (settings.dbUser() != null) {
                appArgs.add("--spring.datasource.username=" + settings.dbUser());
            }
            if (settings.dbPassword() != null) {
                appArgs.add("--spring.datasource.password=" + settings.dbPassword());
            }
        }
        long began = System.nanoTime();
        int exit = 0;
        try (ConfigurableApplicationContext context =
                new SpringApplicationBuilder(WusheApplication.class).run(appArgs.toArray(String[]::new))) {
            double startSeconds = (System.nanoTime() - began) / 1e9;
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            Report report = new BenchRun(context, settings, URI.create("http://127.0.0.1:" + port)).run();
            report.jvm.put("applicationStartSeconds", startSeconds);
            report.machine.put(
                    "loadAverageAtEnd",
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            report.postgres.put(
                    "mode",
                    settings.dbUrl() == null
                            ? "embedded, fresh data directory, "
                                    + (settings.durable() ? "durable (fsync, synchronous_commit on)" : "NOT durable")
                            : "external " + settings.dbUrl());
            report.notes.add("Application, load generator and PostgreSQL share this machine's cores;"
                    + " other work on the machine during the run shows in machine.loadAverageAtStart.");
            Path file = report.write(settings.out());
            System.out.println();
            System.out.println("Wushe benchmark (" + settings.scale() + "), " + report.machine.get("cores")
                    + " cores, " + (long) report.machine.get("memoryBytes") / (1 << 30) + " GiB, "
                    + report.postgres.get("mode"));
            System.out.println(report.table());
            System.out.println("JSON: " + file.toAbsolutePath());
            if (report.measurements.stream().anyMatch(m -> m.errors() > 0)) {
                // reported, not fatal: an overloaded step or a failed scenario is a result (exit 1 is for a crash)
                System.out.println("Some measurements had errors: see the errors column and the JSON file.");
            }
        } finally {
            if (dataDir != null && !Boolean.getBoolean("bench.keep-db")) {
                deleteTree(dataDir);
            }
        }
        System.exit(exit);
    }

    /**
     * A fresh cluster with pg_stat_statements preloaded (needs a restart, so it is done before the application
     * starts the server for good); the application then starts it again on the same data directory.
     */
    private static void preparePostgres(Path dataDir, boolean durable) throws Exception {
        var properties = new EmbeddedPostgresProperties(dataDir, 0, durable, false, Duration.ofSeconds(120));
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties);
                var c = DriverManager.getConnection(server.jdbcUrl("postgres"), server.username(), server.password());
                var s = c.createStatement();
                var inWushe = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
                var w = inWushe.createStatement()) {
            s.execute("alter system set shared_preload_libraries = 'pg_stat_statements'");
            s.execute("alter system set pg_stat_statements.track = 'top'");
            // The bench reads and resets the statistics as the owner role (BenchRun), which may not create this
            // untrusted extension nor, by default, reset it or read other roles' statements.
            w.execute("create extension if not exists pg_stat_statements");
            w.execute("grant execute on function pg_stat_statements_reset to " + server.ownerUsername());
            w.execute("grant pg_read_all_stats to " + server.ownerUsername());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private Benchmark() {}
}
