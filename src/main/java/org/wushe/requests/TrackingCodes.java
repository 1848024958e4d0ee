package org.wushe.requests;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Tracking codes: 8 characters from 32 that cannot be confused when read aloud or copied by hand (no 0/O, 1/I),
 * drawn at random (40 bits): not sequential, not guessable, shown as {@code ABCD-EFGH}.
 */
public final class TrackingCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public static final int LENGTH = 8;

    private final SecureRandom random = new SecureRandom();

    public String next() {
        char[] code = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            code[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(code);
    }

    /** What a person typed (any case, with dashes or spaces) as stored, or null when it cannot be a code. */
    public static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return null;
        }
        for (char c : code.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return null;
            }
        }
        return code;
    }

    public static String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4);
    }
}
