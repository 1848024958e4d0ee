package org.wushe.platform;

import java.util.Optional;

/**
 * A part of the home page that a module supplies for the signed-in user (the workbench of {@code statistics}).
 * The shell owns the page and depends on no module; a module declares a bean of this type, and the home page
 * inserts the fragment {@code panel(model)} of the template it names.
 */
public interface HomePanel {

    /** What this panel shows the caller, or empty when it has nothing for their roles (the shell then omits it). */
    Optional<Shown> forCaller();

    /**
     * @param template the Thymeleaf template holding a fragment {@code panel(model)}, e.g.
     *     {@code statistics/workbench/panel}
     * @param model what the fragment renders
     */
    record Shown(String template, Object model) {}
}
