package org.wushe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark harness at tiny volumes on the test database, so it keeps working between full runs: every
 * baseline and the directory-import and HTTP scenarios run, produce figures, and the JSON file is written.
 * It checks the harness, not speed (benchmarks are never timed tests).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "server.forward-headers-strategy=native")
class BenchSmokeTests {

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void everyBaselineAndScenarioProducesFiguresAndTheJsonFile() throws Exception {
        Path out = Path.of("target/bench-smoke");
        BenchSettings settings = BenchSettings.smoke(out);
        Report report = new BenchRun(context, settings, URI.create("http://127.0.0.1:" + port)).run();
        Path json = report.write(out);
        System.out.println(report.table());

        for (String baseline : new String[] {"insert-tps", "pk-select", "trigram-substring", "rollup-group-by"}) {
            Measurement m = report.find(baseline);
            assertThat(m).as(baseline).isNotNull();
            assertThat(m.operations()).as(baseline).isPositive();
            assertThat(m.errors()).as(baseline).isZero();
            assertThat(m.latency().p99()).as(baseline).isPositive();
        }
        Measurement imported = report.find("directory-import-300");
        assertThat(imported.errors()).as("%s", imported.details()).isZero();
        assertThat(imported.details().get("rejected"))
                .isEqualTo(imported.details().get("expectedRejected"));
        assertThat((long) imported.details().get("rejected")).isPositive();
        assertThat(imported.ratio()).isPositive();
        assertThat(report.find("copy-social-workers-300").operations()).isEqualTo(300);
        Measurement http = report.find("http-region-children");
        assertThat(http.operations()).isPositive();
        assertThat(http.details().get("steps")).asList().isNotEmpty();

        Measurement surge = report.find("P1-intake-surge");
        assertThat(surge).as("%s", report.measurements).isNotNull();
        assertThat((long) surge.details().get("answered2xx")).isPositive();
        assertThat(surge.details().get("found2xxInDatabase"))
                .isEqualTo(surge.details().get("answered2xx"));
        assertThat(report.find("P1a-verification-codes").operations()).isPositive();
        assertThat(report.find("P1b-intake-overload").note()).contains("429");

        Measurement list = report.find("P2-list-import");
        assertThat(list).as("%s", report.measurements).isNotNull();
        assertThat(list.errors()).as("%s", list.details()).isZero();
        assertThat(list.ratio()).isPositive();
        for (String name :
                new String[] {"P3-assignment-suggestions", "P4-worklist-first-page", "P4-worklist-substring-search"}) {
            Measurement m = report.find(name);
            assertThat(m).as("%s in %s", name, report.measurements).isNotNull();
            assertThat(m.operations())
                    .as(name)
                    .isEqualTo(
                            name.startsWith("P3")
                                    ? RequestScaleScenarios.suggestionRuns(settings)
                                    : settings.queryRuns());
            assertThat(m.errors()).as("%s %s", name, m.details()).isZero();
        }
        Measurement rebuild = report.find("P5-rollup-rebuild");
        assertThat(rebuild).as("%s", report.measurements).isNotNull();
        assertThat(rebuild.operations())
                .as("every ledger row, the run's 20,000 among them")
                .isGreaterThanOrEqualTo(20_000);
        assertThat(rebuild.ratio()).isPositive();
        for (String name : new String[] {"P5-dashboard-30-days", "P5-dashboard-year"}) {
            Measurement m = report.find(name);
            assertThat(m).as("%s in %s", name, report.measurements).isNotNull();
            assertThat(m.operations()).as(name).isPositive();
            assertThat(m.errors()).as("%s %s", name, m.details()).isZero();
        }

        var tree = JsonMapper.builder().build().readTree(Files.readString(json));
        assertThat(tree.get("machine").get("cores").asInt()).isPositive();
        assertThat(tree.get("postgres").get("synchronous_commit").asString()).isNotBlank();
        assertThat(tree.get("measurements").size()).isEqualTo(report.measurements.size());
        assertThat(report.table()).contains("| insert-tps |", "| directory-import-300 |");
    }
}
