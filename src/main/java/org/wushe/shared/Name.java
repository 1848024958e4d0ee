package org.wushe.shared;

/**
 * The name of a person or an organisation as shown in lists, exports and SMS: {@link PlainText} on one line, and
 * something a reader can see. Refused: any control character (tab and line breaks too); the direction controls
 * (U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates, U+200E/U+200F/U+061C marks), with which a name
 * can display as something else in a list or spreadsheet; and a name made only of invisible characters
 * (zero-width space, joiners, word joiner, byte-order mark, soft hyphen) and spaces, which looks blank but is not.
 * A zero-width joiner inside a real name is kept. Lengths differ by field, so the caller checks the length.
 */
public record Name(String value) {

    public static final String BLANK = "value.name.blank";
    public static final String CONTROL = "value.name.control";
    public static final String DIRECTION = "value.name.direction";
    public static final String INVISIBLE = "value.name.invisible";

    public Name {
        if (value == null) {
            throw new IllegalArgumentException("value");
        }
    }

    /** The name with surrounding white space removed; throws {@link InvalidValueException} when it is refused. */
    public static Name parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException(BLANK);
        }
        String s = raw.strip();
        PlainText.check(s);
        boolean visible = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.getType(cp) == Character.CONTROL) {
                throw new InvalidValueException(CONTROL, i + 1);
            }
            if (direction(cp)) {
                throw new InvalidValueException(DIRECTION, i + 1);
            }
            if (!invisible(cp) && !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)) {
                visible = true;
            }
            i += Character.charCount(cp);
        }
        if (!visible) {
            throw new InvalidValueException(INVISIBLE);
        }
        return new Name(s);
    }

    private static boolean direction(int cp) {
        return (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069)
                || cp == 0x200E
                || cp == 0x200F
                || cp == 0x061C;
    }

    private static boolean invisible(int cp) {
        return cp == 0x200B
                || cp == 0x200C
                || cp == 0x200D
                || cp == 0xFEFF
                || cp == 0x2060
                || cp == 0x00AD
                || cp == 0x180E
                || cp == 0x034F
                || (cp >= 0x2061 && cp <= 0x2064);
    }

    @Override
    public String toString() {
        return value;
    }
}
