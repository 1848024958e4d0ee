package org.wushe.residents.cases;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/** The case aggregate's guard: a case moves one stage forward at a time, and a closed case no longer moves. */
record CaseFile(
        long id,
        RegionCode communityCode,
        CaseStage stage,
        long workerAccountId,
        Long supervisorAccountId,
        int version) {

    public CaseFile advanceTo(CaseStage target) {
        if (target == null) {
            throw new InvalidValueException("residents.case.stage.required");
        }
        if (stage == CaseStage.CLOSED) {
            throw new InvalidValueException("residents.case.transition.closed");
        }
        CaseStage expected = stage.next().orElseThrow();
        if (target != expected) {
            throw new InvalidValueException(
                    "residents.case.transition.outOfOrder", label(stage), label(target), label(expected));
        }
        return new CaseFile(id, communityCode, target, workerAccountId, supervisorAccountId, version);
    }

    /** The stage's name, resolved in the reader's language when the message is rendered. */
    static DefaultMessageSourceResolvable label(CaseStage stage) {
        return new DefaultMessageSourceResolvable("residents.case.stage." + stage);
    }
}
