package org.wushe.notify.sms;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.notify.MessageSender;
import org.wushe.notify.sms.aliyun.AliyunSms;
import org.wushe.notify.sms.tencent.TencentSms;

/**
 * Builds the providers named by {@code WUSHE_SMS_PROVIDER} and {@code WUSHE_SMS_FAILOVER}. Each adapter checks its
 * credentials and templates when it is built, so a misconfigured provider stops the start-up, not a send.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SmsProperties.class)
class SmsConfiguration {

    @Bean
    SmsProviders smsProviders(SmsProperties properties, Clock clock) {
        List<SmsProvider> providers = new ArrayList<>();
        if (!SmsProperties.LOG.equals(properties.provider())) {
            providers.add(provider(properties.provider(), properties, clock));
            String failover = properties.failover().strip();
            if (!failover.isEmpty() && !failover.equals(properties.provider())) {
                providers.add(provider(failover, properties, clock));
            }
        }
        return new SmsProviders(providers);
    }

    @Bean
    @ConditionalOnExpression("!'${wushe.sms.provider:log}'.equals('log')")
    MessageSender smsMessageSender(SmsProviders providers, SmsProperties properties, Clock clock) {
        return new FailoverSender(providers.all(), properties.pauseAfterFailures(), properties.pauseFor(), clock);
    }

    static SmsProvider provider(String name, SmsProperties properties, Clock clock) {
        return switch (name) {
            case AliyunSms.NAME -> new AliyunSms(properties, clock);
            case TencentSms.NAME -> new TencentSms(properties, clock);
            default ->
                throw new IllegalStateException("WUSHE_SMS_PROVIDER / WUSHE_SMS_FAILOVER: unknown SMS provider '" + name
                        + "' (log, aliyun or tencent)");
        };
    }
}
