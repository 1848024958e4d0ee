package org.wushe.residents;

/** The risk level an {@code Assessment} derives (see {@code assessments.RiskRule}). */
public enum RiskLevel {
    HIGH,
    MEDIUM,
    LOW
}
