package org.wushe.requests;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.wushe.access.Staff;
import org.wushe.notify.OutboxTexts;
import org.wushe.privacy.CryptoService;
import org.wushe.requests.intake.HelpRequests;
import org.wushe.requests.intake.Intake;
import org.wushe.requests.intake.Submission;

/** Phones, client addresses, SMS codes from the outbox and ready-made intakes for the help-request tests. */
public final class RequestTestData {

    /** 天平路街道 of 徐汇区 (the demo station's street) and a street of 黄浦区. */
    public static final String TIANPING = "310104003";

    public static final String HUANGPU_STREET = "310101002";

    private RequestTestData() {}

    public static String phone() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    public static String address() {
        return "10.77." + ThreadLocalRandom.current().nextInt(256) + "."
                + ThreadLocalRandom.current().nextInt(256);
    }

    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    public static String lastSms(JdbcClient jdbc, CryptoService crypto, String phone) {
        return OutboxTexts.lastText(jdbc, crypto, phone);
    }

    public static String code(JdbcClient jdbc, CryptoService crypto, String phone) {
        return find(lastSms(jdbc, crypto, phone), "验证码是(\\d{6})");
    }

    public static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new AssertionError("no " + regex + " in " + text);
        }
        return m.group(1);
    }

    public static Intake dialysis(String phone, String code, String region) {
        return new Intake(
                "DIALYSIS",
                "父亲明天上午需要透析，小区封控出不去",
                "FAMILY",
                region,
                "建国西路100弄3号502室",
                phone,
                code,
                "URGENT",
                Map.of("dialysisDueWithin24h", true),
                UUID.randomUUID().toString());
    }

    /** A call {@code staff} record in 天平路街道 (the tests of several slices start from one). */
    public static Submission recordCall(
            HelpRequests requests,
            Staff staff,
            String category,
            Map<String, Boolean> answers,
            String urgency,
            String phone) {
        return staff.call(() -> requests.record(
                new Intake(
                        category,
                        "电话求助，情况紧急需要协助",
                        "SELF",
                        TIANPING,
                        "天平路88号2单元301",
                        phone,
                        null,
                        urgency,
                        answers,
                        UUID.randomUUID().toString()),
                Channel.HOTLINE));
    }

    public static String json(Intake i) {
        StringBuilder answers = new StringBuilder();
        i.answers()
                .forEach((k, v) -> answers.append(answers.isEmpty() ? "" : ",")
                        .append('"')
                        .append(k)
                        .append("\":")
                        .append(v));
        return "{\"category\":" + q(i.category()) + ",\"description\":" + q(i.description()) + ",\"forWhom\":"
                + q(i.forWhom()) + ",\"communityCode\":" + q(i.communityCode()) + ",\"address\":" + q(i.address())
                + ",\"phone\":" + q(i.phone()) + ",\"code\":" + q(i.code()) + ",\"urgency\":" + q(i.urgency())
                + ",\"answers\":{" + answers + "},\"submissionKey\":" + q(i.submissionKey()) + "}";
    }

    private static String q(String s) {
        return s == null ? "null" : "\"" + s.replace("\"", "\\\"") + "\"";
    }
}
