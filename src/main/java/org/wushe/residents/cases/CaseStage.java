package org.wushe.residents.cases;

import java.util.Optional;

/** The stages of case work after MZ/T 094-2017: 接案 → 预估 → 计划 → 介入 → 评估 → 结案. */
enum CaseStage {
    INTAKE,
    ASSESSMENT,
    PLAN,
    INTERVENTION,
    EVALUATION,
    CLOSED;

    /** The one stage that may follow this one; none after CLOSED. */
    public Optional<CaseStage> next() {
        return this == CLOSED ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }
}
