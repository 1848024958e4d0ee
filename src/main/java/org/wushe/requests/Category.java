package org.wushe.requests;

import java.util.List;

/**
 * What a resident asks for; labels are {@code requests.category.*}. Each category has the yes/no triage questions
 * the intake asks (labels {@code requests.question.*}); the triage rules refer to them by name.
 */
public enum Category {
    PRENATAL_CHECK(List.of("labourSigns", "bleeding")),
    DIALYSIS(List.of("dialysisDueWithin24h")),
    EMERGENCY_MEDICAL(List.of("chestPain", "breathingDifficulty", "unconscious")),
    CHRONIC_MEDICINE(List.of("medicineRunsOutIn3Days")),
    FOOD_SUPPLIES(List.of("noFoodLeft")),
    PSYCHOLOGICAL(List.of("selfHarmThoughts")),
    CHILD_PARENT(List.of("childWithoutCarer")),
    ELDERLY_CARE(List.of("aloneWithoutCare")),
    TRANSPORT_ESCORT(List.of()),
    OTHER(List.of());

    /** Asked of every category: derived from the urgency the resident feels, not a separate question. */
    public static final String FELT_VERY_URGENT = "feltVeryUrgent";

    private final List<String> questions;

    Category(List<String> questions) {
        this.questions = questions;
    }

    public List<String> questions() {
        return questions;
    }
}
