package org.wushe.residents;

import java.time.Instant;

/** A case was opened (stage {@code INTAKE}) or moved to its next stage by the account named {@code by}. */
public record CaseStageChanged(long caseId, String communityCode, String stage, Instant at, String by) {}
