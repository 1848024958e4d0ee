package org.wushe.residents.assessments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wushe.residents.RiskLevel;

/** The written-down risk rule and the PHQ-9 / GAD-7 cut-offs, without Spring. */
class RiskRuleTests {

    static RiskRule.Inputs calm() {
        return new RiskRule.Inputs(14, 30, "INDEPENDENT", 0, 0, false, "NORMAL", false);
    }

    static RiskRule.Inputs with(int phq9, int gad7) {
        return new RiskRule.Inputs(14, 30, "INDEPENDENT", phq9, gad7, false, "NORMAL", false);
    }

    @Test
    void phq9Of20GivesHighRisk() {
        RiskRule.Result r = RiskRule.evaluate(with(20, 0));
        assertThat(r.level()).isEqualTo(RiskLevel.HIGH);
        assertThat(r.reasons()).containsExactly("residents.risk.reason.phq9Severe");
        assertThat(RiskRule.evaluate(with(19, 0)).level()).isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void gad7CutOffs() {
        assertThat(RiskRule.evaluate(with(0, 15)).level()).isEqualTo(RiskLevel.HIGH);
        assertThat(RiskRule.evaluate(with(0, 14)).level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(RiskRule.evaluate(with(0, 10)).level()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(RiskRule.evaluate(with(9, 9)).level()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void livingNeedsPhysicalAndMentalStateCount() {
        assertThat(RiskRule.evaluate(new RiskRule.Inputs(1, null, "INDEPENDENT", 0, 0, false, "NORMAL", false))
                        .level())
                .isEqualTo(RiskLevel.HIGH);
        assertThat(RiskRule.evaluate(new RiskRule.Inputs(14, 1, "INDEPENDENT", 0, 0, false, "NORMAL", false))
                        .level())
                .isEqualTo(RiskLevel.HIGH);
        assertThat(RiskRule.evaluate(new RiskRule.Inputs(3, null, "INDEPENDENT", 0, 0, false, "NORMAL", false))
                        .level())
                .isEqualTo(RiskLevel.MEDIUM);
        assertThat(RiskRule.evaluate(new RiskRule.Inputs(14, null, "BEDRIDDEN", 0, 0, false, "NORMAL", false))
                        .level())
                .isEqualTo(RiskLevel.HIGH);
        assertThat(RiskRule.evaluate(new RiskRule.Inputs(14, null, "ASSISTED", 0, 0, false, "NORMAL", false))
                        .level())
                .isEqualTo(RiskLevel.MEDIUM);
        assertThat(RiskRule.evaluate(
                                new RiskRule.Inputs(14, null, "INDEPENDENT", 0, 0, false, "SEVERE_IMPAIRMENT", false))
                        .level())
                .isEqualTo(RiskLevel.HIGH);
        assertThat(RiskRule.evaluate(new RiskRule.Inputs(14, null, "INDEPENDENT", 0, 0, false, "NORMAL", true))
                        .level())
                .isEqualTo(RiskLevel.HIGH);
        assertThat(RiskRule.evaluate(calm()).level()).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void aPositiveSelfHarmItemIsHighWhateverTheScore() {
        List<Integer> phq9 = List.of(0, 0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(Screening.selfHarm(phq9)).isTrue();
        assertThat(RiskRule.evaluate(new RiskRule.Inputs(
                                14, 30, "INDEPENDENT", Screening.score(phq9), 0, true, "NORMAL", false))
                        .level())
                .isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void screeningBandsFollowTheStandardCutOffs() {
        assertThat(List.of(0, 4, 5, 9, 10, 14, 15, 19, 20, 27).stream()
                        .map(Screening::phq9Band)
                        .toList())
                .containsExactly(
                        "MINIMAL",
                        "MINIMAL",
                        "MILD",
                        "MILD",
                        "MODERATE",
                        "MODERATE",
                        "MODERATELY_SEVERE",
                        "MODERATELY_SEVERE",
                        "SEVERE",
                        "SEVERE");
        assertThat(List.of(4, 5, 9, 10, 14, 15, 21).stream()
                        .map(Screening::gad7Band)
                        .toList())
                .containsExactly("MINIMAL", "MILD", "MILD", "MODERATE", "MODERATE", "SEVERE", "SEVERE");
    }

    @Test
    void reassessmentIsDueSoonerForHigherRisk() {
        LocalDate d = LocalDate.of(2026, 11, 29);
        assertThat(RiskRule.reassessDue(RiskLevel.HIGH, d)).isEqualTo(d.plusDays(7));
        assertThat(RiskRule.reassessDue(RiskLevel.MEDIUM, d)).isEqualTo(d.plusDays(30));
        assertThat(RiskRule.reassessDue(RiskLevel.LOW, d)).isEqualTo(d.plusDays(90));
    }
}
