package org.wushe.notify.sms.tencent;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wushe.notify.sms.ProviderHttp;
import org.wushe.notify.sms.SmsProperties;
import org.wushe.notify.sms.SmsProvider;
import org.wushe.notify.sms.TemplateBook;
import org.wushe.notify.sms.TemplateBook.Template;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tencent Cloud SMS over its plain HTTPS API (2021-01-11): SendSms (one number in E.164, the variables as the
 * ordered TemplateParamSet, our outbox id as SessionContext) and PullSmsSendStatus, which hands out the queue of
 * delivery reports (each once). Per-number results come in SendStatusSet, so a refusal of the number is told
 * apart from a refusal of the request. Logs codes only.
 */
public final class TencentSms implements SmsProvider {

    public static final String NAME = "tencent";
    static final String VERSION = "2021-01-11";
    private static final Logger log = LoggerFactory.getLogger(TencentSms.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static final Set<String> PERMANENT = Set.of(
            "InvalidParameterValue.IncorrectPhoneNumber",
            "InvalidParameterValue.TemplateParameterFormatError",
            "InvalidParameterValue.TemplateParameterLengthLimit",
            "InvalidParameterValue.ProhibitedUseUrlInTemplateParameter",
            "InvalidParameterValue.ContentLengthLimit",
            "FailedOperation.TemplateIncorrectOrUnapproved",
            "FailedOperation.SignatureIncorrectOrUnapproved",
            "FailedOperation.PhoneNumberInBlacklist",
            "FailedOperation.ContainSensitiveWord",
            "FailedOperation.MarketingSendTimeConstraint",
            "UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber");
    static final Set<String> PHONE_LIMITS = Set.of(
            "LimitExceeded.PhoneNumberDailyLimit",
            "LimitExceeded.PhoneNumberOneHourLimit",
            "LimitExceeded.PhoneNumberThirtySecondLimit",
            "LimitExceeded.PhoneNumberSameContentDailyLimit");

    private final SmsProperties.Tencent config;
    private final TemplateBook templates;
    private final Tc3Signer signer;
    private final ProviderHttp http;
    private final Clock clock;
    private final URI endpoint;

    public TencentSms(SmsProperties properties, Clock clock) {
        this.config = properties.tencent();
        if (config.secretId().isBlank()
                || config.secretKey().isBlank()
                || config.sdkAppId().isBlank()
                || config.signName().isBlank()) {
            throw new IllegalStateException("Tencent Cloud SMS needs WUSHE_SMS_TENCENT_SECRET_ID,"
                    + " WUSHE_SMS_TENCENT_SECRET_KEY, WUSHE_SMS_TENCENT_SDK_APP_ID and WUSHE_SMS_TENCENT_SIGN_NAME");
        }
        this.templates = TemplateBook.of(NAME, config.templates());
        this.signer = new Tc3Signer(config.secretId(), config.secretKey());
        this.http = new ProviderHttp(NAME, properties.connectTimeout(), properties.readTimeout());
        this.clock = clock;
        this.endpoint = URI.create(config.endpoint() + "/");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Accepted send(OutgoingMessage message) {
        Template template = templates.of(message.kind());
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("PhoneNumberSet", List.of("+86" + message.recipient().value()));
        request.put("SmsSdkAppId", config.sdkAppId());
        request.put("SignName", config.signName());
        request.put("TemplateId", template.code());
        request.put("TemplateParamSet", message.variables());
        request.put("SessionContext", Long.toString(message.id()));
        JsonNode status = call("SendSms", request).path("SendStatusSet").path(0);
        String code = status.path("Code").asString("");
        if (!"Ok".equals(code)) {
            throw failure(
                    "SendSms",
                    code.isEmpty() ? "NO_STATUS" : code,
                    status.path("Message").asString(null));
        }
        return new Accepted(NAME, status.path("SerialNo").asString());
    }

    @Override
    public List<Receipt> receipts(List<Awaiting> awaiting) {
        List<Receipt> receipts = new ArrayList<>();
        JsonNode answer;
        try {
            answer = call("PullSmsSendStatus", Map.of("SmsSdkAppId", config.sdkAppId(), "Limit", 100));
        } catch (SendFailure e) {
            log.warn("Tencent receipts not read: {}", e.code());
            return receipts;
        }
        for (JsonNode r : answer.path("PullSmsSendStatusSet")) {
            String context = r.path("SessionContext").asString("");
            long at = r.path("UserReceiveTime").asLong(0);
            receipts.add(new Receipt(
                    r.path("SerialNo").asString(),
                    context.matches("\\d{1,18}") ? Long.valueOf(context) : null,
                    "SUCCESS".equals(r.path("ReportStatus").asString("")),
                    r.path("Description").asString(null),
                    at == 0 ? clock.instant() : Instant.ofEpochSecond(at)));
        }
        return receipts;
    }

    private JsonNode call(String action, Map<String, Object> request) {
        String body = JSON.writeValueAsString(request);
        ProviderHttp.Answer answer = http.post(
                endpoint,
                signer.headers(endpoint.getRawAuthority(), action, VERSION, config.region(), body, clock.instant()),
                body);
        JsonNode response;
        try {
            response = JSON.readTree(answer.body()).path("Response");
        } catch (RuntimeException e) {
            throw http.statusFailure(answer.status());
        }
        JsonNode error = response.path("Error");
        if (!error.isMissingNode()) {
            throw failure(
                    action,
                    error.path("Code").asString("UNKNOWN"),
                    error.path("Message").asString(null));
        }
        if (answer.status() >= 300) {
            throw http.statusFailure(answer.status());
        }
        return response;
    }

    private SendFailure failure(String action, String code, String message) {
        SendFailure.Kind kind = PERMANENT.contains(code)
                ? SendFailure.Kind.PERMANENT
                : PHONE_LIMITS.contains(code) ? SendFailure.Kind.LIMITED : SendFailure.Kind.TRANSIENT;
        log.warn("Tencent {} refused: {} ({})", action, code, kind);
        return new SendFailure(NAME, code, kind, message);
    }
}
