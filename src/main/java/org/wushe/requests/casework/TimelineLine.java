package org.wushe.requests.casework;

import java.time.Instant;
import org.wushe.requests.TimelineKind;

/** One line of a request's timeline; {@code note} is only ever filled for staff. */
record TimelineLine(Instant at, TimelineKind kind, String actor, boolean isPublic, String detail, String note) {}
