package org.wushe.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The on-disk cluster inside Wushe's data directory: {@code pgdata/} made by initdb with password
 * authentication, and {@code wushe.password}, readable by its owner only.
 */
final class PostgresCluster {

    static final String SUPERUSER = "wushe";

    private final Path dataDir;
    private final Path binaries;

    PostgresCluster(Path dataDir, Path binaries) {
        this.dataDir = dataDir;
        this.binaries = binaries;
    }

    Path pgdata() {
        return dataDir.resolve("pgdata");
    }

    Path passwordFile() {
        return dataDir.resolve("wushe.password");
    }

    boolean isInitialised() {
        return Files.exists(pgdata().resolve("PG_VERSION"));
    }

    String password() {
        try {
            return Files.readString(passwordFile(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new EmbeddedDatabaseException(
                    "The database password file " + passwordFile() + " cannot be"
                            + " read; it is created with the cluster and must stay beside pgdata/.",
                    e);
        }
    }

    /**
     * Runs initdb into a staging folder and moves it in place, so an interrupted first start leaves no
     * cluster that looks complete. The builtin C.UTF-8 locale gives Chinese text character classes
     * (pg_trgm finds trigrams in it) and code-point order, whatever the machine's own locale is.
     */
    void initialise() {
        if (Files.exists(pgdata())) {
            throw new EmbeddedDatabaseException(pgdata() + " exists but holds no PostgreSQL cluster"
                    + " (no PG_VERSION). Move it away or point WUSHE_DATA_DIR at an empty directory.");
        }
        try {
            writeOwnerOnly(passwordFile(), newPassword());
            Path staging = dataDir.resolve("pgdata.initdb-tmp");
            PostgresBinaries.deleteTree(staging);
            List<String> args = new ArrayList<>(List.of(
                    "-D",
                    staging.toString(),
                    "-U",
                    SUPERUSER,
                    "--auth=scram-sha-256",
                    "--pwfile=" + passwordFile(),
                    "-E",
                    "UTF8",
                    "--locale-provider=builtin",
                    "--builtin-locale=C.UTF-8",
                    "--lc-ctype=C.UTF-8",
                    "--lc-collate=C.UTF-8",
                    "--lc-messages=C",
                    "--no-instructions"));
            Process initdb = PostgresProcess.builder(binaries, "initdb", args)
                    .redirectErrorStream(true)
                    .redirectOutput(dataDir.resolve("initdb.log").toFile())
                    .start();
            if (!initdb.waitFor(120, TimeUnit.SECONDS) || initdb.exitValue() != 0) {
                initdb.destroyForcibly();
                throw new EmbeddedDatabaseException("initdb failed; see " + dataDir.resolve("initdb.log"));
            }
            Files.move(staging, pgdata());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot initialise the database cluster in " + dataDir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedDatabaseException("Interrupted while initialising the database cluster", e);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
