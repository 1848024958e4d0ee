package org.wushe.directory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.privacy.EncryptedColumn;
import org.wushe.privacy.EncryptedColumns;

/** The encrypted columns of this module, for key rotation (privacy.ReEncryption); bound names as its code encrypts them. */
@Configuration(proxyBeanMethods = false)
class DirectoryEncryptedColumns {

    @Bean
    EncryptedColumns directoryCipherColumns() {
        return EncryptedColumns.of(
                "directory",
                EncryptedColumn.of("directory_organisation", "contact_phone_cipher", "contact_phone"),
                EncryptedColumn.of("directory_social_worker", "id_number_cipher", "id_number"),
                EncryptedColumn.of("directory_social_worker", "phone_cipher", "phone"),
                EncryptedColumn.of("directory_volunteer", "id_number_cipher", "id_number"),
                EncryptedColumn.of("directory_volunteer", "phone_cipher", "phone"),
                EncryptedColumn.of("directory_volunteer", "emergency_contact_phone_cipher", "emergency_contact_phone"),
                EncryptedColumn.of("directory_import_result", "content", "content"));
    }
}
