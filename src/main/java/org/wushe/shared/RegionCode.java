package org.wushe.shared;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Administrative division code: 6 digits per GB/T 2260 (province/city/county), extended by the National Bureau of
 * Statistics' 9-digit township and 12-digit village codes (统计用区划代码).
 *
 * <p>The level is derived from the shape of the code alone; no division list is consulted, so abolished or newly
 * created codes are accepted. Besides the required non-{@code 000} tail, a 12-digit code must also have a
 * non-{@code 000} township part so that {@link #parent()} is always itself a valid code. A township's parent is
 * simply its first 6 digits, which may be a CITY (e.g. 441900 东莞, whose towns sit directly under the city).
 * Natural ordering is the lexical order of {@link #value()}, i.e. a pre-order walk of the tree.
 */
public final class RegionCode implements Comparable<RegionCode>, Serializable {

    private static final long serialVersionUID = 1L;

    public static final String BLANK = "value.region.blank";
    public static final String LENGTH = "value.region.length";
    public static final String DIGITS = "value.region.digits";
    public static final String PROVINCE = "value.region.province";
    public static final String ZERO_TAIL = "value.region.zeroTail";

    private final String value;
    private final RegionLevel level;

    private RegionCode(String value, RegionLevel level) {
        this.value = value;
        this.level = level;
    }

    public static RegionCode parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException(BLANK);
        }
        String s = raw.strip();
        int n = s.length();
        if (n != 6 && n != 9 && n != 12) {
            throw new InvalidValueException(LENGTH, n);
        }
        if (!ProvinceCodes.isAsciiDigits(s, 0, n)) {
            throw new InvalidValueException(DIGITS);
        }
        if (!ProvinceCodes.isProvince(Integer.parseInt(s.substring(0, 2)), false)) {
            throw new InvalidValueException(PROVINCE, s.substring(0, 2));
        }
        if ((n >= 9 && s.startsWith("000", 6)) || (n == 12 && s.startsWith("000", 9))) {
            throw new InvalidValueException(ZERO_TAIL);
        }
        return new RegionCode(s, levelOf(s));
    }

    private static RegionLevel levelOf(String s) {
        if (s.length() == 12) {
            return RegionLevel.VILLAGE;
        }
        if (s.length() == 9) {
            return RegionLevel.TOWNSHIP;
        }
        if (s.endsWith("0000")) {
            return RegionLevel.PROVINCE;
        }
        return s.endsWith("00") ? RegionLevel.CITY : RegionLevel.COUNTY;
    }

    public String value() {
        return value;
    }

    public RegionLevel level() {
        return level;
    }

    /** The enclosing region; empty for a province. */
    public Optional<RegionCode> parent() {
        String p = switch (level) {
            case PROVINCE -> null;
            case CITY -> value.substring(0, 2) + "0000";
            case COUNTY -> value.substring(0, 4) + "00";
            case TOWNSHIP -> value.substring(0, 6);
            case VILLAGE -> value.substring(0, 9);
        };
        return p == null ? Optional.empty() : Optional.of(parse(p));
    }

    /** Ancestors from the province down to the direct parent; empty for a province. */
    public List<RegionCode> ancestors() {
        List<RegionCode> result = new ArrayList<>();
        for (Optional<RegionCode> p = parent(); p.isPresent(); p = p.get().parent()) {
            result.add(p.get());
        }
        Collections.reverse(result);
        return List.copyOf(result);
    }

    /** Significant digits: 2 (province), 4 (city), 6 (county), 9 (township) or 12 (village). */
    public String prefix() {
        return switch (level) {
            case PROVINCE -> value.substring(0, 2);
            case CITY -> value.substring(0, 4);
            default -> value;
        };
    }

    /** True if {@code other} is this region or lies inside it. */
    public boolean contains(RegionCode other) {
        return other.value.startsWith(prefix());
    }

    /**
     * Exclusive upper bound of this subtree for range queries on a C-collated (byte-order) column:
     * {@code code >= prefix() AND code < subtreeUpperBound()}. The prefix plus one, with carry ({@code 310199 → 310200}).
     * Zeros produced by the carry are dropped down to 6 digits ({@code 310104999 → 310105}, not {@code 310105000}),
     * because a longer bound would sort after, and so wrongly include, the shorter code {@code 310105}.
     */
    public String subtreeUpperBound() {
        char[] digits = prefix().toCharArray();
        int i = digits.length - 1;
        while (digits[i] == '9') {
            digits[i--] = '0'; // cannot run past index 0: province codes are at most 82
        }
        digits[i]++;
        return new String(digits, 0, Math.max(i + 1, Math.min(6, digits.length)));
    }

    @Override
    public int compareTo(RegionCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegionCode other && value.equals(other.value);
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
