package org.wushe.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL 17 server owned by this process: durable (fsync, synchronous commit), on loopback
 * only, password-authenticated, with a data directory that survives restarts and is never deleted here.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "wushe";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgresProperties properties;
    private final Path dataDir;
    private DataDirectoryLock lock;
    private Path binaries;
    private PostgresCluster cluster;
    private ClusterRoles roles;
    private Process postmaster;
    private int port;
    private volatile boolean closing;
    private volatile PostgresSupervisor supervisor;

    private EmbeddedPostgresServer(EmbeddedPostgresProperties properties) {
        this.properties = properties;
        this.dataDir = properties.dataDir().toAbsolutePath().normalize();
    }

    public static EmbeddedPostgresServer start(EmbeddedPostgresProperties properties) {
        var server = new EmbeddedPostgresServer(properties);
        try {
            server.doStart();
            server.supervisor = PostgresSupervisor.watch(server);
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void doStart() {
        long began = System.nanoTime();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir, e);
        }
        lock = DataDirectoryLock.acquire(dataDir);
        binaries = PostgresBinaries.install();
        cluster = new PostgresCluster(dataDir, binaries);
        boolean fresh = !cluster.isInitialised();
        if (fresh) {
            cluster.initialise();
        }
        PostgresProcess.runningPostmaster(cluster.pgdata()).ifPresent(orphan -> {
            // We hold the directory lock, so no Wushe owns this server: it was left by a killed instance.
            log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier instance", orphan.pid(), dataDir);
            stopProcess(orphan);
        });
        port = properties.port() != 0 ? properties.port() : freeLoopbackPort();
        launch();
        awaitReady();
        ensureDatabase();
        ensureRoles();
        log.info(
                "Embedded PostgreSQL 17 {} on 127.0.0.1:{}, data in {}, {} in {} ms (password in {})",
                fresh ? "initialised" : "started",
                port,
                dataDir,
                properties.durable() ? "durable" : "NOT durable",
                Duration.ofNanos(System.nanoTime() - began).toMillis(),
                cluster.passwordFile());
    }

    private void launch() {
        List<String> args = new ArrayList<>(List.of(
                "-D",
                cluster.pgdata().toString(),
                "-p",
                Integer.toString(port),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "unix_socket_directories=",
                "-c",
                "password_encryption=scram-sha-256",
                "-c",
                "max_connections=200",
                "-c",
                "fsync=" + onOff(properties.durable()),
                "-c",
                "synchronous_commit=" + onOff(properties.durable()),
                "-c",
                "full_page_writes=" + onOff(properties.durable()),
                // crash recovery first fsyncs every file of the cluster one by one (4 s of a 6 s recovery in the
                // crash test); one syncfs() of the file system does the same work in a single call
                "-c",
                "recovery_init_sync_method=syncfs"));
        try {
            postmaster = PostgresProcess.builder(binaries, "postgres", args)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dataDir.resolve("postgres.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot start PostgreSQL", e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + properties.startupTimeout().toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!postmaster.isAlive()) {
                throw new EmbeddedDatabaseException("PostgreSQL exited at start (code " + postmaster.exitValue()
                        + "); see " + dataDir.resolve("postgres.log"));
            }
            try (Connection ignored = connect("postgres")) {
                return;
            } catch (SQLException e) {
                last = e;
                sleep(50);
            }
        }
        throw new EmbeddedDatabaseException(
                "PostgreSQL did not accept connections within " + properties.startupTimeout() + "; see "
                        + dataDir.resolve("postgres.log"),
                last);
    }

    private void ensureDatabase() {
        try (Connection c = connect("postgres");
                var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                c.createStatement().execute("create database " + DATABASE);
            }
        } catch (SQLException e) {
            throw new EmbeddedDatabaseException("Cannot create the database " + DATABASE, e);
        }
    }

    private void ensureRoles() {
        roles = new ClusterRoles(dataDir);
        try (Connection c = connect(DATABASE)) {
            roles.ensure(c, DATABASE);
        } catch (SQLException e) {
            throw new EmbeddedDatabaseException("Cannot prepare the owner and application roles", e);
        }
    }

    /** The running postmaster, or null once closed. */
    synchronized Process postmaster() {
        return postmaster;
    }

    /** True from the moment {@link #close()} begins: the postmaster's exit is then expected. */
    boolean closing() {
        return closing;
    }

    /**
     * Starts the postmaster again on the same port and data directory after it died (unless one started by an
     * earlier attempt is still recovering); PostgreSQL replays its WAL (crash recovery) before it accepts
     * connections. Does nothing once closing.
     */
    synchronized void restartAfterCrash() {
        if (closing) {
            return;
        }
        if (postmaster == null || !postmaster.isAlive()) {
            launch();
        }
        awaitRecovered();
    }

    /**
     * Waits for a restarted postmaster as long as it lives, however long its crash recovery takes: stopping it
     * after a time-out would throw the replayed WAL away and start over, possibly forever. Throws when it exits
     * (the supervisor then starts it again) and returns when closing begins.
     */
    private void awaitRecovered() {
        while (!closing) {
            if (!postmaster.isAlive()) {
                throw new EmbeddedDatabaseException("PostgreSQL exited during crash recovery (code "
                        + postmaster.exitValue() + "); see " + dataDir.resolve("postgres.log"));
            }
            try (Connection ignored = connect("postgres")) {
                return;
            } catch (SQLException e) {
                sleep(100);
            }
        }
    }

    /** False while the postmaster is dead or restarting (for the health check: DOWN without waiting). */
    public boolean isAvailable() {
        return supervisor == null || supervisor.isAvailable();
    }

    Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", username());
        props.setProperty("password", password());
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** initdb's superuser: only for creating and repairing the roles below, and for maintenance. */
    public String username() {
        return PostgresCluster.SUPERUSER;
    }

    public String password() {
        return cluster.password();
    }

    /** The role that runs the migrations and owns the tables (Flyway, backups). */
    public String ownerUsername() {
        return ClusterRoles.OWNER;
    }

    public String ownerPassword() {
        return roles.ownerPassword();
    }

    /** The role of the application's connection pool: no superuser, owns nothing. */
    public String appUsername() {
        return ClusterRoles.APP;
    }

    public String appPassword() {
        return roles.appPassword();
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Fast shutdown (rolls back open transactions, checkpoints, exits) and waits for the process to end. */
    @Override
    public void close() {
        closing = true; // before taking the lock: the supervisor must not restart what is being stopped
        stop();
    }

    private synchronized void stop() {
        try {
            if (postmaster != null && postmaster.isAlive()) {
                stopProcess(postmaster.toHandle());
                log.info("Embedded PostgreSQL stopped");
            }
        } finally {
            postmaster = null;
            if (lock != null) {
                lock.close();
                lock = null;
            }
        }
    }

    private static void stopProcess(ProcessHandle process) {
        PostgresProcess.signal(process.pid(), "INT");
        try {
            process.onExit().get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("PostgreSQL did not stop within 60 s; sending an immediate shutdown");
            PostgresProcess.signal(process.pid(), "QUIT");
            process.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free TCP port on 127.0.0.1", e);
        }
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedDatabaseException("Interrupted while waiting for PostgreSQL", e);
        }
    }
}
