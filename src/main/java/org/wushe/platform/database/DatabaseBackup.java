package org.wushe.platform.database;

import static org.wushe.platform.database.CatalogQueries.ident;
import static org.wushe.platform.database.CatalogQueries.strings;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.springframework.util.FileSystemUtils;

/**
 * A consistent logical backup of the embedded database, and its restore into a new data directory.
 *
 * <p>The PostgreSQL binaries Wushe ships have no {@code pg_dump}, and the distributions' older ones refuse a
 * PostgreSQL 17 server, so the backup is Wushe's own: the migration version, then every logged table of the
 * schema as {@code COPY} text, all read in one REPEATABLE READ snapshot (like pg_dump), then the sequences (read
 * after the snapshot, so never behind the rows). The schema itself is not in the file: a restore runs the same
 * migrations up to the backup's version and loads the rows into them, then the next start migrates further.
 * Unlogged tables (import staging) and Flyway's history are not copied.
 *
 * <p>It connects as the owner role; it works while Wushe runs (the port is read from {@code postmaster.pid}),
 * and starts the server itself when Wushe is stopped. A restore needs a data directory without a cluster.
 */
public final class DatabaseBackup {

    static final String MANIFEST = "wushe-backup.properties";
    static final String KEYS_FILE = "wushe-keys.properties";
    private static final String FORMAT = "1";

    private DatabaseBackup() {}

