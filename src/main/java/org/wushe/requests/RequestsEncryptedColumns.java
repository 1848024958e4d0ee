package org.wushe.requests;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.privacy.EncryptedColumn;
import org.wushe.privacy.EncryptedColumns;

/** The encrypted columns of this module, for key rotation (privacy.ReEncryption); bound names as its code encrypts them. */
@Configuration(proxyBeanMethods = false)
class RequestsEncryptedColumns {

    @Bean
    EncryptedColumns requestsCipherColumns() {
        return EncryptedColumns.of(
                "requests",
                EncryptedColumn.of("requests_help_request", "address_cipher", "address"),
                EncryptedColumn.of("requests_help_request", "phone_cipher", "phone"),
                EncryptedColumn.of("requests_help_request", "description_cipher", "description"),
                EncryptedColumn.of("requests_help_request", "answers_cipher", "answers"),
                EncryptedColumn.of("requests_help_request", "resolution_cipher", "resolution"),
                EncryptedColumn.of("requests_event", "note_cipher", "note"),
                // follow-up notes are encrypted as requests_event.note (HelpRequestStore.followUp)
                new EncryptedColumn("requests_follow_up", "note_cipher", "id", "requests_event", "note"));
    }
}
