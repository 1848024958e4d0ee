package org.wushe.residents.assessments;

import java.util.List;

/**
 * PHQ-9 and GAD-7 scoring with their published cut-offs (Kroenke 2001; Spitzer 2006): each item 0–3, the score
 * their sum. PHQ-9: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe; item 9 asks
 * about thoughts of self-harm and any answer above 0 needs attention at once. GAD-7: 0–4 minimal, 5–9 mild,
 * 10–14 moderate, 15–21 severe.
 */
final class Screening {

    public static final int PHQ9_ITEMS = 9;
    public static final int GAD7_ITEMS = 7;

    private Screening() {}

    public static int score(List<Integer> answers) {
        return answers.stream().mapToInt(Integer::intValue).sum();
    }

    public static String phq9Band(int score) {
        return score >= 20
                ? "SEVERE"
                : score >= 15 ? "MODERATELY_SEVERE" : score >= 10 ? "MODERATE" : score >= 5 ? "MILD" : "MINIMAL";
    }

    public static String gad7Band(int score) {
        return score >= 15 ? "SEVERE" : score >= 10 ? "MODERATE" : score >= 5 ? "MILD" : "MINIMAL";
    }

    /** PHQ-9 item 9, thoughts of being better off dead or of hurting oneself, answered above 0. */
    public static boolean selfHarm(List<Integer> phq9) {
        return phq9.get(8) > 0;
    }
}
