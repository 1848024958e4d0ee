package org.wushe.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * 18-character citizen identification number per GB 11643-1999 (公民身份号码), also accepting the 2023 foreigners'
 * permanent residence ID card (外国人永久居留身份证: {@code 9} + 2-digit issuing province + 3-digit nationality code,
 * then birth date, sequence and the same check character).
 *
 * <p>Choices: the address code is deliberately NOT checked against a division list, because numbers issued under
 * since-abolished division codes remain valid for life; only the province part is checked for plausibility (also
 * for the 9-prefix, whose digits 2–3 are a province code). Birth dates before 1900-01-01 are rejected as
 * implausible (nobody living was born earlier; the standard's own example {@code 440524188001010014} is therefore
 * refused), and so are birth dates after today. Full-width digits are
 * rejected rather than converted so that normalisation stays predictable. {@link #toString()} is masked so the
 * number never leaks into logs; exception arguments never contain the number either.
 */
public final class ResidentIdNumber {

    public static final String BLANK = "value.residentId.blank";
    public static final String LENGTH = "value.residentId.length";
    public static final String CHARACTERS = "value.residentId.characters";
    public static final String PREFIX = "value.residentId.prefix";
    public static final String BIRTH_DATE_INVALID = "value.residentId.birthDate.invalid";
    public static final String BIRTH_DATE_FUTURE = "value.residentId.birthDate.future";
    public static final String BIRTH_DATE_TOO_EARLY = "value.residentId.birthDate.tooEarly";
    public static final String CHECKSUM = "value.residentId.checksum";

    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    // shared depends on nothing, so not platform.ChinaTime: the same zone, named here once more
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";

    private final String value;
    private final LocalDate birthDate;

    private ResidentIdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /** Parses using today's date in China (Asia/Shanghai) as the upper bound for the birth date. */
    public static ResidentIdNumber parse(String raw) {
        return parse(raw, LocalDate.now(CHINA));
    }

    /** Parses with an explicit "today", for deterministic tests. */
    public static ResidentIdNumber parse(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException(BLANK);
        }
        String s = raw.strip();
        if (s.length() != 18) {
            throw new InvalidValueException(LENGTH, s.length());
        }
        s = s.substring(0, 17) + (s.charAt(17) == 'x' ? 'X' : s.charAt(17));
        for (int i = 0; i < 18; i++) {
            char c = s.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || (i == 17 && c == 'X');
            if (!ok) {
                throw new InvalidValueException(CHARACTERS, i + 1);
            }
        }
        boolean foreign = s.charAt(0) == '9';
        int province = Integer.parseInt(foreign ? s.substring(1, 3) : s.substring(0, 2));
        if (!ProvinceCodes.isProvince(province, true)) {
            throw new InvalidValueException(PREFIX);
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(
                    Integer.parseInt(s.substring(6, 10)),
                    Integer.parseInt(s.substring(10, 12)),
                    Integer.parseInt(s.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidValueException(BIRTH_DATE_INVALID);
        }
        if (birth.isAfter(today)) {
            throw new InvalidValueException(BIRTH_DATE_FUTURE);
        }
        if (birth.isBefore(EARLIEST_BIRTH_DATE)) {
            throw new InvalidValueException(BIRTH_DATE_TOO_EARLY);
        }
        if (s.charAt(17) != checkCharacter(s.substring(0, 17))) {
            throw new InvalidValueException(CHECKSUM);
        }
        return new ResidentIdNumber(s, birth);
    }

    /** ISO 7064 MOD 11-2 check character for the first 17 digits. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    /** The normalised 18-character number (upper-case X). Personal data: do not log. */
    public String value() {
        return value;
    }

    /** First six characters; for foreigners' cards this is 9 + issuing province + nationality code. */
    public String addressCode() {
        return value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    public boolean isForeignPermanentResident() {
        return value.charAt(0) == '9';
    }

    /** First 3 and last 4 characters with 11 asterisks between, e.g. {@code 110***********002X}. */
    public String masked() {
        return value.substring(0, 3) + "*".repeat(11) + value.substring(14);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidentIdNumber other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Masked on purpose, see {@link #masked()}. */
    @Override
    public String toString() {
        return masked();
    }
}
