package org.wushe.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.wushe.privacy.DecryptionException;

/**
 * The stored form of an encrypted value: {@code version(1) | keyIdLength(1) | keyId | iv(12) | ciphertext | tag(16)}.
 * The associated data is the header ({@code version | keyIdLength | keyId}) followed by {@code table.column} in
 * UTF-8, so neither the key id nor the column a value belongs to can be changed without the tag failing.
 */
public record Envelope(String keyId, byte[] iv, byte[] sealed) {

    public static final byte VERSION = 1;

    public Envelope {
        if (!KeyRing.KEY_ID.matcher(keyId).matches() || iv.length != Sm4Gcm.IV_LENGTH) {
            throw new IllegalArgumentException("invalid key id or IV length");
        }
    }

    public static Envelope parse(byte[] stored) {
        if (stored.length < 2) {
            throw new DecryptionException("Not a Wushe ciphertext: too short");
        }
        if (stored[0] != VERSION) {
            throw new DecryptionException("Unsupported ciphertext format version " + (stored[0] & 0xff));
        }
        int idLength = stored[1] & 0xff;
        int ivStart = 2 + idLength;
        if (idLength == 0 || stored.length < ivStart + Sm4Gcm.IV_LENGTH + Sm4Gcm.TAG_LENGTH) {
            throw new DecryptionException("Not a Wushe ciphertext: truncated");
        }
        String keyId = new String(stored, 2, idLength, StandardCharsets.US_ASCII);
        if (!KeyRing.KEY_ID.matcher(keyId).matches()) {
            throw new DecryptionException("Not a Wushe ciphertext: malformed key id");
        }
        return new Envelope(
                keyId,
                Arrays.copyOfRange(stored, ivStart, ivStart + Sm4Gcm.IV_LENGTH),
                Arrays.copyOfRange(stored, ivStart + Sm4Gcm.IV_LENGTH, stored.length));
    }

    public byte[] associatedData(String table, String column) {
        byte[] header = header();
        byte[] place = (table + "." + column).getBytes(StandardCharsets.UTF_8);
        byte[] aad = Arrays.copyOf(header, header.length + place.length);
        System.arraycopy(place, 0, aad, header.length, place.length);
        return aad;
    }

    public byte[] toBytes() {
        byte[] header = header();
        byte[] out = Arrays.copyOf(header, header.length + iv.length + sealed.length);
        System.arraycopy(iv, 0, out, header.length, iv.length);
        System.arraycopy(sealed, 0, out, header.length + iv.length, sealed.length);
        return out;
    }

    private byte[] header() {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        byte[] header = new byte[2 + id.length];
        header[0] = VERSION;
        header[1] = (byte) id.length;
        System.arraycopy(id, 0, header, 2, id.length);
        return header;
    }
}
