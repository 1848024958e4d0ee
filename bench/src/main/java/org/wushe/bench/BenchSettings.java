package org.wushe.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one benchmark run does, at which volumes: {@code full} is the documented run, {@code smoke} the tiny one
 * that ./mvnw verify runs so the harness keeps working. Every figure comes from system properties
 * ({@code bench.*}), so a run can be narrowed ({@code bench.only=baselines,directory-import}) or scaled.
 *
 * @param searchRows        rows of the set-wise generated table that the PK, trigram and rollup baselines query
 * @param socialWorkerRows  files imported into the directory (one import per volume)
 * @param clients           JDBC clients of the closed-loop baselines (INSERT, PK select)
 * @param closedSeconds     duration of each closed-loop baseline (after as long a warm-up, at most 5 s)
 * @param httpRates         the arrival rates (req/s) of the step-up, lowest first
 * @param stepSeconds       duration of one step of an open-model run
 * @param p99TargetMillis   an HTTP step whose p99 exceeds this ends the step-up; the knee is the last one under
 * @param warmupImportRows  rows of an import run (and not measured) before the measured ones, for the JIT
 * @param intakeRates       the step-up of the intake surge (P1), req/s
 * @param codeRate          arrival rate of the verification-code requests that precede the surge
 * @param listRows          rows of the verification list import (P2)
 * @param people            social workers + volunteers generated for dispatch (P3; 60 % workers)
 * @param requests          open help requests generated for dispatch and the worklist (P3, P4)
 * @param overloadFactor    the intake's overload step offers this many times the knee's rate (P1b): far enough
 *                          beyond capacity that the node must shed, which twice the knee often was not
 */
public record BenchSettings(
        String scale,
        long seed,
        Set<String> only,
        Path out,
        String dbUrl,
        String dbUser,
        String dbPassword,
        boolean durable,
        int searchRows,
        List<Integer> socialWorkerRows,
        int clients,
        int closedSeconds,
        List<Integer> httpRates,
        int stepSeconds,
        double p99TargetMillis,
        int rollupRuns,
        int queryRuns,
        int warmupImportRows,
        List<Integer> intakeRates,
        int codeRate,
        int listRows,
        int people,
        int requests,
        double overloadFactor) {

    public static BenchSettings smoke(Path out) {
        return new BenchSettings(
                "smoke",
                20221,
                Set.of(),
                out,
                null,
                null,
                null,
                true,
                2_000,
                List.of(300),
                2,
                1,
                List.of(20),
                1,
                50,
                3,
                20,
                0,
                List.of(10, 20),
                20,
                500,
                300,
                3_000,
                4);
    }

    public static BenchSettings full(Path out) {
        return new BenchSettings(
                "full",
                20221,
                Set.of(),
                out,
                null,
                null,
                null,
                true,
                1_000_000,
                List.of(10_000, 100_000),
                8,
                10,
                List.of(50, 100, 200, 300, 400, 600, 800, 1000, 1500, 2000, 3000, 4000),
                10,
                50,
                10,
                400,
                2_000,
                List.of(100, 150, 200, 300, 400, 600, 800, 1000, 1500, 2000, 3000, 4000),
                500,
                1_000_000,
                100_000,
                1_000_000,
                4);
    }

    /** From {@code bench.*} system properties, on top of the chosen scale. */
    public static BenchSettings fromSystemProperties() {
        Path out = Path.of(prop("bench.out", "target/bench"));
        BenchSettings base = "smoke".equals(prop("bench.scale", "full")) ? smoke(out) : full(out);
        return new BenchSettings(
                base.scale,
                Long.parseLong(prop("bench.seed", Long.toString(base.seed))),
                csv(prop("bench.only", "")).stream().collect(Collectors.toUnmodifiableSet()),
                out,
                blankToNull(prop("bench.db-url", "")),
                blankToNull(prop("bench.db-user", "")),
                blankToNull(prop("bench.db-password", "")),
                Boolean.parseBoolean(prop("bench.durable", Boolean.toString(base.durable))),
                Integer.parseInt(prop("bench.search-rows", Integer.toString(base.searchRows))),
                ints(prop("bench.social-worker-rows", ""), base.socialWorkerRows),
                Integer.parseInt(prop("bench.clients", Integer.toString(base.clients))),
                Integer.parseInt(prop("bench.closed-seconds", Integer.toString(base.closedSeconds))),
                ints(prop("bench.http-rates", ""), base.httpRates),
                Integer.parseInt(prop("bench.step-seconds", Integer.toString(base.stepSeconds))),
                Double.parseDouble(prop("bench.p99-target-ms", Double.toString(base.p99TargetMillis))),
                base.rollupRuns,
                base.queryRuns,
                Integer.parseInt(prop("bench.warmup-import-rows", Integer.toString(base.warmupImportRows))),
                ints(prop("bench.intake-rates", ""), base.intakeRates),
                Integer.parseInt(prop("bench.code-rate", Integer.toString(base.codeRate))),
                Integer.parseInt(prop("bench.list-rows", Integer.toString(base.listRows))),
                Integer.parseInt(prop("bench.people", Integer.toString(base.people))),
                Integer.parseInt(prop("bench.requests", Integer.toString(base.requests))),
                Double.parseDouble(prop("bench.intake-overload-factor", Double.toString(base.overloadFactor))));
    }

    /** Whether a scenario (or group of baselines) is part of this run. */
    public boolean runs(String name) {
        return only.isEmpty() || only.contains(name);
    }

    public BenchSettings withOnly(Set<String> names) {
        return new BenchSettings(
                scale,
                seed,
                names,
                out,
                dbUrl,
                dbUser,
                dbPassword,
                durable,
                searchRows,
                socialWorkerRows,
                clients,
                closedSeconds,
                httpRates,
                stepSeconds,
                p99TargetMillis,
                rollupRuns,
                queryRuns,
                warmupImportRows,
                intakeRates,
                codeRate,
                listRows,
                people,
                requests,
                overloadFactor);
    }

    private static String prop(String key, String fallback) {
        String v = System.getProperty(key);
        return v == null || v.isBlank() ? fallback : v.strip();
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }

    private static List<String> csv(String v) {
        return Arrays.stream(v.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static List<Integer> ints(String v, List<Integer> fallback) {
        List<String> parts = csv(v.replace("_", ""));
        return parts.isEmpty()
                ? fallback
                : parts.stream().map(Integer::parseInt).toList();
    }
}
