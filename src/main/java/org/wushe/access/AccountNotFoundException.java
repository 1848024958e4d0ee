package org.wushe.access;

import org.wushe.platform.ResourceNotFoundException;

/** No such account, or one outside the caller's scope (the two look the same). */
public class AccountNotFoundException extends ResourceNotFoundException {

    public AccountNotFoundException(long id) {
        super("access.account.notFound", id);
    }
}
