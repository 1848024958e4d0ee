package org.wushe.residents;

import java.time.Instant;

/** A visit to a resident on the register was recorded (by the account named {@code visitedBy}). */
public record VisitRecorded(long visitId, String communityCode, String kind, Instant visitedAt, String visitedBy) {}
