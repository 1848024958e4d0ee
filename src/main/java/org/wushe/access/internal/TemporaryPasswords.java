package org.wushe.access.internal;

import java.security.SecureRandom;

/** Generates one-time passwords that satisfy the policy: 16 characters from four classes. */
final class TemporaryPasswords {

    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "#%+=@";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPasswords() {}

    static String generate() {
        String all = LOWER + UPPER + DIGITS + SYMBOLS;
        StringBuilder password = new StringBuilder();
        for (String pool : new String[] {LOWER, UPPER, DIGITS, SYMBOLS}) {
            password.append(pool.charAt(RANDOM.nextInt(pool.length())));
        }
        while (password.length() < 16) {
            password.append(all.charAt(RANDOM.nextInt(all.length())));
        }
        return password.toString();
    }
}
