package org.wushe.residents.assessments;

import java.util.List;

/**
 * A four-dimension assessment as entered. Basic living needs: days of food and of medicine left (medicine blank
 * when none is taken). Physical condition: mobility (INDEPENDENT / ASSISTED / BEDRIDDEN) and chronic conditions.
 * Psychological state: the nine PHQ-9 and seven GAD-7 item answers, each 0–3. Mental state: cognition (NORMAL /
 * MILD_IMPAIRMENT / SEVERE_IMPAIRMENT) and whether psychotic symptoms were observed. Notes are free text.
 */
public record AssessmentDraft(
        Integer foodDays,
        Integer medicineDays,
        String mobility,
        String chronicConditions,
        List<Integer> phq9,
        List<Integer> gad7,
        String cognition,
        Boolean psychoticSymptoms,
        String notes) {}
