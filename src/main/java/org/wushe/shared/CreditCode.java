package org.wushe.shared;

import java.util.Locale;

/**
 * Unified social credit code per GB 32100-2015 (统一社会信用代码).
 *
 * <p>18 characters over the 31-character alphabet {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, Z, S, V): registration
 * authority (1), organisation type (2), administrative division code (3–8, digits), organisation identifier (9–17)
 * and a MOD 31 check character (18). Input is trimmed and upper-cased ({@link Locale#ROOT}). The authority and type
 * characters are not checked against the code tables, so that newly introduced categories keep working; the
 * division code is only checked to be digits. The code is public information, so {@link #toString()} is unmasked.
 */
public final class CreditCode {

    public static final String BLANK = "value.creditCode.blank";
    public static final String LENGTH = "value.creditCode.length";
    public static final String CHARACTER = "value.creditCode.character";
    public static final String REGION = "value.creditCode.region";
    public static final String CHECKSUM = "value.creditCode.checksum";

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private final String value;

    private CreditCode(String value) {
        this.value = value;
    }

    public static CreditCode parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException(BLANK);
        }
        String s = raw.strip().toUpperCase(Locale.ROOT);
        if (s.length() != 18) {
            throw new InvalidValueException(LENGTH, s.length());
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                throw new InvalidValueException(CHARACTER, i + 1);
            }
        }
        if (!ProvinceCodes.isAsciiDigits(s, 2, 8)) {
            throw new InvalidValueException(REGION);
        }
        if (s.charAt(17) != checkCharacter(s.substring(0, 17))) {
            throw new InvalidValueException(CHECKSUM);
        }
        return new CreditCode(s);
    }

    /** Check character for the first 17 (already validated) characters. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return ALPHABET.charAt(c == 31 ? 0 : c);
    }

    public String value() {
        return value;
    }

    /** Character 1: registration authority (e.g. 9 = administration for market regulation). */
    public char registrationAuthority() {
        return value.charAt(0);
    }

    /** Character 2: organisation type within the authority (e.g. 1 = enterprise under authority 9). */
    public char orgType() {
        return value.charAt(1);
    }

    /** Characters 3–8: administrative division code of the registering authority (not validated against a list). */
    public String regionCode() {
        return value.substring(2, 8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreditCode other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
