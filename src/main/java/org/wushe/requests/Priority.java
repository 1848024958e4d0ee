package org.wushe.requests;

/** P1 (life or health at stake today) … P4; always shown with its text, never by colour alone. */
public enum Priority {
    P1, P2, P3, P4;

    public Priority higherOf(Priority other) {
        return other == null || compareTo(other) <= 0 ? this : other;
    }
}
