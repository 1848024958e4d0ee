package org.wushe.residents.verification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wushe.residents.VulnerabilityCategory;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.PhoneNumber;

/**
 * What a worker found for one task, validated: the outcome, the corrected values (DIFFERS only, at least one) and
 * a note.
 */
record Finding(
        VerificationOutcome outcome, PhoneNumber phone, String address, VulnerabilityCategory category, String note) {

    static final int MAX_ADDRESS = 200;
    static final int MAX_NOTE = 500;

    /** An outcome without corrections or note. */
    static Finding of(VerificationOutcome outcome) {
        return new Finding(outcome, null, null, null, null);
    }

    boolean differs() {
        return outcome == VerificationOutcome.DIFFERS;
    }

    /**
     * Checks every field of the draft: DIFFERS needs at least one corrected value (phone, address or category) and
     * every corrected value must be valid; other outcomes take none.
     *
     * @throws FieldsRejectedException with every bad field
     */
    static Finding of(OutcomeDraft draft) {
        Map<String, InvalidValueException> problems = new LinkedHashMap<>();
        VerificationOutcome outcome = null;
        try {
            outcome = VerificationOutcome.valueOf(
                    draft.outcome() == null ? "" : draft.outcome().strip());
        } catch (IllegalArgumentException e) {
            problems.put("outcome", new InvalidValueException("residents.campaign.outcome.required"));
        }
        String phone = blankToNull(draft.phone());
        String address = blankToNull(draft.address());
        String categoryText = blankToNull(draft.category());
        PhoneNumber correctedPhone = null;
        VulnerabilityCategory category = null;
        boolean differs = outcome == VerificationOutcome.DIFFERS;
        if (phone != null) {
            try {
                correctedPhone = PhoneNumber.parse(phone);
            } catch (InvalidValueException e) {
                problems.put("phone", e);
            }
        }
        if (address != null && address.length() > MAX_ADDRESS) {
            problems.put("address", new InvalidValueException("residents.campaign.import.tooLong", MAX_ADDRESS));
        }
        if (categoryText != null) {
            try {
                category = VulnerabilityCategory.valueOf(categoryText);
            } catch (IllegalArgumentException e) {
                problems.put("category", new InvalidValueException("residents.campaign.import.category", categoryText));
            }
        }
        if (outcome != null && !differs) {
            for (var field : List.of(
                    Map.entry("phone", phone == null ? "" : phone),
                    Map.entry("address", address == null ? "" : address),
                    Map.entry("category", categoryText == null ? "" : categoryText))) {
                if (!field.getValue().isEmpty()) {
                    problems.put(field.getKey(), new InvalidValueException("residents.campaign.outcome.noCorrection"));
                }
            }
        }
        if (differs && phone == null && address == null && categoryText == null) {
            problems.put("phone", new InvalidValueException("residents.campaign.outcome.correctionRequired"));
        }
        String note = blankToNull(draft.note());
        if (note != null && note.length() > MAX_NOTE) {
            problems.put("note", new InvalidValueException("residents.campaign.import.tooLong", MAX_NOTE));
        }
        if (!problems.isEmpty()) {
            throw new FieldsRejectedException(problems);
        }
        return new Finding(outcome, correctedPhone, address, category, note);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
