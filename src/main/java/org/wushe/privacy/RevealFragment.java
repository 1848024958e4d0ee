package org.wushe.privacy;

import org.springframework.ui.Model;

/**
 * For a module's reveal endpoint: answers the htmx post of {@code privacy/reveal :: field} with the clear
 * value, which replaces the masked one (see package documentation).
 */
public final class RevealFragment {

    public static final String VIEW = "privacy/reveal :: revealed(value=${revealedValue})";
    static final String ATTRIBUTE = "revealedValue";

    private RevealFragment() {}

    /** Puts {@code value} in the model and returns the view to render it. */
    public static String revealed(Model model, String value) {
        model.addAttribute(ATTRIBUTE, value);
        return VIEW;
    }
}
