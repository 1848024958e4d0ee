package org.wushe.requests;

import java.time.Instant;

/** A follow-up call (回访) after closure. */
public record FollowUpView(long id, Instant at, String by, boolean reached, Integer satisfaction, String note) {
}
