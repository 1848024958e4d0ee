package org.wushe.platform.database;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the embedded server's postmaster and starts it again when it dies (killed, out of memory, a crash):
 * on the same port and data directory, so the pool's URL stays right and PostgreSQL runs its crash recovery
 * (WAL replay) before it accepts connections again. The pool reconnects by itself once the server is back.
 * Nothing is restarted while the server is being closed or the JVM is shutting down.
 *
 * <p>The postmaster is this JVM's own child, so its exit is seen at once (the JDK's process reaper), not by
 * polling.
 */
final class PostgresSupervisor implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(PostgresSupervisor.class);
    private static final long MAX_BACKOFF_MS = 5_000;

    private final EmbeddedPostgresServer server;
    private final AtomicInteger restarts = new AtomicInteger();
    private volatile boolean available = true;

    private PostgresSupervisor(EmbeddedPostgresServer server) {
        this.server = server;
    }

    static PostgresSupervisor watch(EmbeddedPostgresServer server) {
        PostgresSupervisor supervisor = new PostgresSupervisor(server);
        Thread thread = new Thread(supervisor, "embedded-postgres-supervisor-" + server.port());
        thread.setDaemon(true);
        thread.start();
        return supervisor;
    }

    /** False from the moment the postmaster is seen dead until it accepts connections again. */
    boolean isAvailable() {
        return available;
    }

    int restarts() {
        return restarts.get();
    }

    @Override
    public void run() {
        while (true) {
            Process watched = server.postmaster();
            if (watched == null) {
                return;
            }
            int exit = waitFor(watched);
            if (stopping()) {
                return;
            }
            available = false;
            long died = System.nanoTime();
            log.warn(
                    "Embedded PostgreSQL (pid {}) on 127.0.0.1:{} died ({}); restarting it on the same port and data"
                            + " directory {}, with crash recovery. Database requests answer 503 until it is back.",
                    watched.pid(),
                    server.port(),
                    describe(exit),
                    server.dataDir());
            if (!restart()) {
                return;
            }
            available = true;
            Process back = server.postmaster(); // null if closing began just now
            log.warn(
                    "Embedded PostgreSQL is back on 127.0.0.1:{} (pid {}), {} ms after it died (crash recovery"
                            + " done; restart {} since start)",
                    server.port(),
                    back == null ? "-" : back.pid(),
                    Duration.ofNanos(System.nanoTime() - died).toMillis(),
                    restarts.incrementAndGet());
        }
    }

    /** Tries until the server is back or is being closed; false if it is being closed. */
    private boolean restart() {
        for (int attempt = 1; ; attempt++) {
            if (stopping()) {
                return false;
            }
            try {
                server.restartAfterCrash();
                return !stopping();
            } catch (RuntimeException e) {
                // Typically: backends of the dead postmaster still hold its shared memory for a moment
                // ("pre-existing shared memory block is still in use"); they exit on their own.
                log.warn("Restart {} of the embedded PostgreSQL failed: {}; trying again", attempt, e.getMessage());
                sleep(Math.min(MAX_BACKOFF_MS, 200L * attempt));
            }
        }
    }

    private boolean stopping() {
        return server.closing() || jvmShuttingDown() || Thread.currentThread().isInterrupted();
    }

    /** The JDK refuses new shutdown hooks once shutdown has begun; that is the only way to ask. */
    private static boolean jvmShuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping() then says so
            return -1;
        }
    }

    private static String describe(int exit) {
        return exit > 128 ? "killed by signal " + (exit - 128) : "exit code " + exit;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
