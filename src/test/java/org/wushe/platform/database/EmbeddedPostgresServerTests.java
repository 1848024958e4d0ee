package org.wushe.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application's embedded server, started with the application's defaults (durable): its safety
 * settings, its persistence across restarts, and how it behaves when its owner dies or is stopped.
 */
class EmbeddedPostgresServerTests {

    @TempDir
    Path dataDir;

    private EmbeddedPostgresServer server;
    private Process child;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (child != null) {
            child.destroyForcibly();
        }
    }

    private EmbeddedPostgresProperties applicationDefaults() {
        return new EmbeddedPostgresProperties(dataDir, 0, true, false, Duration.ofSeconds(60));
    }

    @Test
    void isDurableLoopbackOnlyAndRefusesConnectionsWithoutThePassword() throws Exception {
        server = EmbeddedPostgresServer.start(applicationDefaults());

        try (Connection c = server.connect("wushe");
                Statement s = c.createStatement()) {
            assertThat(show(s, "fsync")).isEqualTo("on");
            assertThat(show(s, "synchronous_commit")).isEqualTo("on");
            assertThat(show(s, "full_page_writes")).isEqualTo("on");
            assertThat(show(s, "listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(show(s, "password_encryption")).isEqualTo("scram-sha-256");
        }
        try (Connection c = server.connect("wushe");
                Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_trgm");
            var rs = s.executeQuery("select cardinality(show_trgm('徐汇区'))");
            rs.next();
            assertThat(rs.getInt(1))
                    .as("pg_trgm must see Chinese characters (UTF-8 ctype)")
                    .isGreaterThan(0);
        }

        assertThatThrownBy(() -> connect(server.port(), null))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> connect(server.port(), "wrong-password"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");

        Path passwordFile = dataDir.resolve("wushe.password");
        assertThat(Files.getPosixFilePermissions(passwordFile))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.readString(dataDir.resolve("pgdata/pg_hba.conf")))
                .doesNotContainPattern("(?m)^[^#].*\\btrust\\b");
    }

    /** Even a server that logs every statement shows no role password (the role repair at every start sets them). */
    @Test
    void theRolesPasswordsNeverReachTheServerLog() throws Exception {
        server = EmbeddedPostgresServer.start(applicationDefaults());
        try (Connection c = server.connect("wushe");
                Statement s = c.createStatement()) {
            s.execute("alter system set log_statement = 'all'");
            s.execute("select pg_reload_conf()");
        }
        server.close();
        server = EmbeddedPostgresServer.start(applicationDefaults()); // the roles are repaired at every start

        String log = Files.readString(dataDir.resolve("postgres.log"));
        assertThat(log).contains("alter database \"wushe\" owner to wushe_owner"); // logging is on again after them
        assertThat(log).doesNotContain(server.ownerPassword()).doesNotContain(server.appPassword());
    }

    @Test
    void keepsDataAcrossRestartsAndNeverDeletesTheDirectory() throws Exception {
        server = EmbeddedPostgresServer.start(applicationDefaults());
        try (Connection c = server.connect("wushe");
                Statement s = c.createStatement()) {
            s.execute("create table kept (note text)");
            s.execute("insert into kept values ('acknowledged')");
        }
        long firstPostmaster = postmasterPid();
        server.close();
        server = null;

        assertThat(ProcessHandle.of(firstPostmaster).map(ProcessHandle::isAlive))
                .isNotEqualTo(Optional.of(true));
        assertThat(dataDir.resolve("pgdata/PG_VERSION")).exists();

        server = EmbeddedPostgresServer.start(applicationDefaults());
        try (Connection c = server.connect("wushe");
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("select note from kept");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("acknowledged");
        }
    }

    @Test
    void refusesADataDirectoryHeldByAnotherRunningInstance() throws Exception {
        child = startInChildJvm();

        assertThatThrownBy(() -> server = EmbeddedPostgresServer.start(applicationDefaults()))
                .isInstanceOf(EmbeddedDatabaseException.class)
                .hasMessageContaining("in use by another running Wushe instance")
                .hasMessageContaining("WUSHE_DATA_DIR");
    }

    @Test
    void stopsPostgresWhenTheApplicationIsTerminated() throws Exception {
        child = startInChildJvm();
        long postmaster = postmasterPid();

        child.destroy(); // SIGTERM, as systemd or Ctrl-C would
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void stopsThePostgresLeftRunningByAKilledInstanceAndStarts() throws Exception {
        child = startInChildJvm();
        long orphan = postmasterPid();

        child.destroyForcibly(); // SIGKILL: no shutdown hook runs, PostgreSQL is orphaned
        child.waitFor(30, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).isPresent();

        server = EmbeddedPostgresServer.start(applicationDefaults());

        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).isEmpty();
        try (Connection c = server.connect("wushe");
                Statement s = c.createStatement()) {
            assertThat(s.executeQuery("select 1").next()).isTrue();
        }
    }

    @Test
    void restartsAKilledPostmasterOnTheSamePortWithItsCommittedData() throws Exception {
        server = EmbeddedPostgresServer.start(applicationDefaults());
        try (Connection c = server.connect("wushe");
                Statement s = c.createStatement()) {
            s.execute("create table kept (note text)");
            s.execute("insert into kept values ('committed before the crash')");
        }
        long killed = postmasterPid();
        int port = server.port();

        long began = System.nanoTime();
        ProcessHandle.of(killed).orElseThrow().destroyForcibly(); // kill -9
        assertThat(waitUntil(() -> !server.isAvailable(), Duration.ofSeconds(2)))
                .as("the supervisor notices the death within 2 s")
                .isTrue();
        assertThat(waitUntil(server::isAvailable, Duration.ofSeconds(60)))
                .as("and brings the server back")
                .isTrue();
        long backMillis = Duration.ofNanos(System.nanoTime() - began).toMillis();
        System.out.println("postmaster killed → accepting connections again after " + backMillis + " ms");

        assertThat(server.port()).isEqualTo(port);
        assertThat(postmasterPid()).isNotEqualTo(killed);
        try (Connection c = server.connect("wushe");
                Statement s = c.createStatement()) {
            var rs = s.executeQuery("select note from kept");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("committed before the crash");
        }
    }

    @Test
    void doesNotRestartAServerThatIsBeingClosed() throws Exception {
        server = EmbeddedPostgresServer.start(applicationDefaults());
        long postmaster = postmasterPid();
        server.close();
        server = null;

        Thread.sleep(1_000); // time enough for a supervisor that wrongly restarted it
        assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).isEmpty();
        assertThat(PostgresProcess.runningPostmaster(dataDir.resolve("pgdata"))).isEmpty();
    }

    private static boolean waitUntil(BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    private Process startInChildJvm() throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        ServerProcessMain.class.getName(),
                        dataDir.toString()))
                .redirectErrorStream(true)
                .start();
        var out = new BufferedReader(new InputStreamReader(process.getInputStream()));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("READY ")) {
                Thread drain = new Thread(() -> drain(out)); // keep the child's output pipe from filling up
                drain.setDaemon(true);
                drain.start();
                return process;
            }
        }
        throw new IllegalStateException("The child JVM did not start a server (exit " + exitCode(process) + ")");
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // discard
            }
        } catch (IOException closedWhenTheChildDies) {
            // nothing more to read
        }
    }

    private static int exitCode(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid"))
                .get(0)
                .trim());
    }

    private static String show(Statement s, String setting) throws SQLException {
        var rs = s.executeQuery("show " + setting);
        rs.next();
        return rs.getString(1);
    }

    private static Connection connect(int port, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "wushe");
        if (password != null) {
            props.setProperty("password", password);
        }
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/wushe", props);
    }
}
