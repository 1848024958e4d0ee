package org.wushe.residents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.privacy.EncryptedColumn;
import org.wushe.privacy.EncryptedColumns;

/** The encrypted columns of this module, for key rotation (privacy.ReEncryption); bound names as its code encrypts them. */
@Configuration(proxyBeanMethods = false)
class ResidentsEncryptedColumns {

    @Bean
    EncryptedColumns residentsCipherColumns() {
        return EncryptedColumns.of(
                "residents",
                EncryptedColumn.of("residents_resident", "id_number_cipher", "id_number"),
                EncryptedColumn.of("residents_resident", "phone_cipher", "phone"),
                EncryptedColumn.of("residents_resident", "guardian_phone_cipher", "guardian_phone"),
                EncryptedColumn.of("residents_resident", "emergency_contact_phone_cipher", "emergency_contact_phone"),
                EncryptedColumn.of("residents_assessment", "answers_cipher", "answers"),
                EncryptedColumn.of("residents_assessment", "notes_cipher", "notes"),
                EncryptedColumn.of("residents_visit", "notes_cipher", "notes"),
                EncryptedColumn.of("residents_case_note", "body_cipher", "body"),
                new EncryptedColumn(
                        "residents_checkin_enrolment",
                        "address_as_cipher",
                        "resident_id",
                        "residents_checkin_enrolment",
                        "address_as"),
                EncryptedColumn.of("residents_verification_task", "id_number_cipher", "id_number_cipher"),
                EncryptedColumn.of("residents_verification_task", "phone_cipher", "phone_cipher"),
                EncryptedColumn.of("residents_verification_task", "corrected_phone_cipher", "corrected_phone_cipher"),
                EncryptedColumn.of("residents_campaign_import", "error_workbook", "error_workbook"));
    }
}
