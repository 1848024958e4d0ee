package org.wushe.requests;

/** A request came in (any channel) and was triaged. */
public record HelpRequestSubmitted(HelpRequestId id, String regionCode, Category category, Priority priority,
        Channel channel) {
}
