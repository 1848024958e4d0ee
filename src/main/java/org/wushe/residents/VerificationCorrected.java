package org.wushe.residents;

/**
 * A worker found that a person on the register differs from what the register holds (outcome DIFFERS on a task
 * matched to a register record). Carries ids only: a listener reads the corrected values from the task. Nothing
 * applies it to the register yet — that is the register's decision, left for later.
 */
public record VerificationCorrected(long taskId, long campaignId, long residentId, String communityCode) {}
