package org.wushe.access.internal;

import org.springframework.stereotype.Component;
import org.wushe.privacy.CryptoService;
import org.wushe.privacy.Masking;
import org.wushe.shared.PhoneNumber;

/** The account phone: SM4-encrypted, found by its blind index, shown only masked unless revealed. */
@Component
public class AccountPhones {

    static final String TABLE = "access_account";
    static final String COLUMN = "phone_cipher";

    private final CryptoService crypto;

    AccountPhones(CryptoService crypto) {
        this.crypto = crypto;
    }

    void set(Account account, PhoneNumber phone) {
        account.setPhone(crypto.encrypt(phone.value(), TABLE, COLUMN), crypto.blindIndex("phone", phone.value()));
    }

    String masked(Account account) {
        return account.phoneCipher() == null ? "" : Masking.phone(clear(account));
    }

    public String clear(Account account) {
        return account.phoneCipher() == null ? "" : crypto.decrypt(account.phoneCipher(), TABLE, COLUMN);
    }
}
