package org.wushe.shared;

/**
 * Text a person typed (a name, an address, a note, a search word): any character that can be shown, tab, line
 * feed and carriage return, but no other control character (C0, DEL, C1) and no unpaired surrogate. PostgreSQL
 * refuses NUL in text outright, and the other control characters and broken surrogates never come from a keyboard:
 * they are either an attack or a corrupted file. Every request parameter and every JSON string is held to this
 * at the door (the web layer), so that such a value is answered with a clear 400 instead of reaching the database.
 */
public record PlainText(String value) {

    public static final String CONTROL = "value.text.control";
    public static final String SURROGATE = "value.text.surrogate";

    public PlainText {
        if (value == null) {
            throw new IllegalArgumentException("value");
        }
        check(value);
    }

    public static PlainText parse(String raw) {
        return new PlainText(raw);
    }

    /** Throws {@link InvalidValueException} naming the 1-based position of the first character text may not hold. */
    static void check(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7f && c <= 0x9f) {
                throw new InvalidValueException(CONTROL, i + 1);
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidValueException(SURROGATE, i + 1);
            }
        }
    }

    /** True when {@code s} is null or would be accepted, for callers that only need a yes or no. */
    public static boolean isClean(String s) {
        if (s == null) {
            return true;
        }
        try {
            check(s);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
