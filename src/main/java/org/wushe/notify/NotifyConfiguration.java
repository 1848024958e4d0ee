package org.wushe.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
class NotifyConfiguration {

    @Bean
    @ConditionalOnMissingBean(MessageSender.class)
    MessageSender loggingMessageSender() {
        return new LoggingMessageSender();
    }
}
