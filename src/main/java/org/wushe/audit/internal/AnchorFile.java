package org.wushe.audit.internal;

import java.io.IOException;
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

    private static final Pattern LINE = Pattern.compile(
            "(\\S+) id=(\\d+) rows=(\\d+) hash=([0-9a-f]{64}) seal=([0-9a-f]{64})");
    private static final HexFormat HEX = HexFormat.of();

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
        String body = anchor.at() + " id=" + anchor.id() + " rows=" + anchor.rows() + " hash="
                + HEX.formatHex(anchor.hash());
        String line = body + " seal=" + HEX.formatHex(hash.anchorSeal(body.getBytes(StandardCharsets.US_ASCII)));
        try {
            Files.createDirectories(path.getParent());
            try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
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
     * Every complete line: the valid anchors and the number of lines that are not (malformed or with a wrong
     * seal). An unterminated last line (a crash in the middle of writing it) is ignored. No file: no anchors.
     */
    Contents read() {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return new Contents(List.of(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit anchor file " + path, e);
        }
        List<Anchor> anchors = new ArrayList<>();
        int invalid = 0;
        int end = text.lastIndexOf('\n');
        for (String line : end < 0 ? new String[0] : text.substring(0, end).split("\n")) {
            Anchor anchor = parse(line.strip());
            if (anchor == null) {
                invalid++;
            } else {
                anchors.add(anchor);
            }
        }
        return new Contents(anchors, invalid);
    }

    private Anchor parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        String body = line.substring(0, line.lastIndexOf(" seal="));
        if (!HEX.formatHex(hash.anchorSeal(body.getBytes(StandardCharsets.US_ASCII))).equals(m.group(5))) {
            return null;
        }
        try {
            return new Anchor(Instant.parse(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    HEX.parseHex(m.group(4)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    record Contents(List<Anchor> anchors, int invalidLines) {
    }
}
