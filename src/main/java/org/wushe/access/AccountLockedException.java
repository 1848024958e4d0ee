package org.wushe.access;

import java.time.Instant;
import org.springframework.security.authentication.LockedException;

/** Five wrong passwords in a row: the account refuses sign-in until {@link #until()}. */
public class AccountLockedException extends LockedException {

    private final Instant until;

    public AccountLockedException(Instant until) {
        super("access.login.locked");
        this.until = until;
    }

    public Instant until() {
        return until;
    }
}
