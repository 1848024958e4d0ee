package org.wushe.residents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.access.RoleGroup;
import org.wushe.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class ResidentsNavigation {

    @Bean
    NavigationItem residentsNavigationItem() {
        return new NavigationItem("residents.nav", "/residents", 400, RoleGroup.RESIDENT_READERS.authorities());
    }
}
