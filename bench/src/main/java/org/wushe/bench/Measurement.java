package org.wushe.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the result table: a scenario or a baseline, its volume, throughput and latency, its errors, and
 * (for a scenario) its ratio to the engine's own ceiling measured in the same run.
 *
 * @param kind        {@code baseline} or {@code scenario}
 * @param throughput  operations (rows, requests, queries) per second; NaN when only latency matters
 * @param unit        what {@link #throughput} counts, e.g. {@code rows/s}
 * @param ratio       throughput (or, for latency scenarios, baseline p95 ÷ our p95) against {@link #baseline}
 * @param target      the target in words, or null
 * @param met         whether the target held; null when there is none or it was not measured
 * @param details     further figures (counts, knee steps, checks) for the JSON file
 */
public record Measurement(
        String name,
        String kind,
        String volume,
        long operations,
        double seconds,
        double throughput,
        String unit,
        Percentiles latency,
        long errors,
        String baseline,
        Double ratio,
        String target,
        Boolean met,
        String note,
        Map<String, Object> details) {

    public record Percentiles(double p50, double p95, double p99, double max) {
        static final Percentiles NONE = new Percentiles(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    static Measurement baseline(
            String name,
            String volume,
            long operations,
            double seconds,
            String unit,
            Percentiles latency,
            long errors,
            String note) {
        return new Measurement(
                name,
                "baseline",
                volume,
                operations,
                seconds,
                operations / seconds,
                unit,
                latency,
                errors,
                null,
                null,
                null,
                null,
                note,
                new LinkedHashMap<>());
    }

    static Measurement notMeasured(String name, String why) {
        return new Measurement(
                name,
                "scenario",
                "—",
                0,
                0,
                Double.NaN,
                "",
                Percentiles.NONE,
                0,
                null,
                null,
                null,
                null,
                "not measured (" + why + ")",
                new LinkedHashMap<>());
    }

    Measurement against(String baselineName, Double ratio, String target, Boolean met) {
        return new Measurement(
                name,
                kind,
                volume,
                operations,
                seconds,
                throughput,
                unit,
                latency,
                errors,
                baselineName,
                ratio,
                target,
                met,
                note,
                details);
    }

    Measurement with(String key, Object value) {
        details.put(key, value);
        return this;
    }
}
