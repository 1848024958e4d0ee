package org.wushe.platform;

import java.util.Set;

/**
 * An entry of the shell's left navigation. A module declares one as a bean for each page it offers, so
 * the navigation shows exactly what exists.
 *
 * @param labelKey message key of the label
 * @param path     where it leads, e.g. {@code /regions}
 * @param order    position, lower first
 * @param authorities who sees it (e.g. {@code ROLE_AUDITOR}); empty for every signed-in user
 */
public record NavigationItem(String labelKey, String path, int order, Set<String> authorities) {

    public NavigationItem {
        authorities = Set.copyOf(authorities);
    }

    public NavigationItem(String labelKey, String path, int order) {
        this(labelKey, path, order, Set.of());
    }
}
