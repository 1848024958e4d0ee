package org.wushe.privacy.internal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The key ring: configured keys, or — when none are configured — the development keys in the data directory. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CryptoProperties.class)
class CryptoConfiguration {

    static final String DATA_DIR = "wushe.embedded-db.data-dir";

    @Bean
    @ConfigurationPropertiesBinding
    static KeyList keyList() {
        return new KeyList();
    }

    @Bean
    KeyRing keyRing(CryptoProperties properties, Environment environment) {
        if (properties.isEmpty()) {
            return DevelopmentKeys.loadOrCreate(Path.of(environment.getProperty(DATA_DIR, "./data/postgres")));
        }
        if (properties.keys().isEmpty() || properties.activeKeyId() == null || properties.indexKey() == null) {
            throw new IllegalStateException("Set WUSHE_CRYPTO_KEYS, WUSHE_CRYPTO_ACTIVE_KEY_ID and "
                    + "WUSHE_CRYPTO_INDEX_KEY together (or none of them for generated development keys)");
        }
        return KeyRing.of(properties.keys(), properties.activeKeyId(), properties.indexKey());
    }
}
