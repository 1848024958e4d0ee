package org.wushe.directory.socialworkers;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.access.RoleGroup;
import org.wushe.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class SocialWorkerNavigation {

    @Bean
    NavigationItem socialWorkersNavigationItem() {
        return new NavigationItem(
                "nav.socialWorkers", "/social-workers", 310, RoleGroup.DIRECTORY_READERS.authorities());
    }
}
