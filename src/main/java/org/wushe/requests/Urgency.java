package org.wushe.requests;

/** How urgent the resident feels it is (VERY_URGENT answers the {@link Category#FELT_VERY_URGENT} rule). */
public enum Urgency {
    VERY_URGENT,
    URGENT,
    NORMAL
}
