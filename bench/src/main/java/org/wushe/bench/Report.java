package org.wushe.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The result of a run: where it ran, on what data, and one line per baseline and scenario. */
final class Report {

    final Instant started = Instant.now();
    final Map<String, Object> machine = new LinkedHashMap<>();
    final Map<String, Object> jvm = new LinkedHashMap<>();
    final Map<String, Object> postgres = new LinkedHashMap<>();
    final Map<String, Object> volumes = new LinkedHashMap<>();
    final Map<String, Object> configuration = new LinkedHashMap<>();
    final List<Measurement> measurements = new ArrayList<>();
    final List<String> notes = new ArrayList<>();

    Report(BenchSettings settings) {
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryBytes", memTotal());
        machine.put(
                "os",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"));
        machine.put(
                "loadAverageAtStart",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        jvm.put("version", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        jvm.put(
                "flags",
                ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> !a.startsWith("-Dbench.db-password"))
                        .toList());
        jvm.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        jvm.put(
                "gc",
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(b -> b.getName())
                        .toList());
        configuration.put("scale", settings.scale());
        configuration.put("seed", settings.seed());
        configuration.put("clients", settings.clients());
        configuration.put("closedLoopSeconds", settings.closedSeconds());
        configuration.put("httpRates", settings.httpRates());
        configuration.put("stepSeconds", settings.stepSeconds());
        configuration.put("p99TargetMillis", settings.p99TargetMillis());
    }

    void add(Measurement m) {
        measurements.add(m);
    }

    void addAll(List<Measurement> ms) {
        measurements.addAll(ms);
    }

    Measurement find(String name) {
        return measurements.stream()
                .filter(m -> m.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    String table() {
        StringBuilder t = new StringBuilder();
        t.append(
                "| measurement | kind | volume | throughput | p50 ms | p95 ms | p99 ms | errors | ratio to baseline | target |\n");
        t.append("|---|---|---|---:|---:|---:|---:|---:|---|---|\n");
        for (Measurement m : measurements) {
            t.append("| ")
                    .append(m.name())
                    .append(" | ")
                    .append(m.kind())
                    .append(" | ")
                    .append(m.volume())
                    .append(" | ")
                    .append(
                            Double.isNaN(m.throughput())
                                    ? (m.note() == null ? "—" : m.note())
                                    : fmt(m.throughput()) + " " + m.unit())
                    .append(" | ")
                    .append(ms(m.latency().p50()))
                    .append(" | ")
                    .append(ms(m.latency().p95()))
                    .append(" | ")
                    .append(ms(m.latency().p99()))
                    .append(" | ")
                    .append(m.errors())
                    .append(" | ")
                    .append(m.ratio() == null ? "—" : String.format(Locale.ROOT, "%.2f × %s", m.ratio(), m.baseline()))
                    .append(" | ")
                    .append(m.target() == null ? "—" : m.target() + (m.met() == null ? "" : m.met() ? " ✔" : " ✘"))
                    .append(" |\n");
        }
        return t.toString();
    }

    Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("started", started.toString());
        m.put("finished", Instant.now().toString());
        m.put("machine", machine);
        m.put("jvm", jvm);
        m.put("postgres", postgres);
        m.put("volumes", volumes);
        m.put("configuration", configuration);
        m.put("measurements", measurements);
        m.put("notes", notes);
        return m;
    }

    Path write(Path dir) throws Exception {
        Files.createDirectories(dir);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(ZoneOffset.UTC)
                .format(started);
        Path file = dir.resolve("bench-" + stamp + ".json");
        String json = JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build()
                .writeValueAsString(asMap());
        Files.writeString(file, json);
        Files.writeString(dir.resolve("latest.json"), json);
        Files.writeString(dir.resolve("latest.md"), table());
        return file;
    }

    private static String fmt(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.1f", v);
    }

    private static String ms(double v) {
        return Double.isNaN(v)
                ? "—"
                : v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static long memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (Exception ignored) {
            // not Linux: fall through
        }
        return -1;
    }
}
