package org.wushe.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Wushe processes starting together on one machine share one unpacked copy of the PostgreSQL binaries:
 * neither fails, and a staging folder left by a killed process is cleaned up (issue 15, item 16).
 */
class PostgresBinariesTests {

    @TempDir
    Path cache;

    @Test
    void processesStartingTogetherBothGetTheBinaries() throws Exception {
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            processes.add(new ProcessBuilder(
                            java.toString(),
                            "-Xmx256m",
                            "-cp",
                            System.getProperty("java.class.path"),
                            UnpackMain.class.getName(),
                            cache.toString())
                    .redirectErrorStream(true)
                    .start());
        }
        for (Process process : processes) {
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).contains("unpacked ");
        }
        try (var entries = Files.list(cache)) {
            List<String> names =
                    entries.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).hasSize(2).anyMatch(n -> n.endsWith(".lock")).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aStagingFolderLeftByAKilledProcessIsRemoved() throws IOException {
        URL archive = archive();
        Path first = PostgresBinaries.install(archive, cache);
        // as a process killed mid-unpack would leave it: a staging folder, and no complete target
        Path leftover = Files.createDirectories(
                cache.resolve(first.getFileName() + ".0b1c.tmp").resolve("bin"));
        PostgresBinaries.deleteTree(first);

        Path again = PostgresBinaries.install(archive, cache);

        assertThat(again).isEqualTo(first);
        assertThat(again.resolve("bin/postgres")).isExecutable();
        assertThat(leftover.getParent()).doesNotExist();
    }

    @Test
    void threadsOfOneProcessStartingTogetherShareOneUnpackedCopy() throws Exception {
        // a file lock belongs to the whole process: a second thread locking it would fail, not wait
        URL archive = archive();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Path>> installs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                installs.add(threads.submit(() -> PostgresBinaries.install(archive, cache)));
            }
            Path first = installs.get(0).get(5, TimeUnit.MINUTES);
            assertThat(installs.get(1).get(5, TimeUnit.MINUTES)).isEqualTo(first);
            assertThat(first.resolve("bin/postgres")).isExecutable();
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aBrokenArchiveLeavesNoHalfUnpackedCopyBehind() throws IOException {
        Path broken = Files.write(Files.createTempFile("broken", ".txz"), new byte[] {(byte) 0xFD, '7', 'z', 'X', 'Z'});
        try {
            assertThatThrownBy(() -> PostgresBinaries.install(broken.toUri().toURL(), cache))
                    .isInstanceOf(UncheckedIOException.class);
            try (var entries = Files.list(cache)) {
                assertThat(entries.map(p -> p.getFileName().toString()))
                        .singleElement()
                        .satisfies(n -> assertThat(n).endsWith(".lock"));
            }
        } finally {
            Files.delete(broken);
        }
    }

    private static URL archive() {
        return PostgresBinaries.class.getClassLoader().getResource("postgres-linux-x86_64.txz");
    }

    /** One "Wushe process": unpacks into the folder given and prints where. */
    static final class UnpackMain {
        public static void main(String[] args) {
            System.out.println("unpacked " + PostgresBinaries.install(archive(), Path.of(args[0])));
        }
    }
}
