package org.wushe.privacy;

import org.wushe.shared.InvalidValueException;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.ResidentIdNumber;

/**
 * Masks personal data for display (UI.md: {@code 110***********1234}, {@code 138****5678}, {@code 张*明}).
 * Values that do not parse get a generic mask; no method ever returns the clear value. Blank gives {@code ""}.
 */
public final class Masking {

    private Masking() {}

    /** First 3 and last 4 characters of a citizen ID number. */
    public static String idNumber(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        try {
            return ResidentIdNumber.parse(raw).masked();
        } catch (InvalidValueException e) {
            return generic(raw);
        }
    }

    /** Mobile {@code 138****5678}; landline keeps area code and last 4 ({@code 021-****5678}). */
    public static String phone(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        try {
            return PhoneNumber.parse(raw).masked();
        } catch (InvalidValueException e) {
            return generic(raw);
        }
    }

    /** {@code 张*}, {@code 张*明}, {@code 欧**峰}: first and last character kept (a lone character is starred). */
    public static String name(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        int[] chars = raw.strip().codePoints().toArray(); // code points: names may use CJK extension characters
        if (chars.length == 1) {
            return "*";
        }
        StringBuilder masked = new StringBuilder().appendCodePoint(chars[0]);
        masked.append("*".repeat(chars.length == 2 ? 1 : chars.length - 2));
        return chars.length == 2
                ? masked.toString()
                : masked.appendCodePoint(chars[chars.length - 1]).toString();
    }

    /** At most the first 3 and last 4 characters, never more than a quarter of the value at either end. */
    static String generic(String raw) {
        int[] chars = raw.strip().codePoints().toArray();
        int start = Math.min(3, chars.length / 4);
        int end = Math.min(4, chars.length / 4);
        StringBuilder masked = new StringBuilder();
        for (int i = 0; i < chars.length; i++) {
            if (i < start || i >= chars.length - end) {
                masked.appendCodePoint(chars[i]);
            } else {
                masked.append('*');
            }
        }
        return masked.toString();
    }
}
