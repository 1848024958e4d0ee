package org.wushe.directory.organisations;

import java.util.regex.Pattern;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.PhoneNumber;

/**
 * The number an organisation publishes for residents (issue 15 item 11): a landline with its area code
 * ({@code 021-64123456}, an extension allowed), a short service number ({@code 12345}, {@code 96xxx}) or a
 * {@code 400}/{@code 800} number. A mobile is refused: a mobile belongs to a person, and a person's phone is the
 * encrypted contact phone, never shown to the public.
 */
final class PublicPhone {

    static final String FORMAT = "directory.organisation.publicPhone.format";
    static final String MOBILE = "directory.organisation.publicPhone.mobile";

    /** Government service lines (12345, 12320 …) and the 95/96 short numbers of services. */
    private static final Pattern SHORT = Pattern.compile("1\\d{4}|9[56]\\d{3,4}");

    private static final Pattern NATIONAL = Pattern.compile("([48]00)(\\d{3})(\\d{4})");

    private PublicPhone() {}

    /** The display form to store and show, or null for blank input. */
    static String parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String compact = raw.strip().replaceAll("[\\s\\-()]", "");
        if (SHORT.matcher(compact).matches()) {
            return compact;
        }
        var national = NATIONAL.matcher(compact);
        if (national.matches()) {
            return national.group(1) + "-" + national.group(2) + "-" + national.group(3);
        }
        PhoneNumber phone;
        try {
            phone = PhoneNumber.parse(raw);
        } catch (InvalidValueException e) {
            // the shared messages belong to the contact phone's field: this field says its own
            throw new InvalidValueException(FORMAT);
        }
        if (phone.isMobile()) {
            throw new InvalidValueException(MOBILE);
        }
        return phone.value();
    }
}
