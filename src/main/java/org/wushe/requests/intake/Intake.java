package org.wushe.requests.intake;

import java.util.Map;

/**
 * A request as typed by a resident, a member of staff or a forwarding system, not yet validated. {@code code} is
 * the SMS code (public intake only); {@code answers} the yes/no triage questions of the category;
 * {@code submissionKey} a client-generated UUID that makes a resubmission return the same request.
 */
public record Intake(
        String category,
        String description,
        String forWhom,
        String communityCode,
        String address,
        String phone,
        String code,
        String urgency,
        Map<String, Boolean> answers,
        String submissionKey) {

    public Intake {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }
}
