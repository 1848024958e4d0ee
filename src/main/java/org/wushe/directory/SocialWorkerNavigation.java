package org.wushe.directory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class SocialWorkerNavigation {

    @Bean
    NavigationItem socialWorkersNavigationItem() {
        return new NavigationItem("nav.socialWorkers", "/social-workers", 310, SocialWorkers.READER_AUTHORITIES);
    }
}
