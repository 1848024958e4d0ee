package org.wushe.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotifyConfiguration {

    /** With {@code WUSHE_SMS_PROVIDER=log} (the default); a real provider's sender is built in {@code sms}. */
    @Bean
    @ConditionalOnMissingBean(MessageSender.class)
    @ConditionalOnProperty(name = "wushe.sms.provider", havingValue = "log", matchIfMissing = true)
    MessageSender loggingMessageSender() {
        return new LoggingMessageSender();
    }
}
