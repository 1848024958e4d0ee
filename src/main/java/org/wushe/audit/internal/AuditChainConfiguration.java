package org.wushe.audit.internal;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.privacy.CryptoService;

/** The chain's keyed hash (key held by privacy) and the anchor file. */
@Configuration(proxyBeanMethods = false)
class AuditChainConfiguration {

    @Bean
    ChainHash chainHash(CryptoService crypto) {
        return new ChainHash(crypto::keyedHash);
    }

    /** Default: beside the embedded cluster and the development keys, in {@code WUSHE_DATA_DIR}. */
    @Bean
    AnchorFile anchorFile(
            ChainHash hash,
            @Value("${wushe.audit.anchor-file:${wushe.embedded-db.data-dir:./data/postgres}/audit-anchors.log}")
                    String path) {
        return new AnchorFile(Path.of(path), hash);
    }
}
