package org.wushe.platform;

/**
 * An entry of the shell's left navigation. A module declares one as a bean for each page it offers, so
 * the navigation shows exactly what exists.
 *
 * @param labelKey message key of the label
 * @param path     where it leads, e.g. {@code /regions}
 * @param order    position, lower first
 * @param authorities who sees it (e.g. {@code ROLE_AUDITOR}); empty for every signed-in user
 */
public record NavigationItem(String labelKey, String path, int order, java.util.Set<String> authorities) {

    public NavigationItem {
        authorities = java.util.Set.copyOf(authorities);
    }

    public NavigationItem(String labelKey, String path, int order) {
        this(labelKey, path, order, java.util.Set.of());
    }
}
