package org.wushe.directory.socialworkers;

import org.springframework.stereotype.Component;
import org.wushe.privacy.CryptoService;
import org.wushe.privacy.Masking;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.ResidentIdNumber;

/** Encrypts, blind-indexes, decrypts and masks a social worker's ID number and phone. */
@Component
class SocialWorkerCipher {

    static final String TABLE = "directory_social_worker";

    private final CryptoService crypto;

    SocialWorkerCipher(CryptoService crypto) {
        this.crypto = crypto;
    }

    public byte[] idNumberIndex(ResidentIdNumber id) {
        return crypto.blindIndex("id_number", id.value());
    }

    public byte[] encryptIdNumber(ResidentIdNumber id) {
        return crypto.encrypt(id.value(), TABLE, "id_number");
    }

    public byte[] phoneIndex(PhoneNumber phone) {
        return phone == null ? null : crypto.blindIndex("phone", phone.value());
    }

    public byte[] encryptPhone(PhoneNumber phone) {
        return phone == null ? null : crypto.encrypt(phone.value(), TABLE, "phone");
    }

    public String clearIdNumber(byte[] cipher) {
        return cipher == null ? "" : crypto.decrypt(cipher, TABLE, "id_number");
    }

    public String clearPhone(byte[] cipher) {
        return cipher == null ? "" : crypto.decrypt(cipher, TABLE, "phone");
    }

    public String maskedIdNumber(byte[] cipher) {
        return cipher == null ? "" : Masking.idNumber(clearIdNumber(cipher));
    }

    public String maskedPhone(byte[] cipher) {
        return cipher == null ? "" : Masking.phone(clearPhone(cipher));
    }
}
