package org.wushe.directory.volunteers;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.wushe.notify.OutboxTexts;
import org.wushe.privacy.CryptoService;

/** Valid unique ID numbers and phones, and the SMS the outbox holds for a phone (the test database is shared). */
final class VolunteerTestData {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private VolunteerTestData() {}

    static String idNumber() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String body =
                "310104" + (1960 + r.nextInt(40)) + String.format("%02d%02d", 1 + r.nextInt(12), 1 + r.nextInt(28))
                        + String.format("%03d", r.nextInt(1000));
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK.charAt(sum % 11);
    }

    static String phone() {
        return "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** The latest SMS queued for {@code phone}. */
    static String lastSms(JdbcClient jdbc, CryptoService crypto, String phone) {
        return OutboxTexts.lastText(jdbc, crypto, phone);
    }

    static String code(JdbcClient jdbc, CryptoService crypto, String phone) {
        return find(lastSms(jdbc, crypto, phone), "验证码是(\\d{6})");
    }

    static String oneTimePassword(JdbcClient jdbc, CryptoService crypto, String phone) {
        return find(lastSms(jdbc, crypto, phone), "初始密码([^，]+)，");
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new AssertionError("no " + regex + " in " + text);
        }
        return m.group(1);
    }

    static final Pattern PASSPORT = Pattern.compile("WS\\d{6}\\d{8}\\d");
}
