package org.wushe.residents.verification;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.access.RoleGroup;
import org.wushe.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class VerificationNavigation {

    @Bean
    NavigationItem verificationNavigationItem() {
        return new NavigationItem(
                "residents.campaign.nav", "/verification", 420, RoleGroup.CAMPAIGN_WORKERS.authorities());
    }
}
