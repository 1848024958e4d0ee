package org.wushe.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
