package org.wushe.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.wushe.platform.ChinaTime;
import org.wushe.platform.NavigationItem;

/** What every page's frame needs: the navigation the modules declared and where the user is. */
@ControllerAdvice
class ShellModel {

    private final List<NavigationItem> navigation;

    ShellModel(List<NavigationItem> navigation) {
        this.navigation = navigation.stream()
                .sorted(Comparator.comparingInt(NavigationItem::order))
                .toList();
    }

    /** Only what the signed-in user may open (checked again on the pages themselves). */
    @ModelAttribute("navigation")
    List<NavigationItem> navigation() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        // an anonymous visitor holds an "authenticated" anonymous token: no navigation for them either
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return List.of();
        }
        Set<String> held = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        return navigation.stream()
                .filter(item -> item.authorities().isEmpty()
                        || item.authorities().stream().anyMatch(held::contains))
                .toList();
    }

    /** Times are stored as instants and always shown in Shanghai time (UI.md). */
    @ModelAttribute("zone")
    ZoneId zone() {
        return ChinaTime.ZONE;
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
