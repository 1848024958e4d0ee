package org.wushe.access.internal;

import org.springframework.stereotype.Component;
import org.wushe.shared.PhoneNumber;

/**
 * The account phone: kept encrypted with a blind index so nobody reads it from the database or a dump.
 * (Encryption arrives with the privacy module; until then no phone is stored at all.)
 */
@Component
class AccountPhones {

    void set(Account account, PhoneNumber phone) {
        account.setPhone(null, null);
    }

    String masked(Account account) {
        return account.phoneCipher() == null ? "" : "***";
    }
}
