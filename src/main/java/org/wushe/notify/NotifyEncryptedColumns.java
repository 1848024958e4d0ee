package org.wushe.notify;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.privacy.EncryptedColumn;
import org.wushe.privacy.EncryptedColumns;

/** The encrypted columns of this module, for key rotation (privacy.ReEncryption); bound names as its code encrypts them. */
@Configuration(proxyBeanMethods = false)
class NotifyEncryptedColumns {

    @Bean
    EncryptedColumns notifyCipherColumns() {
        return EncryptedColumns.of(
                "notify",
                EncryptedColumn.of("notify_message", "recipient_cipher", "recipient"),
                EncryptedColumn.of("notify_message", "body_cipher", "body_cipher"),
                EncryptedColumn.of("notify_message", "variables_cipher", "variables_cipher"));
    }
}
