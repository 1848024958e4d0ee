package org.wushe.audit;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class AuditNavigation {

    @Bean
    NavigationItem auditNavigationItem() {
        return new NavigationItem("nav.audit", "/audit", 800, Set.of("ROLE_AUDITOR"));
    }
}
