package org.wushe.privacy.internal;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Encryption keys from the environment; all three or none (development: generated keys, see
 * {@link DevelopmentKeys}).
 *
 * @param keys        key id → base64 128-bit SM4 key; {@code WUSHE_CRYPTO_KEYS=id1:base64,id2:base64}
 * @param activeKeyId the id new values are encrypted under; {@code WUSHE_CRYPTO_ACTIVE_KEY_ID}
 * @param indexKey    base64 key of at least 256 bits for blind indexes; {@code WUSHE_CRYPTO_INDEX_KEY}
 */
@ConfigurationProperties("wushe.crypto")
record CryptoProperties(Map<String, String> keys, String activeKeyId, String indexKey) {

    CryptoProperties {
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        activeKeyId = blankToNull(activeKeyId);
        indexKey = blankToNull(indexKey);
    }

    boolean isEmpty() {
        return keys.isEmpty() && activeKeyId == null && indexKey == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Never shows key material (records print their components by default). */
    @Override
    public String toString() {
        return "CryptoProperties[ids=" + keys.keySet() + ", activeKeyId=" + activeKeyId + "]";
    }
}
