package org.wushe.platform.web;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.wushe.platform.NavigationItem;

/** What every page's frame needs: the navigation the modules declared and where the user is. */
@ControllerAdvice
class ShellModel {

    private final List<NavigationItem> navigation;

    ShellModel(List<NavigationItem> navigation) {
        this.navigation = navigation.stream().sorted(Comparator.comparingInt(NavigationItem::order)).toList();
    }

    @ModelAttribute("navigation")
    List<NavigationItem> navigation() {
        return navigation;
    }

    /** Times are stored as instants and always shown in Shanghai time (UI.md). */
    @ModelAttribute("zone")
    ZoneId zone() {
        return ZoneId.of("Asia/Shanghai");
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }
}
