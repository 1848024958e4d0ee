package org.wushe.residents.cases;

import java.time.Instant;
import java.util.List;

/**
 * A case as any reader in scope sees it (never its notes); {@code canSeeNotes} tells whether the caller is the
 * assigned worker, their supervisor or an admin in scope.
 */
record CaseDetails(
        long id,
        long residentId,
        String residentName,
        String communityCode,
        String title,
        CaseStage stage,
        long workerAccountId,
        Long supervisorAccountId,
        Instant openedAt,
        String openedBy,
        Instant closedAt,
        List<Transition> transitions,
        boolean canSeeNotes) {

    public record Transition(CaseStage from, CaseStage to, Instant at, String by) {}
}
