package org.wushe.access;

import java.io.Serializable;

/** A one-time password, shown once to the administrator who created or reset the account (it passes through
 * the session as a flash attribute between the form post and the page that shows it). */
public record IssuedPassword(long accountId, String username, String temporaryPassword) implements Serializable {}
