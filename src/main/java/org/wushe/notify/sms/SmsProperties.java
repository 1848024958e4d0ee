package org.wushe.notify.sms;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code wushe.sms.*}: which provider sends ({@code WUSHE_SMS_PROVIDER}: log, aliyun or tencent), the other one to
 * fail over to, and how hard to push them. Credentials come from environment variables only (application.yml,
 * docs/operations.md); nothing of this is stored in the database.
 *
 * @param concurrency        messages in flight at once on one node
 * @param ratePerSecond      requests per second one node makes (the providers' own caps are far higher)
 * @param maxAttempts        attempts before a transiently failing message is marked FAILED
 * @param perPhonePerHour    per-phone caps as both providers enforce them by default
 * @param claimTimeout       a row SENDING longer than this belongs to a node that died mid-send: closed, not re-sent
 * @param pauseAfterFailures consecutive provider-level failures after which a provider is paused for
 *                           {@code pauseFor}
 * @param receiptWindow      how long after sending a delivery report is still asked for
 */
@ConfigurationProperties("wushe.sms")
public record SmsProperties(
        @DefaultValue("log") String provider,
        @DefaultValue("") String failover,
        @DefaultValue("32") int concurrency,
        @DefaultValue("500") double ratePerSecond,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("2s") Duration backoffBase,
        @DefaultValue("5m") Duration backoffMax,
        @DefaultValue("5") int perPhonePerHour,
        @DefaultValue("10") int perPhonePerDay,
        @DefaultValue("5m") Duration claimTimeout,
        @DefaultValue("5") int pauseAfterFailures,
        @DefaultValue("2m") Duration pauseFor,
        @DefaultValue("3s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("2d") Duration receiptWindow,
        @DefaultValue Aliyun aliyun,
        @DefaultValue Tencent tencent) {

    public static final String LOG = "log";

    /**
     * Alibaba Cloud SMS (dysmsapi 2017-05-25). {@code templates}: kind key → template code, optionally
     * {@code SMS_123:name1,name2} naming the template's variables when they differ from the kind's.
     */
    public record Aliyun(
            @DefaultValue("https://dysmsapi.aliyuncs.com") String endpoint,
            @DefaultValue("") String accessKeyId,
            @DefaultValue("") String accessKeySecret,
            @DefaultValue("") String signName,
            Map<String, String> templates) {

        public Aliyun {
            templates = templates == null ? Map.of() : Map.copyOf(templates);
        }
    }

    /** Tencent Cloud SMS (API 3.0, 2021-01-11). {@code templates}: kind key → template id ({1}, {2}… in order). */
    public record Tencent(
            @DefaultValue("https://sms.tencentcloudapi.com") String endpoint,
            @DefaultValue("ap-guangzhou") String region,
            @DefaultValue("") String secretId,
            @DefaultValue("") String secretKey,
            @DefaultValue("") String sdkAppId,
            @DefaultValue("") String signName,
            Map<String, String> templates) {

        public Tencent {
            templates = templates == null ? Map.of() : Map.copyOf(templates);
        }
    }
}
