package org.wushe.statistics.dashboard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.access.RoleGroup;
import org.wushe.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class StatisticsNavigation {

    @Bean
    NavigationItem statisticsNavigationItem() {
        return new NavigationItem("nav.statistics", "/statistics", 100, RoleGroup.STATISTICS_READERS.authorities());
    }
}
