package org.wushe.requests;

import org.wushe.shared.RegionCode;

/** A request came in (any channel) and was triaged. */
public record HelpRequestSubmitted(
        HelpRequestId id, RegionCode regionCode, Category category, Priority priority, Channel channel) {}
