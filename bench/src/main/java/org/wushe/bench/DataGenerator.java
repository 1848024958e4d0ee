package org.wushe.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import net.datafaker.Faker;

/**
 * Deterministic test data: Datafaker with a fixed seed for the Chinese names and street names, the real region
 * hierarchy (Shanghai's streets and towns as the app loaded them) for region codes, and arithmetic for ID numbers
 * (GB 11643 check digit) and phone numbers, so the same seed gives byte-identical files on every machine.
 * Big tables are not built here row by row: the pools below go into small tables and SQL multiplies them
 * ({@link SearchData}).
 */
final class DataGenerator {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private final Faker faker;
    private final long seed;

    DataGenerator(long seed) {
        this.seed = seed;
        this.faker = new Faker(Locale.SIMPLIFIED_CHINESE, new Random(seed));
    }

    /** {@code n} distinct Chinese full names (Datafaker, seeded). */
    List<String> names(int n) {
        return distinct(n, () -> faker.name().lastName() + faker.name().firstName());
    }

    /** {@code n} distinct street names with a house number (Datafaker, seeded). */
    List<String> streets(int n) {
        return distinct(n, () -> faker.address().streetName() + faker.address().buildingNumber() + "号");
    }

    private static List<String> distinct(int n, Supplier<String> draw) {
        Set<String> out = new LinkedHashSet<>();
        int attempts = 0;
        while (out.size() < n && attempts++ < n * 50) {
            String v = draw.get().replaceAll("[\\s,\"]", "");
            if (!v.isEmpty() && v.length() <= 40) {
                out.add(v);
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * The {@code n}-th ID number of a series: a distinct (district, birth date, sequence) per n, valid check digit.
     * Different series (0, 1, …) never overlap, so files of one run do not collide with each other.
     */
    static String idNumber(String district, int series, long n) {
        long k = series * 50_000_000L + n;
        LocalDate birth = LocalDate.of(1955, 1, 1).plusDays(k / 999 % 16_000);
        long sequence = k % 999 + 1;
        String first17 = district + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + check(first17);
    }

    static char check(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** A mobile number, distinct for n below 10^8 within a series. */
    static String phone(int series, long n) {
        String[] prefixes = {"139", "138", "137", "186", "158"};
        return prefixes[series % prefixes.length] + String.format("%08d", (n * 7_919L + 13) % 100_000_000L);
    }

    Random random(String purpose) {
        return new Random(seed ^ purpose.hashCode());
    }

    /** Writes a UTF-8 CSV file (RFC 4180; the generated values never need quoting, checked here). */
    static Path writeCsv(Path file, List<String> header, Iterable<List<String>> rows) throws IOException {
        Files.createDirectories(file.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", header));
            w.write('\n');
            for (List<String> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    String v = row.get(i) == null ? "" : row.get(i);
                    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0) {
                        throw new IllegalArgumentException("generated value needs quoting: " + v);
                    }
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(v);
                }
                w.write('\n');
            }
        }
        return file;
    }
}
