package org.wushe.notify.sms.aliyun;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wushe.notify.sms.ProviderHttp;
import org.wushe.notify.sms.SmsProperties;
import org.wushe.notify.sms.SmsProvider;
import org.wushe.notify.sms.TemplateBook;
import org.wushe.notify.sms.TemplateBook.Template;
import org.wushe.platform.ChinaTime;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Alibaba Cloud SMS over its plain HTTPS API: SendSms (one number, the template's variables as a JSON object, our
 * outbox id as OutId) and QuerySendDetails for the delivery report of each message (by number, BizId and day).
 * Logs codes only: never the number, the variables or the report's Content (the rendered text).
 */
public final class AliyunSms implements SmsProvider {

    public static final String NAME = "aliyun";
    static final String VERSION = "2017-05-25";
    private static final Logger log = LoggerFactory.getLogger(AliyunSms.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Refusals about this message (number, template, content): trying again or elsewhere cannot help. */
    static final Set<String> PERMANENT = Set.of(
            "isv.MOBILE_NUMBER_ILLEGAL",
            "isv.MOBILE_COUNT_OVER_LIMIT",
            "isv.TEMPLATE_MISSING_PARAMETERS",
            "isv.TEMPLATE_PARAMS_ILLEGAL",
            "isv.SMS_TEMPLATE_ILLEGAL",
            "isv.SMS_SIGNATURE_ILLEGAL",
            "isv.SMS_SIGN_ILLEGAL",
            "isv.PARAM_LENGTH_LIMIT",
            "isv.PARAM_NOT_SUPPORT_URL",
            "isv.BLACK_KEY_CONTROL_LIMIT",
            "isv.INVALID_PARAMETERS",
            "isv.INVALID_JSON_PARAM",
            "isv.SMS_CONTENT_ILLEGAL");
    /** The per-number frequency limits (minute/hour/day): wait, do not blame the provider. */
    static final Set<String> PHONE_LIMITS = Set.of("isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL");

    private final SmsProperties.Aliyun config;
    private final TemplateBook templates;
    private final AcsSigner signer;
    private final ProviderHttp http;
    private final Clock clock;

    public AliyunSms(SmsProperties properties, Clock clock) {
        this.config = properties.aliyun();
        if (config.accessKeyId().isBlank()
                || config.accessKeySecret().isBlank()
                || config.signName().isBlank()) {
            throw new IllegalStateException("Aliyun SMS needs WUSHE_SMS_ALIYUN_ACCESS_KEY_ID,"
                    + " WUSHE_SMS_ALIYUN_ACCESS_KEY_SECRET and WUSHE_SMS_ALIYUN_SIGN_NAME");
        }
        this.templates = TemplateBook.of(NAME, config.templates());
        this.signer = new AcsSigner(config.accessKeyId(), config.accessKeySecret());
        this.http = new ProviderHttp(NAME, properties.connectTimeout(), properties.readTimeout());
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Accepted send(OutgoingMessage message) {
        Template template = templates.of(message.kind());
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < template.names().size(); i++) {
            variables.put(template.names().get(i), message.variables().get(i));
        }
        SortedMap<String, String> query = new TreeMap<>();
        query.put("PhoneNumbers", message.recipient().value());
        query.put("SignName", config.signName());
        query.put("TemplateCode", template.code());
        query.put("TemplateParam", JSON.writeValueAsString(variables));
        query.put("OutId", Long.toString(message.id()));
        JsonNode answer = call("SendSms", query);
        return new Accepted(NAME, answer.path("BizId").asString());
    }

    @Override
    public List<Receipt> receipts(List<Awaiting> awaiting) {
        List<Receipt> receipts = new ArrayList<>();
        for (Awaiting a : awaiting) {
            SortedMap<String, String> query = new TreeMap<>();
            query.put("PhoneNumber", a.phone().value());
            query.put("BizId", a.messageId());
            query.put("SendDate", DAY.format(a.sentAt().atZone(ChinaTime.ZONE)));
            query.put("PageSize", "10");
            query.put("CurrentPage", "1");
            JsonNode answer;
            try {
                answer = call("QuerySendDetails", query);
            } catch (SendFailure e) {
                log.warn("Aliyun receipt of SMS #{} not read: {}", a.outboxId(), e.code());
                continue;
            }
            for (JsonNode d : answer.path("SmsSendDetailDTOs").path("SmsSendDetailDTO")) {
                int status = d.path("SendStatus").asInt(); // 1 waiting, 2 failed, 3 delivered
                if (status == 2 || status == 3) {
                    receipts.add(new Receipt(
                            a.messageId(),
                            a.outboxId(),
                            status == 3,
                            d.path("ErrCode").asString(),
                            received(d)));
                }
            }
        }
        return receipts;
    }

    private Instant received(JsonNode detail) {
        String at = detail.path("ReceiveDate").asString("");
        return at.isEmpty()
                ? clock.instant()
                : LocalDateTime.parse(at, RECEIVED).atZone(ChinaTime.ZONE).toInstant();
    }

    /** One signed call; a Code other than OK becomes a {@link SendFailure} of the kind its code says. */
    private JsonNode call(String action, SortedMap<String, String> query) {
        AcsSigner.Signed request = signer.sign(config.endpoint(), action, VERSION, query, clock.instant());
        ProviderHttp.Answer answer = http.post(request.uri(), request.headers(), "");
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (RuntimeException e) {
            throw http.statusFailure(answer.status());
        }
        String code = body.path("Code").asString("");
        if ("OK".equals(code)) {
            return body;
        }
        if (code.isEmpty()) {
            throw http.statusFailure(answer.status());
        }
        SendFailure.Kind kind = PERMANENT.contains(code)
                ? SendFailure.Kind.PERMANENT
                : PHONE_LIMITS.contains(code) ? SendFailure.Kind.LIMITED : SendFailure.Kind.TRANSIENT;
        log.warn("Aliyun {} refused: {} ({})", action, code, kind);
        throw new SendFailure(NAME, code, kind, body.path("Message").asString(null));
    }
}
