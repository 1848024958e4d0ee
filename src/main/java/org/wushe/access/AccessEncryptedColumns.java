package org.wushe.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.privacy.EncryptedColumn;
import org.wushe.privacy.EncryptedColumns;

/** The encrypted columns of this module, for key rotation (privacy.ReEncryption); bound names as its code encrypts them. */
@Configuration(proxyBeanMethods = false)
class AccessEncryptedColumns {

    @Bean
    EncryptedColumns accessCipherColumns() {
        return EncryptedColumns.of(
                "access",
                EncryptedColumn.of("access_account", "phone_cipher", "phone_cipher"),
                EncryptedColumn.of("access_account", "totp_secret", "totp_secret"));
    }
}
