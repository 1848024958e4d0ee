package org.wushe.platform;

/**
 * An entry of the shell's left navigation. A module declares one as a bean for each page it offers, so
 * the navigation shows exactly what exists.
 *
 * @param labelKey message key of the label
 * @param path     where it leads, e.g. {@code /regions}
 * @param order    position, lower first
 */
public record NavigationItem(String labelKey, String path, int order) {
}
