package org.wushe.requests.internal;

import java.time.Instant;
import java.util.UUID;

import org.wushe.requests.Category;
import org.wushe.requests.Channel;
import org.wushe.requests.ForWhom;
import org.wushe.requests.Urgency;
import org.wushe.shared.PhoneNumber;

/** A validated, triaged request about to be written (clear text here; the store encrypts). */
public record NewHelpRequest(UUID submissionKey, Channel channel, Category category, ForWhom forWhom,
        String regionCode, String address, PhoneNumber phone, byte[] phoneIndex, String description,
        String answersText, Urgency urgency, TriageRules.Outcome triage, Instant submittedAt, String createdBy) {
}
