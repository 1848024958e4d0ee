package org.wushe.residents;

/** The risk level an {@code Assessment} derives (see {@code internal.RiskRule}). */
public enum RiskLevel {
    HIGH, MEDIUM, LOW
}
