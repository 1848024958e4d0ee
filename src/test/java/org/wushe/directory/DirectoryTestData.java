package org.wushe.directory;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.wushe.directory.organisations.OrganisationDraft;

/** Unique names, valid credit codes and phones for directory tests (the test database is shared). */
public final class DirectoryTestData {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private DirectoryTestData() {}

    public static String marker() {
        return "测" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50), 36);
    }

    /** A valid GB 32100 code (registration authority 5 = civil affairs, type 1 = social organisation). */
    public static String creditCode() {
        StringBuilder s = new StringBuilder("51310104");
        for (int i = 0; i < 9; i++) {
            s.append(ALPHABET.charAt(ThreadLocalRandom.current().nextInt(ALPHABET.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(s.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return s.append(ALPHABET.charAt(c == 31 ? 0 : c)).toString();
    }

    public static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    public static OrganisationDraft draft(OrgType type, String name, String region, String phone) {
        return new OrganisationDraft(type.name(), name, creditCode(), region, "上海市某路1号", "王芳", phone, null, List.of());
    }
}
