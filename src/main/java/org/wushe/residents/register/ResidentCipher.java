package org.wushe.residents.register;

import org.springframework.stereotype.Component;
import org.wushe.privacy.CryptoService;
import org.wushe.privacy.Masking;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.ResidentIdNumber;

/**
 * Encrypts, blind-indexes, decrypts and masks the register's sensitive values, and the free text of care work
 * (assessments, visits, cases: hence public). The blind-index purposes are {@link #ID_NUMBER_INDEX} and
 * {@link #PHONE_INDEX}; whoever matches rows against residents_resident must compute its indexes with the same ones.
 */
@Component
public class ResidentCipher {

    /**
     * Blind-index purpose of residents_resident.id_number_index: {@code CryptoService.blindIndex(ID_NUMBER_INDEX,
     * ResidentIdNumber.value())}. CryptoService takes lower-case identifiers only, hence resident_id and not
     * resident-id.
     */
    public static final String ID_NUMBER_INDEX = "resident_id";
    /** Blind-index purpose of residents_resident.phone_index (of {@code PhoneNumber.value()}). */
    public static final String PHONE_INDEX = "phone";

    static final String TABLE = "residents_resident";

    private final CryptoService crypto;

    ResidentCipher(CryptoService crypto) {
        this.crypto = crypto;
    }

    public byte[] idNumberIndex(ResidentIdNumber id) {
        return crypto.blindIndex(ID_NUMBER_INDEX, id.value());
    }

    public byte[] encryptIdNumber(ResidentIdNumber id) {
        return crypto.encrypt(id.value(), TABLE, "id_number");
    }

    public byte[] phoneIndex(PhoneNumber phone) {
        return phone == null ? null : crypto.blindIndex(PHONE_INDEX, phone.value());
    }

    /** Encrypts one of the resident's phones; {@code column} names which (phone, guardian_phone, …). */
    public byte[] encryptPhone(PhoneNumber phone, String column) {
        return phone == null ? null : crypto.encrypt(phone.value(), TABLE, column);
    }

    public String clearIdNumber(byte[] cipher) {
        return cipher == null ? "" : crypto.decrypt(cipher, TABLE, "id_number");
    }

    public String clearPhone(byte[] cipher, String column) {
        return cipher == null ? "" : crypto.decrypt(cipher, TABLE, column);
    }

    public String maskedIdNumber(byte[] cipher) {
        return cipher == null ? "" : Masking.idNumber(clearIdNumber(cipher));
    }

    public String maskedPhone(byte[] cipher, String column) {
        return cipher == null ? "" : Masking.phone(clearPhone(cipher, column));
    }

    /** Free text of care work (assessment answers, visit and case notes), bound to its table and column. */
    public byte[] encryptText(String text, String table, String column) {
        return text == null || text.isEmpty() ? null : crypto.encrypt(text, table, column);
    }

    public String clearText(byte[] cipher, String table, String column) {
        return cipher == null ? "" : crypto.decrypt(cipher, table, column);
    }
}
