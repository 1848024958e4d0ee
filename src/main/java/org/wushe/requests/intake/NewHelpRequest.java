package org.wushe.requests.intake;

import java.time.Instant;
import java.util.UUID;
import org.wushe.requests.Category;
import org.wushe.requests.Channel;
import org.wushe.requests.ForWhom;
import org.wushe.requests.Urgency;
import org.wushe.requests.triage.TriageRules;
import org.wushe.shared.PhoneNumber;
import org.wushe.shared.RegionCode;

/** A validated, triaged request about to be written (clear text here; the store encrypts). */
record NewHelpRequest(
        UUID submissionKey,
        Channel channel,
        Category category,
        ForWhom forWhom,
        RegionCode regionCode,
        String address,
        PhoneNumber phone,
        byte[] phoneIndex,
        String description,
        String answersText,
        Urgency urgency,
        TriageRules.Outcome triage,
        Instant submittedAt,
        String createdBy) {}
