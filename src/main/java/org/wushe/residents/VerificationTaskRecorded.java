package org.wushe.residents;

import java.time.Instant;

/** A worker recorded what they found for one verification task (its outcome's name, e.g. {@code CONFIRMED}). */
public record VerificationTaskRecorded(
        long taskId, long campaignId, String communityCode, String outcome, Instant at, String by) {}
