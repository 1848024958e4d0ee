package org.wushe.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A migration that has landed on main may already have run on somebody's database: editing it would make Flyway
 * refuse to start there (checksum mismatch) or, worse, leave databases that differ. This test holds the SHA-256 of
 * every landed migration in {@code src/test/resources/db/landed-migrations.txt} and fails when one changes or
 * disappears, and when a new one is not listed yet (the failure prints the line to add, so landing a migration
 * is a conscious step). No Spring, no database.
 */
class LandedMigrationsTests {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final String LIST = "/db/landed-migrations.txt";

    @Test
    void landedMigrationsAreNeverEdited() throws IOException {
        Map<String, String> landed = landed();
        Map<String, String> present = present();
        List<String> problems = new ArrayList<>();
        landed.forEach((file, sha) -> {
            if (!present.containsKey(file)) {
                problems.add("landed migration removed: " + file);
            } else if (!present.get(file).equals(sha)) {
                problems.add("landed migration edited: " + file + " (add a new migration instead)");
            }
        });
        present.forEach((file, sha) -> {
            if (!landed.containsKey(file)) {
                problems.add("not yet listed in src/test/resources" + LIST + ", add the line:  " + sha + "  " + file);
            }
        });
        assertThat(problems).as("migrations against the landed list").isEmpty();
    }

    @Test
    void migrationNamesFollowTheTimestampConvention() throws IOException {
        assertThat(present().keySet())
                .allMatch(
                        name -> name.matches("V\\d{8}_\\d{4}__[a-z0-9_]+\\.sql"),
                        "V<yyyyMMdd>_<HHmm>__<module>_<what>.sql");
    }

    private static Map<String, String> landed() throws IOException {
        Map<String, String> landed = new TreeMap<>();
        try (InputStream in = LandedMigrationsTests.class.getResourceAsStream(LIST)) {
            assertThat(in).as(LIST).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    String[] parts = trimmed.split("\\s+", 3);
                    landed.put(parts[1], parts[0]);
                }
            }
        }
        return landed;
    }

    private static Map<String, String> present() throws IOException {
        Map<String, String> present = new TreeMap<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                present.put(file.getFileName().toString(), sha256(Files.readAllBytes(file)));
            }
        }
        return present;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
