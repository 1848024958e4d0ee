package org.wushe.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wushe.privacy.internal.KeyRing;

/** Encryption at rest and blind indexes, against fixed keys. */
class CryptoServiceTests {

    static final String K1 = key(16, 1);
    static final String K2 = key(16, 2);
    static final String INDEX = key(32, 9);

    private final CryptoService crypto = service(Map.of("k1", K1), "k1", INDEX);

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "", "张三 · 抑郁症随访记录：情绪稳定。", "𠀾"})
    void roundTrips(String value) {
        byte[] stored = crypto.encrypt(value, "residents_resident", "id_number");
        assertThat(crypto.decrypt(stored, "residents_resident", "id_number")).isEqualTo(value);
        if (!value.isEmpty()) {
            assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                    .doesNotContain(new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void nullStaysNull() {
        assertThat(crypto.encrypt(null, "t", "c")).isNull();
        assertThat(crypto.decrypt(null, "t", "c")).isNull();
        assertThat(crypto.blindIndex("phone", null)).isNull();
        assertThat(crypto.isCurrentKey(null)).isTrue();
    }

    @Test
    void theFormatNamesVersionAndKeyAndUsesAFreshIvEachTime() {
        byte[] a = crypto.encrypt("13812345678", "t", "phone");
        byte[] b = crypto.encrypt("13812345678", "t", "phone");

        assertThat(a[0]).isEqualTo((byte) 1);
        assertThat(a[1]).isEqualTo((byte) 2);
        assertThat(new String(a, 2, 2, StandardCharsets.US_ASCII)).isEqualTo("k1");
        assertThat(a).hasSize(1 + 1 + 2 + 12 + 11 + 16);
        assertThat(Arrays.copyOfRange(a, 4, 16)).isNotEqualTo(Arrays.copyOfRange(b, 4, 16));
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void anyChangedByteIsRejected() {
        byte[] stored = crypto.encrypt("13812345678", "t", "phone");
        for (int i = 0; i < stored.length; i++) {
            byte[] changed = stored.clone();
            changed[i] ^= 0x01;
            assertThatThrownBy(() -> crypto.decrypt(changed, "t", "phone"))
                    .as("byte %d", i)
                    .isInstanceOf(DecryptionException.class)
                    .hasMessageNotContaining("13812345678");
        }
        assertThatThrownBy(() -> crypto.decrypt(Arrays.copyOf(stored, 20), "t", "phone"))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("truncated");
        assertThatThrownBy(() -> crypto.decrypt(new byte[] {7, 2, 'k', '1'}, "t", "phone"))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("version 7");
    }

    @Test
    void aValueCopiedToAnotherColumnOrTableIsRejected() {
        byte[] stored = crypto.encrypt("13812345678", "residents_resident", "phone");
        assertThatThrownBy(() -> crypto.decrypt(stored, "residents_resident", "emergency_phone"))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("another column");
        assertThatThrownBy(() -> crypto.decrypt(stored, "access_account", "phone"))
                .isInstanceOf(DecryptionException.class);
    }

    @Test
    void aDifferentKeyUnderTheSameIdOrAnUnknownIdIsRejected() {
        byte[] stored = crypto.encrypt("13812345678", "t", "phone");
        assertThatThrownBy(() -> service(Map.of("k1", K2), "k1", INDEX).decrypt(stored, "t", "phone"))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("'k1'");
        assertThatThrownBy(() -> service(Map.of("k2", K2), "k2", INDEX).decrypt(stored, "t", "phone"))
                .isInstanceOf(DecryptionException.class)
                .hasMessageContaining("Unknown encryption key id 'k1'");
    }

    @Test
    void afterRotationOldValuesStillDecryptAndNewOnesUseTheNewKey() {
        byte[] old = crypto.encrypt("13812345678", "t", "phone");
        CryptoService rotated = service(Map.of("k1", K1, "k2", K2), "k2", INDEX);

        assertThat(rotated.decrypt(old, "t", "phone")).isEqualTo("13812345678");
        assertThat(rotated.isCurrentKey(old)).isFalse();
        byte[] fresh = rotated.encrypt("13812345678", "t", "phone");
        assertThat(new String(fresh, 2, fresh[1], StandardCharsets.US_ASCII)).isEqualTo("k2");
        assertThat(rotated.isCurrentKey(fresh)).isTrue();

        byte[] reEncrypted = rotated.reEncrypt(old, "t", "phone");
        assertThat(rotated.isCurrentKey(reEncrypted)).isTrue();
        assertThat(rotated.decrypt(reEncrypted, "t", "phone")).isEqualTo("13812345678");
        assertThat(rotated.reEncrypt(fresh, "t", "phone")).isSameAs(fresh);
    }

    @Test
    void blindIndexIsDeterministicAndSeparatedByKindAndKey() {
        byte[] index = crypto.blindIndex("phone", "13812345678");

        assertThat(index).hasSize(32).isEqualTo(crypto.blindIndex("phone", "13812345678"));
        assertThat(crypto.blindIndex("phone", "13812345679")).isNotEqualTo(index);
        assertThat(crypto.blindIndex("id_number", "13812345678")).isNotEqualTo(index);
        assertThat(service(Map.of("k2", K2), "k2", INDEX).blindIndex("phone", "13812345678"))
                .as("independent of the encryption key")
                .isEqualTo(index);
        assertThat(service(Map.of("k1", K1), "k1", key(32, 8)).blindIndex("phone", "13812345678"))
                .isNotEqualTo(index);
    }

    @Test
    void namesMustBeLowerCaseIdentifiers() {
        assertThatThrownBy(() -> crypto.encrypt("x", "t.a", "c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> crypto.decrypt(new byte[0], "t", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> crypto.blindIndex("Phone", "1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aKeyedHashDependsOnTheIndexKeyAndThePurposeAndIsNeverABlindIndex() {
        byte[] value = "13812345678".getBytes(StandardCharsets.UTF_8);
        byte[] chain = crypto.keyedHash("audit_chain", value);

        assertThat(chain).hasSize(32).isEqualTo(crypto.keyedHash("audit_chain", value));
        assertThat(service(Map.of("k2", K2), "k2", INDEX).keyedHash("audit_chain", value))
                .as("the data keys play no part")
                .isEqualTo(chain);
        assertThat(service(Map.of("k1", K1), "k1", key(32, 8)).keyedHash("audit_chain", value))
                .isNotEqualTo(chain);
        assertThat(crypto.keyedHash("audit_anchor", value)).isNotEqualTo(chain);
        assertThat(crypto.keyedHash("phone", value))
                .as("a domain of its own")
                .isNotEqualTo(crypto.blindIndex("phone", "13812345678"));
        assertThat(crypto.keyedHash(
                        "audit_chain",
                        "1381234".getBytes(StandardCharsets.UTF_8),
                        "5678".getBytes(StandardCharsets.UTF_8)))
                .as("the parts are concatenated")
                .isEqualTo(chain);
        assertThatThrownBy(() -> crypto.keyedHash("Audit chain", value)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> crypto.keyedHash(null, value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRateLimitKeyIsHexThatCannotBeJoinedToTheBlindIndexOfTheSameValue() {
        String key = crypto.rateLimitKey("phone", "13812345678");

        assertThat(key)
                .matches("[0-9a-f]{64}")
                .isEqualTo(crypto.rateLimitKey("phone", "13812345678"))
                .doesNotContain("13812345678");
        assertThat(key).isNotEqualTo(HexFormat.of().formatHex(crypto.blindIndex("phone", "13812345678")));
        assertThat(crypto.rateLimitKey("phone", "13812345679")).isNotEqualTo(key);
        assertThat(crypto.rateLimitKey("id_number", "13812345678")).isNotEqualTo(key);
    }

    static CryptoService service(Map<String, String> keys, String active, String index) {
        return new CryptoService(KeyRing.of(keys, active, index));
    }

    static String key(int length, int fill) {
        byte[] key = new byte[length];
        Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }
}
