package org.wushe.residents.assessments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.wushe.residents.RiskLevel;

/**
 * The written-down risk rule of an assessment (also in the README). The first level whose condition holds wins:
 * <ul>
 * <li><b>HIGH</b> if PHQ-9 ≥ 20, or GAD-7 ≥ 15, or PHQ-9 item 9 (self-harm) &gt; 0, or food for ≤ 1 day, or
 * medicine for ≤ 1 day, or bedridden, or severe cognitive impairment, or psychotic symptoms;</li>
 * <li><b>MEDIUM</b> if PHQ-9 ≥ 10, or GAD-7 ≥ 10, or food for ≤ 3 days, or medicine for ≤ 3 days, or mobility
 * needs assistance, or mild cognitive impairment;</li>
 * <li><b>LOW</b> otherwise.</li>
 * </ul>
 * Reassessment is due after 7 days (HIGH), 30 days (MEDIUM) or 90 days (LOW).
 */
final class RiskRule {

    private RiskRule() {}

    /** What the rule looks at. {@code medicineDays} null when the resident takes no medicine. */
    public record Inputs(
            int foodDays,
            Integer medicineDays,
            String mobility,
            int phq9,
            int gad7,
            boolean selfHarm,
            String cognition,
            boolean psychotic) {}

    /** The level and the message keys of the conditions that set it. */
    public record Result(RiskLevel level, List<String> reasons) {}

    public static Result evaluate(Inputs in) {
        List<String> high = new ArrayList<>();
        when(high, in.phq9() >= 20, "phq9Severe");
        when(high, in.gad7() >= 15, "gad7Severe");
        when(high, in.selfHarm(), "selfHarm");
        when(high, in.foodDays() <= 1, "food1");
        when(high, in.medicineDays() != null && in.medicineDays() <= 1, "medicine1");
        when(high, "BEDRIDDEN".equals(in.mobility()), "bedridden");
        when(high, "SEVERE_IMPAIRMENT".equals(in.cognition()), "cognitionSevere");
        when(high, in.psychotic(), "psychotic");
        if (!high.isEmpty()) {
            return new Result(RiskLevel.HIGH, high);
        }
        List<String> medium = new ArrayList<>();
        when(medium, in.phq9() >= 10, "phq9Moderate");
        when(medium, in.gad7() >= 10, "gad7Moderate");
        when(medium, in.foodDays() <= 3, "food3");
        when(medium, in.medicineDays() != null && in.medicineDays() <= 3, "medicine3");
        when(medium, "ASSISTED".equals(in.mobility()), "assisted");
        when(medium, "MILD_IMPAIRMENT".equals(in.cognition()), "cognitionMild");
        return medium.isEmpty() ? new Result(RiskLevel.LOW, List.of()) : new Result(RiskLevel.MEDIUM, medium);
    }

    public static LocalDate reassessDue(RiskLevel level, LocalDate assessedOn) {
        return assessedOn.plusDays(
                switch (level) {
                    case HIGH -> 7;
                    case MEDIUM -> 30;
                    case LOW -> 90;
                });
    }

    private static void when(List<String> reasons, boolean condition, String key) {
        if (condition) {
            reasons.add("residents.risk.reason." + key);
        }
    }
}
