package org.wushe.audit.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The append-only anchor file ({@code wushe.audit.anchor-file}): one line per chain head,
 *
 * <pre>2026-12-07T15:40:01.123456Z id=2067 rows=2067 hash=&lt;64 hex&gt; seal=&lt;64 hex&gt;</pre>
 *
 * where {@code seal} is HMAC-SM3 (purpose {@code audit_anchor}) of the text before {@code " seal="}. The file is
 * only ever opened for appending and each line is forced to disk before the writer goes on; it lives outside
 * the database, so whoever can rewrite the database cannot rewrite what was anchored.
 */
class AnchorFile {

    private static final Pattern LINE =
            Pattern.compile("(\\S+) id=(\\d+) rows=(\\d+) hash=([0-9a-f]{64}) seal=([0-9a-f]{64})");
    private static final HexFormat HEX = HexFormat.of();
    /** Longer than any line {@link #append} writes (about 190 characters). */
    private static final int MAX_LINE = 512;

    private final Path path;
    private final ChainHash hash;

    AnchorFile(Path path, ChainHash hash) {
        this.path = path.toAbsolutePath().normalize();
        this.hash = hash;
    }

    Path path() {
        return path;
    }

    /** Appends the anchor as one line and forces it to disk. */
    synchronized String append(Anchor anchor) {
        String body =
                anchor.at() + " id=" + anchor.id() + " rows=" + anchor.rows() + " hash=" + HEX.formatHex(anchor.hash());
        String line = body + " seal=" + HEX.formatHex(hash.anchorSeal(body.getBytes(StandardCharsets.US_ASCII)));
        try {
            Files.createDirectories(path.getParent());
            try (FileChannel out = FileChannel.open(
                    path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.US_ASCII));
                while (bytes.hasRemaining()) {
                    out.write(bytes);
                }
                out.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the audit anchor file " + path, e);
        }
        return line;
    }

    /**
     * Every complete line: the valid anchors and the number of lines that are not (malformed, not ASCII, longer
     * than any line Wushe writes, or with a wrong seal). An unterminated last line (a crash in the middle of
     * writing it) is ignored. No file: no anchors. The file is read line by line, never whole: it grows by a
     * line per anchor interval for as long as the chain does.
     */
    Contents read() {
        List<Anchor> anchors = new ArrayList<>();
        int invalid = 0;
        // a reader, unlike Files.readString, replaces bytes that are not ASCII instead of failing on them
        try (Reader in = new BufferedReader(
                new InputStreamReader(Files.newInputStream(path), StandardCharsets.US_ASCII), 64 * 1024)) {
            StringBuilder line = new StringBuilder(MAX_LINE);
            boolean overlong = false;
            for (int c = in.read(); c >= 0; c = in.read()) {
                if (c != '\n') {
                    overlong |= line.length() == MAX_LINE;
                    if (!overlong) {
                        line.append((char) c);
                    }
                    continue;
                }
                Anchor anchor = overlong ? null : parse(line.toString().strip());
                if (anchor == null) {
                    invalid++;
                } else {
                    anchors.add(anchor);
                }
                line.setLength(0);
                overlong = false;
            }
        } catch (NoSuchFileException e) {
            return new Contents(List.of(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit anchor file " + path, e);
        }
        return new Contents(anchors, invalid);
    }

    private Anchor parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String body = line.substring(0, line.lastIndexOf(" seal="));
        if (!HEX.formatHex(hash.anchorSeal(body.getBytes(StandardCharsets.US_ASCII)))
                .equals(m.group(5))) {
            return null;
        }
        try {
            return new Anchor(
                    Instant.parse(m.group(1)),
                    Long.parseLong(m.group(2)),
                    Long.parseLong(m.group(3)),
                    HEX.parseHex(m.group(4)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    record Contents(List<Anchor> anchors, int invalidLines) {}
}
