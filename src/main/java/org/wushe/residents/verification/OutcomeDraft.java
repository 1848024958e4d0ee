package org.wushe.residents.verification;

/**
 * An outcome as entered on the task page or sent to the API; the corrected values only with DIFFERS.
 *
 * @param version the task version the worker saw (a stale form is refused rather than overwriting)
 */
record OutcomeDraft(String outcome, String phone, String address, String category, String note, Integer version) {}
