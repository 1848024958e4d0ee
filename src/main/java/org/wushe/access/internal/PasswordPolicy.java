package org.wushe.access.internal;

import org.wushe.shared.InvalidValueException;

/** MLPS 2.0 password rule: at least 10 characters from at least 3 of lower, upper, digit, symbol. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private PasswordPolicy() {}

    static void check(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw new InvalidValueException("access.password.length", MIN_LENGTH, MAX_LENGTH);
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            throw new InvalidValueException("access.password.classes");
        }
        if (username != null && password.toLowerCase().contains(username.toLowerCase())) {
            throw new InvalidValueException("access.password.username");
        }
    }
}
