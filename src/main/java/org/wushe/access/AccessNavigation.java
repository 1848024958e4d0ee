package org.wushe.access;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class AccessNavigation {

    @Bean
    NavigationItem accountsNavigationItem() {
        return new NavigationItem(
                "nav.accounts",
                "/accounts",
                850,
                Set.of(
                        "ROLE_CIVIL_AFFAIRS_ADMIN",
                        "ROLE_ASSOCIATION_ADMIN",
                        "ROLE_AGENCY_ADMIN",
                        "ROLE_CHARITY_ADMIN"));
    }

    @Bean
    NavigationItem apiClientsNavigationItem() {
        return new NavigationItem("access.apiClient.nav", "/api-clients", 860, Set.of("ROLE_CIVIL_AFFAIRS_ADMIN"));
    }
}
