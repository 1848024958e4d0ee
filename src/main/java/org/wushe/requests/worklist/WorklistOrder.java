package org.wushe.requests.worklist;

/**
 * The orders of the worklist. {@link #URGENCY}, the default: overdue first, then by the deadline that matters now
 * (first contact until it is made, then resolution), then priority; resolved, closed and cancelled requests after
 * the open ones, newest first. {@link #NEWEST} and {@link #OLDEST} by submission (the id). Labels are
 * {@code requests.order.*}.
 */
public enum WorklistOrder {
    URGENCY,
    NEWEST,
    OLDEST;

    /** The order a URL names (any case); blank or unknown text is the default, never an error. */
    static WorklistOrder parse(String text) {
        if (text != null) {
            for (WorklistOrder o : values()) {
                if (o.name().equalsIgnoreCase(text.strip())) {
                    return o;
                }
            }
        }
        return URGENCY;
    }
}
