package org.wushe.requests;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.access.RoleGroup;
import org.wushe.platform.NavigationItem;

@Configuration(proxyBeanMethods = false)
class HelpRequestNavigation {

    @Bean
    NavigationItem helpRequestsNavigationItem() {
        return new NavigationItem("requests.nav.list", "/requests", 400, RoleGroup.HELP_REQUEST_STAFF.authorities());
    }

    @Bean
    NavigationItem myHelpRequestsNavigationItem() {
        return new NavigationItem(
                "requests.nav.mine", "/requests/mine", 410, Set.of("ROLE_SOCIAL_WORKER", "ROLE_VOLUNTEER"));
    }

    @Bean
    NavigationItem referralsNavigationItem() {
        return new NavigationItem(
                "requests.nav.referrals",
                "/requests/referrals",
                420,
                Set.of("ROLE_AGENCY_ADMIN", "ROLE_SOCIAL_WORKER", "ROLE_CHARITY_ADMIN"));
    }

    @Bean
    NavigationItem triageRulesNavigationItem() {
        return new NavigationItem("requests.nav.rules", "/requests/rules", 430, Set.of("ROLE_CIVIL_AFFAIRS_ADMIN"));
    }
}
