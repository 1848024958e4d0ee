package org.wushe.directory.volunteers;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.access.RoleGroup;
import org.wushe.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class VolunteerNavigation {

    @Bean
    NavigationItem volunteersNavigationItem() {
        return new NavigationItem("nav.volunteers", "/volunteers", 320, RoleGroup.VOLUNTEER_REVIEWERS.authorities());
    }

    @Bean
    NavigationItem ownVolunteerPageNavigationItem() {
        return new NavigationItem("nav.volunteerMe", "/volunteer/me", 330, Set.of("ROLE_VOLUNTEER"));
    }
}
