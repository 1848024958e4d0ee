package org.wushe.residents;

/** PIPL art. 13: why a resident's record may be processed; only CONSENT needs a consent time. */
public enum LawfulBasis {
    PUBLIC_HEALTH_EMERGENCY,
    STATUTORY_DUTY,
    CONSENT
}
