package org.wushe.requests.casework;

import java.time.Instant;

/** A follow-up call (回访) after closure. */
record FollowUpView(long id, Instant at, String by, boolean reached, Integer satisfaction, String note) {}
