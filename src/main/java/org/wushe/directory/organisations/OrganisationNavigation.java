package org.wushe.directory.organisations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.access.RoleGroup;
import org.wushe.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class DirectoryNavigation {

    @Bean
    NavigationItem organisationsNavigationItem() {
        return new NavigationItem(
                "nav.organisations", "/organisations", 300, RoleGroup.DIRECTORY_READERS.authorities());
    }
}
