package org.wushe.access;

/** A one-time password, shown once to the administrator who created or reset the account. */
public record IssuedPassword(long accountId, String username, String temporaryPassword) {
}
