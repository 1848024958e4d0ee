package org.wushe.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Random;

/**
 * An HTTP scenario on an endpoint that exists today, so the open-model step-up is proven end to end before the
 * green channel lands: {@code GET /api/v1/regions/{district}/children}, public, one indexed query and JSON.
 */
final class RegionReadScenario {

    private final Http http;
    private final BenchSettings settings;

    RegionReadScenario(Http http, BenchSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    Measurement run(List<String> districts, Measurement pkSelect) throws Exception {
        Random random = new Random(settings.seed() + 300);
        String[] paths = districts.stream()
                .map(d -> "/api/v1/regions/" + d + "/children")
                .toArray(String[]::new);
        OpenLoop.Request request =
                i -> http.getStatus(paths[(int) (Math.floorMod(i * 31 + random.hashCode(), paths.length))]);
        // warm-up: the JIT and the connection pools, at the lowest rate
        OpenLoop.run(settings.httpRates().get(0), Math.min(10, settings.stepSeconds()), 0, request);
        var steps =
                OpenLoop.stepUp(settings.httpRates(), settings.stepSeconds(), settings.p99TargetMillis(), 0, request);
        var knee = steps.knee();
        String volume = districts.size() + " districts";
        Measurement m;
        if (knee == null) {
            var first = steps.steps().get(0);
            m = new Measurement(
                    "http-region-children",
                    "scenario",
                    volume,
                    first.ok(),
                    first.seconds(),
                    first.okPerSecond(),
                    "req/s",
                    first.all().percentiles(),
                    first.serverErrors() + first.failures(),
                    null,
                    null,
                    null,
                    null,
                    "no step held p99 ≤ " + settings.p99TargetMillis() + " ms",
                    new LinkedHashMap<>());
        } else {
            m = new Measurement(
                    "http-region-children",
                    "scenario",
                    volume,
                    knee.ok(),
                    knee.seconds(),
                    knee.okPerSecond(),
                    "req/s",
                    knee.all().percentiles(),
                    knee.serverErrors() + knee.failures(),
                    null,
                    null,
                    null,
                    null,
                    "knee of an open-model step-up (latency from intended start)",
                    new LinkedHashMap<>());
        }
        m.with("steps", steps.summaries());
        return m.against(
                pkSelect == null ? null : pkSelect.name(),
                pkSelect == null ? null : m.throughput() / pkSelect.throughput(),
                "(no target: proves the HTTP pipeline) knee at p99 ≤ " + settings.p99TargetMillis() + " ms",
                null);
    }
}
