package org.wushe.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The canonical row byte for byte, and SM3 itself. */
class CanonicalRowTests {

    private static final HexFormat HEX = HexFormat.of();

    private static final CanonicalRow ROW = new CanonicalRow(
            7,
            Instant.parse("2026-11-29T00:30:05.123456Z"),
            Instant.parse("2026-11-29T00:30:06Z"),
            "张三",
            "REVEAL",
            "resident",
            "42",
            "310101",
            null,
            "核实身份",
            List.of("phone", "idNumber"));

    @Test
    void sm3KnownAnswer() {
        assertThat(HEX.formatHex(CanonicalRow.sm3(ascii("abc"))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(HEX.formatHex(CanonicalRow.sm3(ascii("a"), ascii("bc"))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void theCanonicalRowIsLengthPrefixedUtf8InAFixedOrder() {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(HEX.parseHex("00000014"));
        expected.writeBytes("wushe.audit_entry.v1".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(HEX.parseHex("00000001" + "37")); // "7"
        expected.writeBytes(HEX.parseHex("0000001b"));
        expected.writeBytes("2026-11-29T00:30:05.123456Z".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(HEX.parseHex("0000001b"));
        expected.writeBytes("2026-11-29T00:30:06.000000Z".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(HEX.parseHex("00000006" + "e5bca0e4b889")); // 张三
        expected.writeBytes(HEX.parseHex("00000006"));
        expected.writeBytes("REVEAL".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(HEX.parseHex("00000008"));
        expected.writeBytes("resident".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(HEX.parseHex("00000002" + "3432")); // "42"
        expected.writeBytes(HEX.parseHex("00000006"));
        expected.writeBytes("310101".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(HEX.parseHex("ffffffff")); // client_address null
        expected.writeBytes(HEX.parseHex("0000000c"));
        expected.writeBytes("核实身份".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(HEX.parseHex("00000002" + "00000005")); // 2 fields
        expected.writeBytes("phone".getBytes(StandardCharsets.UTF_8));
        expected.writeBytes(HEX.parseHex("00000008"));
        expected.writeBytes("idNumber".getBytes(StandardCharsets.UTF_8));

        assertThat(HEX.formatHex(ROW.bytes())).isEqualTo(HEX.formatHex(expected.toByteArray()));
    }

    @Test
    void theFirstRowIsChainedToThirtyTwoZeroBytesAndEachNextToItsPredecessor() {
        byte[] first = ROW.hash(null);
        assertThat(first).hasSize(32).isEqualTo(CanonicalRow.sm3(new byte[32], ROW.bytes()));
        assertThat(ROW.hash(first))
                .isEqualTo(CanonicalRow.sm3(first, ROW.bytes()))
                .isNotEqualTo(first);
    }

    @Test
    void timesAreUtcWithExactlySixFractionDigits() {
        assertThat(CanonicalRow.time(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05.000000Z");
        assertThat(CanonicalRow.time(Instant.parse("2026-01-02T03:04:05.1Z"))).isEqualTo("2026-01-02T03:04:05.100000Z");
    }

    @Test
    void nullEmptyAndShiftedValuesEncodeDifferently() {
        CanonicalRow empty = withReason("");
        CanonicalRow none = withReason(null);
        assertThat(empty.bytes()).isNotEqualTo(none.bytes());
        CanonicalRow ab = new CanonicalRow(
                1, ROW.occurredAt(), ROW.recordedAt(), "ab", "CREATE", "c", null, null, null, null, List.of());
        CanonicalRow aBc = new CanonicalRow(
                1, ROW.occurredAt(), ROW.recordedAt(), "a", "CREATE", "bc", null, null, null, null, List.of());
        assertThat(ab.bytes()).isNotEqualTo(aBc.bytes());
        assertThat(withFields(List.of("a,b")).bytes())
                .isNotEqualTo(withFields(List.of("a", "b")).bytes());
    }

    @Test
    void textIsCleanedToWhatPostgresStores() {
        assertThat(ActivityRecorder.clean("a\u0000b")).isEqualTo("a\uFFFDb");
        assertThat(ActivityRecorder.clean("x\uD800y")).isEqualTo("x\uFFFDy");
        assertThat(ActivityRecorder.clean("张三 😀")).isEqualTo("张三 😀");
        assertThat(ActivityRecorder.clean(null)).isNull();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static CanonicalRow withReason(String reason) {
        return new CanonicalRow(
                ROW.id(),
                ROW.occurredAt(),
                ROW.recordedAt(),
                ROW.actor(),
                ROW.action(),
                ROW.entityType(),
                ROW.entityId(),
                ROW.regionCode(),
                ROW.clientAddress(),
                reason,
                ROW.fields());
    }

    private static CanonicalRow withFields(List<String> fields) {
        return new CanonicalRow(
                ROW.id(),
                ROW.occurredAt(),
                ROW.recordedAt(),
                ROW.actor(),
                ROW.action(),
                ROW.entityType(),
                ROW.entityId(),
                ROW.regionCode(),
                ROW.clientAddress(),
                ROW.reason(),
                fields);
    }
}
