package org.wushe.requests;

import java.time.Instant;

/** One line of a request's timeline; {@code note} is only ever filled for staff. */
public record TimelineLine(Instant at, String kind, String actor, boolean isPublic, String detail, String note) {
}
