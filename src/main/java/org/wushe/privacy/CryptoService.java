package org.wushe.privacy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.springframework.stereotype.Service;
import org.wushe.privacy.internal.Envelope;
import org.wushe.privacy.internal.KeyRing;
import org.wushe.privacy.internal.Sm3;
import org.wushe.privacy.internal.Sm4Gcm;

/**
 * Encryption at rest (SM4-GCM) and blind indexes (HMAC-SM3) for personal data. A ciphertext names its key and is
 * bound to its {@code table.column}; the format is described in {@link Envelope}. {@code null} stays {@code null}.
 */
@Service
public class CryptoService {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final byte[] INDEX_DOMAIN = "wushe/blind-index/v1/".getBytes(StandardCharsets.US_ASCII);
    /** A domain of its own, so no purpose key can equal a blind-index kind key. */
    private static final byte[] KEYED_HASH_DOMAIN = "wushe/keyed-hash/v1/".getBytes(StandardCharsets.US_ASCII);

    private final KeyRing keys;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> indexKeys = new ConcurrentHashMap<>();
    private final Map<String, byte[]> purposeKeys = new ConcurrentHashMap<>();

    CryptoService(KeyRing keys) {
        this.keys = keys;
    }

    /** Encrypts under the active key with a fresh random IV; {@code table}/{@code column} as in the schema. */
    public byte[] encrypt(String plaintext, String table, String column) {
        checkPlace(table, column);
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[Sm4Gcm.IV_LENGTH];
        random.nextBytes(iv);
        String keyId = keys.activeKeyId();
        byte[] aad = new Envelope(keyId, iv, new byte[0]).associatedData(table, column);
        byte[] sealed =
                Sm4Gcm.encrypt(keys.key(keyId).orElseThrow(), iv, aad, plaintext.getBytes(StandardCharsets.UTF_8));
        return new Envelope(keyId, iv, sealed).toBytes();
    }

    /** @throws DecryptionException if the value was altered, belongs to another column, or its key is unknown */
    public String decrypt(byte[] ciphertext, String table, String column) {
        checkPlace(table, column);
        if (ciphertext == null) {
            return null;
        }
        Envelope envelope = Envelope.parse(ciphertext);
        byte[] key = keys.key(envelope.keyId())
                .orElseThrow(() -> new DecryptionException(
                        "Unknown encryption key id '" + envelope.keyId() + "': add it to WUSHE_CRYPTO_KEYS"));
        try {
            byte[] aad = envelope.associatedData(table, column);
            return new String(Sm4Gcm.decrypt(key, envelope.iv(), aad, envelope.sealed()), StandardCharsets.UTF_8);
        } catch (InvalidCipherTextException e) {
            throw new DecryptionException("Ciphertext rejected for " + table + "." + column + " (key '"
                    + envelope.keyId() + "'): altered, copied from another column, or the key's value changed");
        }
    }

    /** The id of the key new values are encrypted under. */
    public String activeKeyId() {
        return keys.activeKeyId();
    }

    /** False if the value was encrypted under an older key and should be re-encrypted; true for {@code null}. */
    public boolean isCurrentKey(byte[] ciphertext) {
        return ciphertext == null || Envelope.parse(ciphertext).keyId().equals(keys.activeKeyId());
    }

    /** The value under the active key: the same array if it already is, else decrypted and encrypted again. */
    public byte[] reEncrypt(byte[] ciphertext, String table, String column) {
        return isCurrentKey(ciphertext) ? ciphertext : encrypt(decrypt(ciphertext, table, column), table, column);
    }

    /**
     * A keyed hash for equality look-ups without decryption: HMAC-SM3 under a key derived from the index key for
     * this {@code kind} (e.g. {@code id_number}, {@code phone}), so equal values of two kinds do not match.
     * The caller normalises first (e.g. {@code ResidentIdNumber.value()}), or equal values will not match.
     */
    public byte[] blindIndex(String kind, String normalisedValue) {
        if (kind == null || !IDENTIFIER.matcher(kind).matches()) {
            throw new IllegalArgumentException("kind must be a lower-case identifier");
        }
        if (normalisedValue == null) {
            return null;
        }
        byte[] kindKey = indexKeys.computeIfAbsent(
                kind, k -> Sm3.hmac(keys.indexKey(), INDEX_DOMAIN, k.getBytes(StandardCharsets.US_ASCII)));
        return Sm3.hmac(kindKey, normalisedValue.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * HMAC-SM3 of the concatenated {@code parts} under a key derived from the index key for this {@code purpose}
     * (e.g. {@code audit_chain}): a module gets a keyed hash without ever holding key material, and nothing it
     * hashes can be confused with a blind index or another purpose's hash.
     */
    public byte[] keyedHash(String purpose, byte[]... parts) {
        if (purpose == null || !IDENTIFIER.matcher(purpose).matches()) {
            throw new IllegalArgumentException("purpose must be a lower-case identifier");
        }
        byte[] purposeKey = purposeKeys.computeIfAbsent(
                purpose, p -> Sm3.hmac(keys.indexKey(), KEYED_HASH_DOMAIN, p.getBytes(StandardCharsets.US_ASCII)));
        return Sm3.hmac(purposeKey, parts);
    }

    /**
     * The key a rate limit counts a phone or ID number under: HMAC-SM3 of it under a purpose of its own
     * ({@code rate_limit_<kind>}), in hex. Not {@link #blindIndex}'s value for the same kind, so a rate-limit row
     * (who asked for codes, when) cannot be joined to the register, the outbox or the requests by their indexes.
     */
    public String rateLimitKey(String kind, String normalisedValue) {
        return HexFormat.of().formatHex(blindIndex("rate_limit_" + kind, normalisedValue));
    }

    private static void checkPlace(String table, String column) {
        if (table == null
                || column == null
                || !IDENTIFIER.matcher(table).matches()
                || !IDENTIFIER.matcher(column).matches()) {
            throw new IllegalArgumentException("table and column must be lower-case SQL identifiers");
        }
    }
}
