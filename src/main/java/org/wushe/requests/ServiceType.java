package org.wushe.requests;

/** The kinds of service the statistics count (心理疏导 … 困难纾解); labels are {@code requests.serviceType.*}. */
public enum ServiceType {
    PSYCHOLOGICAL_COUNSELLING,
    EMOTIONAL_SUPPORT,
    MATERIAL_SUPPORT,
    PREVENTION_EDUCATION,
    HEALTH_CARE,
    HARDSHIP_RELIEF
}
