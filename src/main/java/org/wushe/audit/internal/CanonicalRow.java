package org.wushe.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The hashed content of one {@code audit_entry} row and its hash. The canonical row is the concatenation of
 * these twelve values, in this order:
 *
 * <ol>
 * <li>the format tag: {@value #FORMAT} for chain version 1, {@value #FORMAT_V2} for version 2</li>
 * <li>{@code id}</li>
 * <li>{@code occurred_at}</li>
 * <li>{@code recorded_at}</li>
 * <li>{@code actor}</li>
 * <li>{@code action} (the {@link org.wushe.shared.AuditAction} name)</li>
 * <li>{@code entity_type}</li>
 * <li>{@code entity_id}</li>
 * <li>{@code region_code}</li>
 * <li>{@code client_address}</li>
 * <li>{@code reason}</li>
 * <li>{@code fields}</li>
 * </ol>
 *
 * Each text value is written as its length in UTF-8 bytes (4 bytes, big-endian, signed) followed by those
 * bytes; a null is the length −1 ({@code FF FF FF FF}) and no bytes. The id is written as text, in decimal
 * digits. Timestamps are written as text in UTC, {@code uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'}, always with six
 * fraction digits: the microseconds PostgreSQL stores (values are truncated to microseconds before they are
 * written, so what is read back formats to the same text). The {@code text[]} is its element count (4 bytes,
 * big-endian) followed by each element as a text value. Length prefixes keep the encoding unambiguous
 * whatever the values contain.
 *
 * <p>Version 1 (rows written before 2026-12-07): {@code hash = SM3(prev ‖ canonical row)}. Version 2:
 * {@code hash = HMAC-SM3(chain key, prev ‖ canonical row)} (see {@link ChainHash}). {@code prev} is the previous
 * row's 32-byte hash, or 32 zero bytes for the first row (whose {@code prev_hash} column is null).
 */
public record CanonicalRow(
        long id,
        Instant occurredAt,
        Instant recordedAt,
        String actor,
        String action,
        String entityType,
        String entityId,
        String regionCode,
        String clientAddress,
        String reason,
        List<String> fields) {

    public static final String FORMAT = "wushe.audit_entry.v1";
    public static final String FORMAT_V2 = "wushe.audit_entry.v2";
    static final int HASH_LENGTH = 32;
    static final byte[] GENESIS = new byte[HASH_LENGTH];
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    public CanonicalRow {
        fields = List.copyOf(fields);
    }

    /** The columns this record reads, in a form to put into a select list. */
    public static final String COLUMNS = "id, occurred_at, recorded_at, actor, action, entity_type, entity_id, "
            + "region_code, client_address, reason, fields";

    public static CanonicalRow read(ResultSet rs) throws SQLException {
        return new CanonicalRow(
                rs.getLong("id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                rs.getString("region_code"),
                rs.getString("client_address"),
                rs.getString("reason"),
                List.of((String[]) rs.getArray("fields").getArray()));
    }

    /** The version-1 canonical row. */
    public byte[] bytes() {
        return bytes(1);
    }

    /** The canonical row of chain version {@code version} (they differ only in the format tag). */
    public byte[] bytes(int version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        text(out, version == 1 ? FORMAT : FORMAT_V2);
        text(out, Long.toString(id));
        text(out, time(occurredAt));
        text(out, time(recordedAt));
        for (String value : Arrays.asList(actor, action, entityType, entityId, regionCode, clientAddress, reason)) {
            text(out, value);
        }
        out.writeBytes(int32(fields.size()));
        fields.forEach(field -> text(out, field));
        return out.toByteArray();
    }

    /** This row's version-1 (plain SM3) hash, chained to {@code prevHash} (null for the first row). */
    public byte[] hash(byte[] prevHash) {
        return sm3(prevHash == null ? GENESIS : prevHash, bytes());
    }

    public static byte[] sm3(byte[]... parts) {
        SM3Digest digest = new SM3Digest();
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return hash;
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    private static void text(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes(int32(-1));
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(int32(utf8.length));
        out.writeBytes(utf8);
    }

    private static byte[] int32(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }
}
