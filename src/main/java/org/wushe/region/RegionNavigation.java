package org.wushe.region;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class RegionNavigation {

    @Bean
    NavigationItem regionsNavigationItem() {
        return new NavigationItem("nav.regions", "/regions", 900);
    }
}
