package org.wushe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No emoji as icons (issue 15 item 7): without an emoji font (most office PCs of a street station) they render as
 * empty boxes. Icons are inline SVG. Checks templates, static files and message bundles, literal or as entities.
 */
class NoEmojiIconsTests {

    private static final Pattern EMOJI = Pattern.compile(
            "[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}\\x{2B00}-\\x{2BFF}]"
                    + "|&#x0*(1F[0-9A-Fa-f]{3}|2[67][0-9A-Fa-f]{2}|2B[0-9A-Fa-f]{2});|&#(12[6-9]\\d{3}|9[7-9]\\d{2}|10[01]\\d{2});");

    @Test
    void noPageOrTextUsesAnEmoji() throws IOException {
        List<String> found = new ArrayList<>();
        int scanned = 0;
        for (String root : List.of(
                "src/main/resources/templates",
                "src/main/resources/static/css",
                "src/main/resources/static/js",
                "src/main/resources")) {
            try (Stream<Path> files = Files.walk(Path.of(root), root.endsWith("resources") ? 1 : 10)) {
                for (Path file : files.filter(f -> f.toString().matches(".*\\.(html|css|js|properties)"))
                        .toList()) {
                    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    scanned++;
                    for (int i = 0; i < lines.size(); i++) {
                        if (EMOJI.matcher(lines.get(i)).find()) {
                            found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        assertThat(scanned).as("files scanned").isGreaterThan(50);
        assertThat(found).isEmpty();
    }

    /** The pattern the scan relies on finds an emoji written out and as a character reference, and no CJK text. */
    @Test
    void thePatternFindsEmojiInEveryFormTheFilesCouldHoldThem() {
        assertThat(EMOJI.matcher("<span>🏠 首页</span>").find()).isTrue();
        assertThat(EMOJI.matcher("<span>&#x1F3E0;</span>").find()).isTrue();
        assertThat(EMOJI.matcher("<span>&#127968;</span>").find()).isTrue();
        assertThat(EMOJI.matcher("nav.help=☎ 求助").find()).isTrue();
        assertThat(EMOJI.matcher("nav.help=紧急求助 · P1 ≥ 44px → 下一步").find()).isFalse();
    }
}
