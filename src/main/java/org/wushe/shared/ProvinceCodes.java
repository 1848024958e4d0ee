package org.wushe.shared;

/** GB/T 2260 first-level (province) codes shared by {@link ResidentIdNumber} and {@link RegionCode}. */
final class ProvinceCodes {

    private ProvinceCodes() {}

    /**
     * 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71 (Taiwan), 81 (Hong Kong), 82 (Macao); 83 only if
     * {@code allow83} (used by residence permits for Taiwan residents, never a GB/T 2260 code).
     */
    static boolean isProvince(int code, boolean allow83) {
        return (code >= 11 && code <= 15)
                || (code >= 21 && code <= 23)
                || (code >= 31 && code <= 37)
                || (code >= 41 && code <= 46)
                || (code >= 50 && code <= 54)
                || (code >= 61 && code <= 65)
                || code == 71
                || code == 81
                || code == 82
                || (allow83 && code == 83);
    }

    /** True if every character is an ASCII digit (full-width and other Unicode digits are rejected). */
    static boolean isAsciiDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
