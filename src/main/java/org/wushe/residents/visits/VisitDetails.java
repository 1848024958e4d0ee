package org.wushe.residents.visits;

import java.time.Instant;

/** One visit; notes are decrypted only for a resident's own history (an audited view). */
record VisitDetails(long id, long residentId, VisitKind kind, Instant visitedAt, String visitedBy, String notes) {}