    /** What a backup or restore did, for the command's output. */
    public record Summary(String migrationVersion, Map<String, Long> rows, Path keysFile) {
        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Writes the backup of the cluster in {@code dataDir} to {@code target} (a zip file) and, when the data
     * directory holds development keys, copies them beside it as {@code <target>.keys.properties} (owner-only).
     */
    public static Summary backup(EmbeddedPostgresProperties properties, Path target) {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        if (!Files.exists(dataDir.resolve("pgdata/PG_VERSION"))) {
            // else starting the server below would initialise a new, empty cluster there (a mistyped directory)
            throw new EmbeddedDatabaseException(
                    "No database in " + dataDir + ": check --wushe.embedded-db.data-dir" + " or WUSHE_DATA_DIR");
        }
        Integer runningPort = runningPort(dataDir);
        try {
            if (runningPort != null) {
                var roles = new ClusterRoles(dataDir);
                try (Connection c = DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + runningPort + "/" + EmbeddedPostgresServer.DATABASE,
                        ClusterRoles.OWNER,
                        roles.ownerPassword())) {
                    return backup(c, dataDir, target);
                }
            }
            try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties);
                    Connection c = DriverManager.getConnection(
                            server.jdbcUrl(), server.ownerUsername(), server.ownerPassword())) {
                return backup(c, dataDir, target);
            }
        } catch (SQLException | IOException e) {
            throw new EmbeddedDatabaseException("The backup failed: " + e.getMessage(), e);
        }
    }

    private static Summary backup(Connection c, Path dataDir, Path target) throws SQLException, IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Map<String, Long> rows = new LinkedHashMap<>();
        Properties manifest = new Properties();
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ); // one snapshot for every table
        c.setReadOnly(true);
        try (Statement s = c.createStatement()) {
            String version = single(
                    s,
                    "select version from flyway_schema_history where success and version is not null"
                            + " order by installed_rank desc limit 1");
            List<String> tables = strings(s, """
                    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = 'public' and c.relkind = 'r' and c.relpersistence = 'p'
                      and c.relname <> 'flyway_schema_history'
                      and not exists (select from pg_depend d where d.objid = c.oid and d.deptype = 'e')
                    order by c.relname""");
            Files.createDirectories(target.toAbsolutePath().getParent());
            // owner-only: besides ciphertexts it holds names, addresses and the accounts' password hashes
            Files.deleteIfExists(partial);
            Files.createFile(
                    partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream file = Files.newOutputStream(partial);
                    ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file, 1 << 16))) {
                var copy = c.unwrap(PGConnection.class).getCopyAPI();
                for (String table : tables) {
                    zip.putNextEntry(new ZipEntry("data/" + table + ".copy"));
                    rows.put(table, copy.copyOut("copy " + ident(table) + " to stdout", new NonClosing(zip)));
                    zip.closeEntry();
                }
                // read after the rows' snapshot was taken: a sequence is never behind the ids in the file
                Properties sequences = new Properties();
                for (String line : strings(
                        s,
                        "select sequencename || '=' || coalesce(last_value::text, '')"
                                + " from pg_sequences where schemaname = 'public'")) {
                    sequences.setProperty(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
                }
                zip.putNextEntry(new ZipEntry("sequences.properties"));
                sequences.store(zip, null);
                zip.closeEntry();
                manifest.setProperty("format", FORMAT);
                manifest.setProperty("created", Instant.now().toString());
                manifest.setProperty("migration-version", version);
                manifest.setProperty("tables", String.join(",", tables));
                rows.forEach((table, n) -> manifest.setProperty("rows." + table, Long.toString(n)));
                zip.putNextEntry(new ZipEntry(MANIFEST));
                manifest.store(zip, "Wushe backup");
                zip.closeEntry();
            }
            c.rollback();
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new Summary(version, rows, copyKeys(dataDir.resolve(KEYS_FILE), keysFileOf(target)));
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Restores {@code backup} into {@code properties.dataDir()}, which must be empty or absent: creates the
     * cluster and its roles, migrates to the backup's version, loads every table in one transaction, sets the
     * sequences, and puts the development keys found beside the backup into the new data directory. When any of
     * that fails, what the restore wrote is removed again, so the directory is never left holding a migrated but
     * empty database that a start would take for a new installation.
     */
    public static Summary restore(EmbeddedPostgresProperties properties, Path backup) {
        Path dataDir = properties.dataDir().toAbsolutePath().normalize();
        if (Files.exists(dataDir.resolve("pgdata"))) {
            throw new EmbeddedDatabaseException("A restore goes into a new data directory, and " + dataDir
                    + " already holds a database. Point WUSHE_DATA_DIR at an empty directory.");
        }
        if (!isEmptyOrAbsent(dataDir)) {
            throw new EmbeddedDatabaseException("A restore goes into a new, empty data directory, and " + dataDir
                    + " is not empty. Point WUSHE_DATA_DIR at an empty directory.");
        }
        if (!Files.isRegularFile(backup)) {
            throw new EmbeddedDatabaseException("No backup file " + backup);
        }
        Properties manifest = manifest(backup);
        if (!FORMAT.equals(manifest.getProperty("format"))) {
            throw new EmbeddedDatabaseException(backup + " is not a Wushe backup of format " + FORMAT);
        }
        String version = manifest.getProperty("migration-version");
        boolean created = !Files.exists(dataDir);
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties)) {
            Flyway.configure()
                    .dataSource(server.jdbcUrl(), server.ownerUsername(), server.ownerPassword())
                    .locations("classpath:db/migration")
                    .target(version)
                    .callbacks(new ApplicationRoleGrants(server.appUsername()))
                    .load()
                    .migrate();
            Map<String, Long> rows = load(server, backup, manifest);
            Path keys = copyKeys(keysFileOf(backup), dataDir.resolve(KEYS_FILE));
            return new Summary(version, rows, keys);
        } catch (SQLException | IOException | RuntimeException e) {
            // the server is closed by now (try-with-resources closes before catching)
            String left = removeRestored(dataDir, created)
                    ? dataDir + " is empty again"
                    : "delete " + dataDir + " before trying again";
            throw new EmbeddedDatabaseException(
                    "The restore failed (nothing was loaded; " + left + "): " + e.getMessage(), e);
        }
    }

    private static boolean isEmptyOrAbsent(Path dir) {
        if (!Files.exists(dir)) {
            return true;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Cannot read the data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Removes what a failed restore wrote into {@code dataDir} (empty or absent before it); true when done. */
    private static boolean removeRestored(Path dataDir, boolean created) {
        if (!Files.exists(dataDir)) {
            return true;
        }
        try (var entries = Files.list(dataDir)) {
            for (Path entry : entries.toList()) {
                FileSystemUtils.deleteRecursively(entry);
            }
            if (created) {
                Files.delete(dataDir);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Loads as initdb's superuser in one transaction, with triggers and foreign keys off for its duration
     * ({@code session_replication_role = replica}, as pg_restore does): the rows were consistent when copied,
     * and the tables are loaded in name order, not in dependency order. Rows the migrations wrote are replaced.
     */
    private static Map<String, Long> load(EmbeddedPostgresServer server, Path backup, Properties manifest)
            throws SQLException, IOException {
        Map<String, Long> rows = new LinkedHashMap<>();
        List<String> tables = List.of(manifest.getProperty("tables", "").split(","));
        try (Connection c = server.connect(EmbeddedPostgresServer.DATABASE);
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local session_replication_role = replica");
            List<String> quoted = tables.stream()
                    .filter(t -> !t.isEmpty())
                    .map(CatalogQueries::ident)
                    .toList();
            if (!quoted.isEmpty()) {
                s.execute("truncate " + String.join(", ", quoted) + " cascade");
            }
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            Properties sequences = new Properties();
            try (ZipInputStream zip =
                    new ZipInputStream(new BufferedInputStream(Files.newInputStream(backup), 1 << 16))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    String name = e.getName();
                    if (name.startsWith("data/") && name.endsWith(".copy")) {
                        String table = name.substring("data/".length(), name.length() - ".copy".length());
                        if (!tables.contains(table)) {
                            throw new EmbeddedDatabaseException("The backup holds an unlisted table " + table);
                        }
                        rows.put(table, copy.copyIn("copy " + ident(table) + " from stdin", new NonClosingIn(zip)));
                    } else if (name.equals("sequences.properties")) {
                        sequences.load(new NonClosingIn(zip));
                    }
                }
            }
            for (String table : tables) {
                long expected = Long.parseLong(manifest.getProperty("rows." + table, "-1"));
                if (!table.isEmpty() && rows.getOrDefault(table, -1L) != expected) {
                    throw new EmbeddedDatabaseException("The backup is incomplete: table " + table + " has "
                            + rows.get(table) + " rows, the manifest says " + expected);
                }
            }
            for (String sequence : sequences.stringPropertyNames()) {
                String value = sequences.getProperty(sequence);
                try (var set = c.prepareStatement(
                        value.isEmpty()
                                ? "select setval(?::regclass, 1, false)"
                                : "select setval(?::regclass, " + Long.parseLong(value) + ", true)")) {
                    set.setString(1, ident(sequence));
                    set.execute();
                }
            }
            c.commit();
        }
        return rows;
    }

    private static Properties manifest(Path backup) {
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(backup)))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(MANIFEST)) {
                    Properties p = new Properties();
                    p.load(zip);
                    return p;
                }
            }
        } catch (IOException e) {
            throw new EmbeddedDatabaseException(backup + " cannot be read as a Wushe backup: " + e.getMessage(), e);
        }
        throw new EmbeddedDatabaseException(backup + " is not a Wushe backup (no " + MANIFEST + ")");
    }

    static Path keysFileOf(Path backup) {
        return backup.resolveSibling(backup.getFileName() + ".keys.properties");
    }

    /** Copies an owner-only key file if there is one; returns the copy, or null. */
    private static Path copyKeys(Path from, Path to) throws IOException {
        if (!Files.isRegularFile(from)) {
            return null;
        }
        Files.deleteIfExists(to);
        Files.createFile(to, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(to, Files.readAllBytes(from));
        return to;
    }

    /** The port of the server a running Wushe holds on {@code dataDir}, or null when none runs. */
    static Integer runningPort(Path dataDir) {
        Path pgdata = dataDir.resolve("pgdata");
        if (PostgresProcess.runningPostmaster(pgdata).isEmpty()) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(pgdata.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return Integer.parseInt(lines.get(3).trim()); // pid, data directory, start time, port, …
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        List<String> values = strings(s, sql);
        if (values.isEmpty()) {
            throw new EmbeddedDatabaseException("The database has not been migrated yet: nothing to back up");
        }
        return values.get(0);
    }

    /** The zip stays open for the next entry when COPY closes what it wrote to. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final class NonClosingIn extends FilterInputStream {
        NonClosingIn(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip's next entry follows
        }
    }
}
