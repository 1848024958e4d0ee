package org.wushe.notify.outbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.access.RoleGroup;
import org.wushe.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class OutboxNavigation {

    @Bean
    NavigationItem smsOutboxNavigationItem() {
        return new NavigationItem("notify.outbox.nav", "/notify/outbox", 870, RoleGroup.CIVIL_AFFAIRS.authorities());
    }
}
