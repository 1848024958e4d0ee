package org.wushe.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * N clients each doing one operation after another as fast as they can, for a fixed time after a warm-up: the
 * right shape for a ceiling (how many single-row transactions can the engine do), not for user-facing latency
 * under load (that is {@link OpenLoop}'s job).
 */
final class ClosedLoop {

    interface Client extends AutoCloseable {
        void operate() throws Exception;

        @Override
        default void close() throws Exception {}
    }

    interface ClientFactory {
        Client open(int index) throws Exception;
    }

    record Result(long operations, long errors, double seconds, Latencies latencies, String firstError) {}

    static Result run(int clients, double warmupSeconds, double seconds, ClientFactory factory) throws Exception {
        List<Client> opened = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                opened.add(factory.open(i));
            }
            if (warmupSeconds > 0) {
                measure(opened, warmupSeconds);
            }
            return measure(opened, seconds);
        } finally {
            for (Client c : opened) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing a probe connection cannot change a figure already taken
                }
            }
        }
    }

    private static Result measure(List<Client> clients, double seconds) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong ops = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        StringBuffer firstError = new StringBuffer();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        for (Client client : clients) {
            Thread t = new Thread(
                    () -> {
                        while (running.get() && System.nanoTime() < end) {
                            long began = System.nanoTime();
                            try {
                                client.operate();
                                latencies.recordNanos(System.nanoTime() - began);
                                ops.incrementAndGet();
                            } catch (Exception e) {
                                errors.incrementAndGet();
                                synchronized (firstError) {
                                    if (firstError.isEmpty()) {
                                        firstError.append(e);
                                    }
                                }
                            }
                        }
                    },
                    "bench-client");
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        running.set(false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(
                ops.get(), errors.get(), elapsed, latencies, firstError.isEmpty() ? null : firstError.toString());
    }

    private ClosedLoop() {}
}
