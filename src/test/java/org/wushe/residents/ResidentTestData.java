package org.wushe.residents;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.wushe.access.Role;
import org.wushe.access.Staff;
import org.wushe.region.Regions;
import org.wushe.residents.register.CategoryDetail;
import org.wushe.residents.register.ResidentDraft;

/** Valid unique ID numbers, phones, the test communities and resident drafts (the test database is shared). */
public final class ResidentTestData {

    /** Two communities of 徐汇 天平路街道 and one of 黄浦 南京东路街道. */
    public static final String A = "310104003001";

    public static final String A2 = "310104003002";
    public static final String B = "310101002001";

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final AtomicLong NEXT =
            new AtomicLong(ThreadLocalRandom.current().nextLong(0, 15_000_000));
    private static final AtomicLong PHONE =
            new AtomicLong(ThreadLocalRandom.current().nextLong(0, 50_000_000));
    private static volatile boolean communitiesLoaded;

    private ResidentTestData() {}

    /** Makes sure the test communities exist (the test database has no 12-digit codes of its own). */
    public static void communities(Regions regions) {
        if (communitiesLoaded) {
            return;
        }
        String csv = "code,name,parent\n" + A + ",上海新村居委会," + A.substring(0, 9) + "\n" + A2 + ",天平测试居委会,"
                + A2.substring(0, 9) + "\n" + B + ",云南中路居委会," + B.substring(0, 9) + "\n";
        Staff.as(Role.CIVIL_AFFAIRS_ADMIN)
                .wholeCountry()
                .named("residents-test-setup")
                .run(() -> regions.importCommunities(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))));
        communitiesLoaded = true;
    }

    /**
     * An ID number of someone born in 1900–1924 (old enough for the elderly categories), before the demo residents
     * (1925 on), the demo verification lists (1930 on) and the benchmark (1955 on), which share the test database.
     */
    public static String idNumber() {
        long n = NEXT.getAndIncrement();
        LocalDate birth = LocalDate.of(1900, 1, 1).plusDays(n / 999 % 9000);
        return withCheckCharacter("310104" + birth.toString().replace("-", "") + String.format("%03d", n % 999 + 1));
    }

    /** A valid number (check character computed) of someone born on {@code yyyyMMdd}, any date. */
    public static String idNumberBornOn(String yyyyMMdd) {
        return withCheckCharacter("310104" + yyyyMMdd + String.format("%03d", NEXT.getAndIncrement() % 999 + 1));
    }

    private static String withCheckCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + CHECK.charAt(sum % 11);
    }

    public static String phone() {
        return "139" + String.format("%08d", PHONE.getAndIncrement() % 100_000_000);
    }

    public static ResidentDraft draft(
            String name, String idNumber, String community, VulnerabilityCategory... categories) {
        return new ResidentDraft(
                name,
                idNumber,
                phone(),
                "上海市徐汇区天平路1号",
                "上海市徐汇区天平路1号",
                community,
                "1",
                "2",
                "301",
                "李四",
                "儿子",
                phone(),
                null,
                null,
                null,
                null,
                null,
                "STATUTORY_DUTY",
                null,
                Arrays.stream(categories).map(CategoryDetail::of).toList());
    }

    public static ResidentDraft draft(String name, String community, VulnerabilityCategory... categories) {
        return draft(name, idNumber(), community, categories);
    }

    public static List<CategoryDetail> none() {
        return List.of();
    }
}
