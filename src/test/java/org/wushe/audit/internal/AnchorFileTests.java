package org.wushe.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The anchor file as an attacker or a crash may leave it: every complete line is judged, nothing throws. */
class AnchorFileTests {

    private static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");

    @TempDir
    Path dir;

    @Test
    void linesWrittenAreReadBackAndAnUnterminatedLastLineIsIgnored() throws IOException {
        AnchorFile file = new AnchorFile(dir.resolve("anchors.log"), new ChainHash(AnchorFileTests::hmac));
        file.append(new Anchor(T0, 5, 5, new byte[32]));
        file.append(new Anchor(T0.plusSeconds(10), 9, 9, new byte[32]));
        Files.writeString(file.path(), "2026-12-07T01:00:20Z id=12 rows=12 hash=00", StandardOpenOption.APPEND);

        AnchorFile.Contents contents = file.read();

        assertThat(contents.anchors()).extracting(Anchor::id).containsExactly(5L, 9L);
        assertThat(contents.invalidLines()).isZero();
    }

    @Test
    void nonAsciiBytesAndAnOverlongLineAreInvalidLinesNotAnError() throws IOException {
        AnchorFile file = new AnchorFile(dir.resolve("anchors.log"), new ChainHash(AnchorFileTests::hmac));
        file.append(new Anchor(T0, 5, 5, new byte[32]));
        Files.write(file.path(), "审计 id=6\n".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);
        Files.writeString(file.path(), "x".repeat(100_000) + "\n", StandardOpenOption.APPEND);
        file.append(new Anchor(T0.plusSeconds(10), 9, 9, new byte[32]));

        AnchorFile.Contents contents = file.read();

        assertThat(contents.anchors()).extracting(Anchor::id).containsExactly(5L, 9L);
        assertThat(contents.invalidLines()).isEqualTo(2);
    }

    @Test
    void noFileIsNoAnchors() {
        AnchorFile.Contents contents =
                new AnchorFile(dir.resolve("none.log"), new ChainHash(AnchorFileTests::hmac)).read();

        assertThat(contents.anchors()).isEmpty();
        assertThat(contents.invalidLines()).isZero();
    }

    private static byte[] hmac(String purpose, byte[]... parts) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(("test key for " + purpose).getBytes(StandardCharsets.UTF_8)));
        for (byte[] part : parts) {
            mac.update(part, 0, part.length);
        }
        byte[] out = new byte[32];
        mac.doFinal(out, 0);
        return out;
    }
}
