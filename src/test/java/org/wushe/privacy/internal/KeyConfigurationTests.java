package org.wushe.privacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Keys come from the environment in the documented format, and bad settings fail without showing key material. */
class KeyConfigurationTests {

    static final String K1 = base64(16, 1);
    static final String K2 = base64(16, 2);
    static final String INDEX = base64(32, 3);

    @Test
    void parsesTheEnvironmentFormat() {
        assertThat(KeyList.parse(" k1:" + K1 + " , 2026-06:" + K2 + ","))
                .containsExactly(Map.entry("k1", K1), Map.entry("2026-06", K2));
        assertThat(KeyList.parse("")).isEmpty();
    }

    @Test
    void marksMalformedAndRepeatedEntriesInsteadOfFailingWithTheValue() {
        assertThat(KeyList.parse(K1 + ",k1:" + K1 + ",k1:" + K2)).containsOnlyKeys("#1", "k1", "#3");
        assertThatThrownBy(() -> KeyRing.of(KeyList.parse("k1:" + K1 + ",k1:" + K2), "k1", INDEX))
                .hasMessageContaining("the id of key 2 is invalid")
                .hasMessageNotContaining(K1)
                .hasMessageNotContaining(K2);
    }

    @Test
    void bindsFromEnvironmentVariables() {
        var environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "env",
                        Map.of(
                                "WUSHE_CRYPTO_KEYS",
                                "k1:" + K1 + ",k2:" + K2,
                                "WUSHE_CRYPTO_ACTIVE_KEY_ID",
                                "k2",
                                "WUSHE_CRYPTO_INDEX_KEY",
                                INDEX)));
        var conversion = new ApplicationConversionService();
        conversion.addConverter(new KeyList());
        var binder = new Binder(ConfigurationPropertySources.get(environment), null, conversion);

        CryptoProperties properties = binder.bindOrCreate("wushe.crypto", CryptoProperties.class);

        assertThat(properties.keys()).containsOnlyKeys("k1", "k2");
        assertThat(properties.activeKeyId()).isEqualTo("k2");
        assertThat(properties.indexKey()).isEqualTo(INDEX);
        assertThat(properties.toString()).doesNotContain(K1, K2, INDEX);
        assertThat(KeyRing.of(properties.keys(), properties.activeKeyId(), properties.indexKey())
                        .activeKeyId())
                .isEqualTo("k2");
    }

    @Test
    void rejectsBadSettingsWithoutShowingThem() {
        Map<String, String> keys = new LinkedHashMap<>(Map.of("k1", K1));
        assertThatThrownBy(() -> KeyRing.of(Map.of(), "k1", INDEX)).hasMessageContaining("WUSHE_CRYPTO_KEYS");
        assertThatThrownBy(() -> KeyRing.of(keys, "k9", INDEX)).hasMessageContaining("WUSHE_CRYPTO_ACTIVE_KEY_ID");
        assertThatThrownBy(() -> KeyRing.of(Map.of("k1", base64(24, 1)), "k1", INDEX))
                .hasMessageContaining("128-bit")
                .hasMessageContaining("24 bytes");
        assertThatThrownBy(() -> KeyRing.of(Map.of("k1", "no*base64" + K1), "k1", INDEX))
                .hasMessage("wushe.crypto.keys.k1 is not valid base64")
                .hasNoCause();
        assertThatThrownBy(() -> KeyRing.of(keys, "k1", base64(31, 3))).hasMessageContaining("256 bits");
        assertThatThrownBy(() -> KeyRing.of(keys, "k1", null)).hasMessageContaining("WUSHE_CRYPTO_INDEX_KEY");
        assertThatThrownBy(() -> KeyRing.of(Map.of(K1, K1), K1, INDEX)).hasMessageNotContaining(K1);
        assertThat(KeyRing.of(keys, "k1", INDEX).toString()).doesNotContain(K1, INDEX);
    }

    @Test
    void partialConfigurationIsRefused() {
        var configuration = new CryptoConfiguration();
        var environment = new StandardEnvironment();
        assertThatThrownBy(() -> configuration.keyRing(new CryptoProperties(Map.of("k1", K1), "k1", null), environment))
                .hasMessageContaining("together");
        assertThat(configuration
                        .keyRing(new CryptoProperties(Map.of("k1", K1), "k1", INDEX), environment)
                        .activeKeyId())
                .isEqualTo("k1");
    }

    static String base64(int length, int fill) {
        byte[] key = new byte[length];
        Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }
}
