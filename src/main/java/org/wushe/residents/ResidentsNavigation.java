package org.wushe.residents;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class ResidentsNavigation {

    static final Set<String> READER_AUTHORITIES = Set.of("ROLE_CIVIL_AFFAIRS_ADMIN", "ROLE_STATION_STAFF",
            "ROLE_COMMUNITY_STAFF", "ROLE_SOCIAL_WORKER", "ROLE_AUDITOR");

    @Bean
    NavigationItem residentsNavigationItem() {
        return new NavigationItem("residents.nav", "/residents", 400, READER_AUTHORITIES);
    }
}
