package org.wushe.shared;

/**
 * Mainland China phone number: mobile ({@code 1[3-9]} + 9 digits) or landline with trunk prefix and area code
 * (numbering plan of the MIIT: {@code 010}/{@code 02x} are 3-digit, other area codes 4-digit including the 0;
 * subscriber numbers have 7–8 digits and never start with 0 or 1).
 *
 * <p>Accepted decorations: spaces, hyphens and parentheses anywhere; a {@code +86}/{@code 0086} prefix (for a
 * landline the trunk 0 is then optional, so {@link #e164()} output parses again); a bare {@code 86} prefix only
 * for a 13-digit mobile (anything else would be ambiguous). Extension: {@code 转123} or a trailing
 * {@code -123} (1–6 digits) on landlines; a trailing hyphen group is read as the extension only when the part
 * before it is already a complete landline, so {@code 021-1234-5678} stays one number. {@link #toString()} is
 * masked; exception arguments never contain the number.
 */
public final class PhoneNumber {

    public static final String BLANK = "value.phone.blank";
    public static final String CHARACTERS = "value.phone.characters";
    public static final String FORMAT = "value.phone.format";
    public static final String MOBILE_PREFIX = "value.phone.mobilePrefix";
    public static final String AREA_CODE = "value.phone.areaCode";
    public static final String SUBSCRIBER_LENGTH = "value.phone.subscriberLength";
    public static final String SUBSCRIBER_START = "value.phone.subscriberStart";
    public static final String EXTENSION = "value.phone.extension";

    private final String areaCode; // null for mobiles
    private final String number; // mobile: 11 digits; landline: subscriber number
    private final String extension; // null if none

    private PhoneNumber(String areaCode, String number, String extension) {
        this.areaCode = areaCode;
        this.number = number;
        this.extension = extension;
    }

    public static PhoneNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException(BLANK);
        }
        String s = raw.strip();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9')
                    || c == ' '
                    || c == '-'
                    || c == '('
                    || c == ')'
                    || c == '转'
                    || (c == '+' && i == 0);
            if (!ok) {
                throw new InvalidValueException(CHARACTERS, i + 1);
            }
        }
        int zhuan = s.indexOf('转');
        if (zhuan >= 0) {
            String ext = digits(s.substring(zhuan + 1));
            PhoneNumber main = parseMain(s.substring(0, zhuan));
            if (main.isMobile() || s.indexOf('转', zhuan + 1) >= 0 || !ext.matches("\\d{1,6}")) {
                throw new InvalidValueException(EXTENSION);
            }
            return new PhoneNumber(main.areaCode, main.number, ext);
        }
        int dash = s.lastIndexOf('-');
        if (dash >= 0 && s.substring(dash + 1).strip().matches("\\d{1,6}")) {
            try {
                PhoneNumber main = parseMain(s.substring(0, dash));
                if (!main.isMobile()) {
                    return new PhoneNumber(
                            main.areaCode, main.number, s.substring(dash + 1).strip());
                }
            } catch (InvalidValueException notAnExtension) {
                // fall through: the trailing group belongs to the number itself
            }
        }
        return parseMain(s);
    }

    private static PhoneNumber parseMain(String s) {
        String d = digits(s);
        boolean international = s.startsWith("+") || d.startsWith("0086");
        if (s.startsWith("+")) {
            if (!d.startsWith("86")) {
                throw new InvalidValueException(FORMAT); // only Chinese numbers are supported
            }
            d = d.substring(2);
        } else if (d.startsWith("0086")) {
            d = d.substring(4);
        } else if (d.length() == 13 && d.startsWith("861")) {
            d = d.substring(2); // bare 86 only before a mobile number
        }
        boolean mobileLike = d.startsWith("1") && !d.startsWith("10"); // +86 10... is Beijing, not a mobile
        if (international && !d.isEmpty() && !d.startsWith("0") && !mobileLike) {
            d = "0" + d; // international landline form drops the trunk 0
        }
        if (d.startsWith("1")) {
            if (d.length() != 11) {
                throw new InvalidValueException(FORMAT);
            }
            if (d.charAt(1) < '3') {
                throw new InvalidValueException(MOBILE_PREFIX);
            }
            return new PhoneNumber(null, d, null);
        }
        if (!d.startsWith("0") || d.length() < 3) {
            throw new InvalidValueException(FORMAT);
        }
        char second = d.charAt(1);
        if (second == '0' || (second == '1' && d.charAt(2) != '0')) {
            throw new InvalidValueException(AREA_CODE);
        }
        int areaLength = second <= '2' ? 3 : 4;
        if (d.length() <= areaLength) {
            throw new InvalidValueException(SUBSCRIBER_LENGTH, 0);
        }
        String subscriber = d.substring(areaLength);
        if (subscriber.length() < 7 || subscriber.length() > 8) {
            throw new InvalidValueException(SUBSCRIBER_LENGTH, subscriber.length());
        }
        if (subscriber.charAt(0) == '0' || subscriber.charAt(0) == '1') {
            throw new InvalidValueException(SUBSCRIBER_START);
        }
        return new PhoneNumber(d.substring(0, areaLength), subscriber, null);
    }

    private static String digits(String s) {
        return s.replaceAll("[^0-9]", "");
    }

    /** Mobile: 11 digits; landline: {@code 021-12345678} or {@code 021-12345678-123}. Personal data: do not log. */
    public String value() {
        return isMobile() ? number : areaCode + "-" + number + (extension == null ? "" : "-" + extension);
    }

    public boolean isMobile() {
        return areaCode == null;
    }

    /** E.164 form without the extension, e.g. {@code +8613812345678} or {@code +862112345678}. */
    public String e164() {
        return "+86" + (isMobile() ? number : areaCode.substring(1) + number);
    }

    /** Mobile {@code 138****5678}; landline {@code 021-****5678} (area code and last 4 kept, extension dropped). */
    public String masked() {
        String masked = "*".repeat(number.length() - 4) + number.substring(number.length() - 4);
        return isMobile() ? number.substring(0, 3) + masked.substring(3) : areaCode + "-" + masked;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhoneNumber other && value().equals(other.value());
    }

    @Override
    public int hashCode() {
        return value().hashCode();
    }

    /** Masked on purpose, see {@link #masked()}. */
    @Override
    public String toString() {
        return masked();
    }
}
