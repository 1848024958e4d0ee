package org.wushe.directory.socialworkers;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Valid, unique resident ID numbers and social-worker drafts for tests (the test database is shared). */
public final class SocialWorkerTestData {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    /**
     * Each number drawn once per JVM: n → (birth day, sequence); the start is random for reruns on one database.
     * Births fall in 1900–1941, before the demo directory's (1960 on) and the benchmark's (1955 on), which share the
     * test database: an overlap once made the 10,000-row import test refuse one of its good rows.
     */
    private static final AtomicLong NEXT =
            new AtomicLong(ThreadLocalRandom.current().nextLong(0, 15_000_000));

    private SocialWorkerTestData() {}

    public static String idNumber() {
        long n = NEXT.getAndIncrement();
        LocalDate birth = LocalDate.of(1900, 1, 1).plusDays(n / 999);
        String first17 = "310104" + birth.toString().replace("-", "") + String.format("%03d", n % 999 + 1);
        return first17 + check(first17);
    }

    public static char check(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** The same number with a wrong check character. */
    public static String withWrongCheck(String id) {
        char right = id.charAt(17);
        return id.substring(0, 17) + (right == '1' ? '2' : '1');
    }

    public static SocialWorkerDraft draft(String name, String idNumber, String phone, String region, List<Long> orgs) {
        return new SocialWorkerDraft(
                name,
                idNumber,
                phone,
                "SOCIAL_WORKER",
                "SW2020" + idNumber.substring(14),
                List.of("MEDICAL", "elderly"),
                true,
                null,
                "ON_DUTY",
                region,
                orgs,
                List.of(region));
    }
}
