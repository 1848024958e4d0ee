package org.wushe.privacy.internal;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The validated keys: SM4 keys by id, the id new values use, and the separate blind-index key. Error messages
 * name the setting at fault but never contain key material; {@link #toString()} shows ids only.
 */
public final class KeyRing {

    /** ASCII only, so the id's length byte in a ciphertext is its character count. */
    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    static final int MIN_INDEX_KEY_LENGTH = 32;

    private final Map<String, byte[]> keys;
    private final String activeKeyId;
    private final byte[] indexKey;

    private KeyRing(Map<String, byte[]> keys, String activeKeyId, byte[] indexKey) {
        this.keys = keys;
        this.activeKeyId = activeKeyId;
        this.indexKey = indexKey;
    }

    /** Validates base64 keys as configured; fails with a message that names the setting, never the value. */
    public static KeyRing of(Map<String, String> base64Keys, String activeKeyId, String base64IndexKey) {
        if (base64Keys == null || base64Keys.isEmpty()) {
            throw new IllegalStateException("wushe.crypto.keys (WUSHE_CRYPTO_KEYS=id1:base64,id2:base64) is empty");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        int position = 0;
        for (Map.Entry<String, String> entry : base64Keys.entrySet()) {
            position++;
            String id = entry.getKey();
            if (!KEY_ID.matcher(id).matches()) { // not quoted: a misplaced key would end up in the log
                throw new IllegalStateException("wushe.crypto.keys: the id of key " + position + " is invalid (1-32 "
                        + "letters, digits, '-' or '_'; WUSHE_CRYPTO_KEYS is id1:base64,id2:base64, ids unique)");
            }
            byte[] key = decode(entry.getValue(), "wushe.crypto.keys." + id);
            if (key.length != Sm4Gcm.KEY_LENGTH) {
                throw new IllegalStateException(
                        "wushe.crypto.keys." + id + " must be a 128-bit key (16 bytes), not " + key.length + " bytes");
            }
            keys.put(id, key);
        }
        if (activeKeyId == null || !keys.containsKey(activeKeyId)) {
            throw new IllegalStateException(
                    "wushe.crypto.active-key-id (WUSHE_CRYPTO_ACTIVE_KEY_ID) must name one of " + keys.keySet());
        }
        byte[] indexKey = decode(base64IndexKey, "wushe.crypto.index-key");
        if (indexKey.length < MIN_INDEX_KEY_LENGTH) {
            throw new IllegalStateException(
                    "wushe.crypto.index-key (WUSHE_CRYPTO_INDEX_KEY) must have at least 256 bits");
        }
        return new KeyRing(Map.copyOf(keys), activeKeyId, indexKey);
    }

    private static byte[] decode(String base64, String setting) {
        try {
            return Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException e) {
            // the decoder's message quotes the offending character: part of a key, so it is dropped
            throw new IllegalStateException(setting + " is not valid base64");
        }
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    /** The SM4 key with this id; the array is shared, never modify it. */
    public Optional<byte[]> key(String id) {
        return Optional.ofNullable(keys.get(id));
    }

    /** The blind-index key; the array is shared, never modify it. */
    public byte[] indexKey() {
        return indexKey;
    }

    @Override
    public String toString() {
        return "KeyRing[active=" + activeKeyId + ", ids=" + keys.keySet() + "]";
    }
}
