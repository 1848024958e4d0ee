package org.wushe.requests;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.wushe.privacy.CryptoService;

/** Phones, client addresses, SMS codes from the outbox and ready-made intakes for the help-request tests. */
final class RequestTestData {

    /** 天平路街道 of 徐汇区 (the demo station's street) and a street of 黄浦区. */
    static final String TIANPING = "310104003";
    static final String HUANGPU_STREET = "310101002";

    private RequestTestData() {
    }

    static String phone() {
        return "137" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    static String address() {
        return "10.77." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256);
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static String lastSms(JdbcClient jdbc, CryptoService crypto, String phone) {
        byte[] body = jdbc.sql("select body_cipher from notify_message where recipient_index = ? order by id desc limit 1")
                .param(crypto.blindIndex("phone", phone)).query(byte[].class).single();
        return crypto.decrypt(body, "notify_message", "body_cipher");
    }

    static String code(JdbcClient jdbc, CryptoService crypto, String phone) {
        return find(lastSms(jdbc, crypto, phone), "验证码是(\\d{6})");
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new AssertionError("no " + regex + " in " + text);
        }
        return m.group(1);
    }

    static Intake dialysis(String phone, String code, String region) {
        return new Intake("DIALYSIS", "父亲明天上午需要透析，小区封控出不去", "FAMILY", region, "建国西路100弄3号502室",
                phone, code, "URGENT", Map.of("dialysisDueWithin24h", true), UUID.randomUUID().toString());
    }

    static String json(Intake i) {
        StringBuilder answers = new StringBuilder();
        i.answers().forEach((k, v) -> answers.append(answers.isEmpty() ? "" : ",").append('"').append(k).append("\":")
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
