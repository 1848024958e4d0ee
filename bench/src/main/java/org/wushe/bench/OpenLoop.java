package org.wushe.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * An open workload: requests arrive at a fixed rate whatever the server does, as residents do. Request i is
 * due at start + i/rate; its latency is measured from that intended time, not from when the client managed to
 * send it, so a server that falls behind shows its queueing in the percentiles (no coordinated omission).
 */
final class OpenLoop {

    /** Sends request number {@code i} and completes with its HTTP status (or exceptionally). */
    interface Request extends LongFunction<CompletableFuture<Integer>> {}

    /**
     * @param ok          2xx answers; {@code okLatencies} their latencies from intended start
     * @param shed        429 answers; {@code shedLatencies} their latencies from intended start
     * @param serverErrors 5xx answers
     * @param otherStatus any other status (4xx but 429)
     * @param failures    exceptions (connection refused, time-out) and requests never sent (client saturated)
     */
    record Result(
            double rate,
            double seconds,
            long sent,
            long ok,
            long shed,
            long serverErrors,
            long otherStatus,
            long failures,
            Latencies all,
            Latencies okLatencies,
            Latencies shedLatencies,
            String firstFailure) {

        double okPerSecond() {
            return ok / seconds;
        }

        Map<String, Object> summary() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("offeredPerSecond", rate);
            m.put("seconds", seconds);
            m.put("sent", sent);
            m.put("ok2xx", ok);
            m.put("shed429", shed);
            m.put("status5xx", serverErrors);
            m.put("otherStatus", otherStatus);
            m.put("failures", failures);
            m.put("okPerSecond", okPerSecond());
            m.put("latencyAll", all.percentiles());
            m.put("latency2xx", okLatencies.percentiles());
            m.put("latency429", shedLatencies.percentiles());
            if (firstFailure != null) {
                m.put("firstFailure", firstFailure);
            }
            return m;
        }
    }

    /** Beyond this many requests in flight the client itself is the bottleneck: we count them as failures. */
    private static final int MAX_IN_FLIGHT = 4_000;

    static Result run(double ratePerSecond, double seconds, long firstIndex, Request request)
            throws InterruptedException {
        long total = Math.max(1, Math.round(ratePerSecond * seconds));
        double intervalNanos = 1e9 / ratePerSecond;
        Latencies all = new Latencies();
        Latencies okLat = new Latencies();
        Latencies shedLat = new Latencies();
        AtomicLong ok = new AtomicLong();
        AtomicLong shed = new AtomicLong();
        AtomicLong s5xx = new AtomicLong();
        AtomicLong other = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        StringBuffer firstFailure = new StringBuffer();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long start = System.nanoTime() + 1_000_000;
        for (long i = 0; i < total; i++) {
            long intended = start + (long) (i * intervalNanos);
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            if (inFlight.get() >= MAX_IN_FLIGHT) {
                failures.incrementAndGet();
                note(firstFailure, "client saturated: " + MAX_IN_FLIGHT + " requests in flight");
                continue;
            }
            inFlight.incrementAndGet();
            CompletableFuture<Integer> sent;
            try {
                sent = request.apply(firstIndex + i);
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            pending.add(sent.whenComplete((status, error) -> {
                long latency = System.nanoTime() - intended;
                inFlight.decrementAndGet();
                if (error != null) {
                    failures.incrementAndGet();
                    note(firstFailure, error.toString());
                    return;
                }
                all.recordNanos(latency);
                if (status >= 200 && status < 300) {
                    ok.incrementAndGet();
                    okLat.recordNanos(latency);
                } else if (status == 429) {
                    shed.incrementAndGet();
                    shedLat.recordNanos(latency);
                } else if (status >= 500) {
                    s5xx.incrementAndGet();
                } else {
                    other.incrementAndGet();
                    note(firstFailure, "status " + status);
                }
            }));
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // individual outcomes are already counted; a time-out leaves the rest uncounted, said below
        }
        long unanswered = pending.stream().filter(f -> !f.isDone()).count();
        double elapsed = Math.max(seconds, (System.nanoTime() - start) / 1e9);
        return new Result(
                ratePerSecond,
                elapsed,
                total,
                ok.get(),
                shed.get(),
                s5xx.get(),
                other.get(),
                failures.get() + unanswered,
                all,
                okLat,
                shedLat,
                firstFailure.isEmpty() ? null : firstFailure.toString());
    }

    private static void note(StringBuffer first, String what) {
        synchronized (first) {
            if (first.isEmpty()) {
                first.append(what);
            }
        }
    }

    /**
     * Raises the rate step by step until a step's p99 (from intended start, all answers) passes the target, or it
     * could not keep up (fewer than 95 % of the offered requests answered 2xx or 429 in time), or errors appear.
     * The knee is the highest rate that held.
     */
    static StepUp stepUp(
            List<Integer> rates, double stepSeconds, double p99TargetMillis, long firstIndex, Request request)
            throws InterruptedException {
        List<Result> steps = new ArrayList<>();
        Result knee = null;
        long index = firstIndex;
        for (int rate : rates) {
            Result r = run(rate, stepSeconds, index, request);
            index += r.sent();
            steps.add(r);
            boolean held = r.all().percentileMillis(99) <= p99TargetMillis
                    && r.serverErrors() == 0
                    && r.failures() == 0
                    && r.ok() >= 0.95 * r.sent();
            if (!held) {
                break;
            }
            knee = r;
        }
        return new StepUp(steps, knee, index - firstIndex);
    }

    record StepUp(List<Result> steps, Result knee, long requestsSent) {
        List<Map<String, Object>> summaries() {
            return steps.stream().map(Result::summary).toList();
        }
    }

    private OpenLoop() {}
}
