package org.wushe.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.wushe.platform.NavigationItem;

/** The navigation a page's frame offers: only to a signed-in user, and only what their roles open. No Spring. */
class ShellModelTests {

    private final ShellModel shell = new ShellModel(List.of(
            new NavigationItem("nav.regions", "/regions", 900),
            new NavigationItem("nav.audit", "/audit", 800, Set.of("ROLE_AUDITOR"))));

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAnonymousVisitorIsOfferedNothing() {
        // Spring Security's anonymous token reports itself as authenticated
        SecurityContextHolder.getContext()
                .setAuthentication(new AnonymousAuthenticationToken(
                        "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        assertThat(shell.navigation()).isEmpty();
    }

    @Test
    void aSignedInUserIsOfferedWhatTheirRolesOpen() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "station", null, AuthorityUtils.createAuthorityList("ROLE_STATION_STAFF")));
        assertThat(shell.navigation()).extracting(NavigationItem::path).containsExactly("/regions");
    }
}
