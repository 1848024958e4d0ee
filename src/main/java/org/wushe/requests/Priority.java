package org.wushe.requests;

/** P1 (life or health at stake today) … P4; always shown with its text, never by colour alone. */
public enum Priority {
    P1,
    P2,
    P3,
    P4;

    /** The Bootstrap badge class of the staff pages (UI.md colours; the text "P1" … is always shown too). */
    public String badge() {
        return switch (this) {
            case P1 -> "text-bg-danger";
            case P2 -> "text-bg-warning";
            case P3 -> "text-bg-primary";
            case P4 -> "text-bg-secondary";
        };
    }

    public Priority higherOf(Priority other) {
        return other == null || compareTo(other) <= 0 ? this : other;
    }
}
