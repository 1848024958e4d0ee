package org.wushe.platform.database;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One server per data directory for the whole JVM, shared by every application context that asks for it
 * (a test JVM starts several). It stops when the JVM exits, but only after the contexts using it have closed:
 * JVM shutdown hooks run concurrently, and a context still closing may need the database.
 */
final class JvmSharedServers {

    private static final Map<Path, Shared> SERVERS = new ConcurrentHashMap<>();
    private static final long MAX_WAIT_FOR_CONTEXTS_MS = TimeUnit.SECONDS.toMillis(20);

    private JvmSharedServers() {}

    static EmbeddedPostgresServer acquire(EmbeddedPostgresProperties properties) {
        Shared shared =
                SERVERS.computeIfAbsent(properties.dataDir().toAbsolutePath().normalize(), dir -> {
                    Shared started = new Shared(EmbeddedPostgresServer.start(properties));
                    Runtime.getRuntime().addShutdownHook(new Thread(started::stopOnceUnused, "embedded-postgres-stop"));
                    return started;
                });
        shared.users.incrementAndGet();
        return shared.server;
    }

    static void release(EmbeddedPostgresServer server) {
        SERVERS.values().stream().filter(s -> s.server == server).findFirst().ifPresent(s -> {
            synchronized (s) {
                s.users.decrementAndGet();
                s.notifyAll();
            }
        });
    }

    private static final class Shared {
        final EmbeddedPostgresServer server;
        final AtomicInteger users = new AtomicInteger();

        Shared(EmbeddedPostgresServer server) {
            this.server = server;
        }

        synchronized void stopOnceUnused() {
            long deadline = System.currentTimeMillis() + MAX_WAIT_FOR_CONTEXTS_MS;
            try {
                while (users.get() > 0 && System.currentTimeMillis() < deadline) {
                    wait(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server.close();
        }
    }
}
