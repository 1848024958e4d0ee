package org.wushe.residents.register;

import java.time.Instant;
import org.wushe.shared.InvalidValueException;
import org.wushe.shared.RegionCode;

/**
 * The register record's life cycle, the aggregate's guard: a record is voided with a reason (never deleted),
 * unvoided unless it was merged, and merged only while both records are live — the merged one then points to
 * the survivor and stays void.
 */
record ResidentState(long id, RegionCode communityCode, Instant voidedAt, String voidReason, Long mergedIntoId) {

    public static final int MAX_REASON = 200;

    public boolean live() {
        return voidedAt == null;
    }

    public ResidentState voidFor(String reason, Instant now) {
        if (!live()) {
            throw new InvalidValueException("residents.resident.void.already");
        }
        return new ResidentState(id, communityCode, now, requireReason(reason), null);
    }

    public ResidentState unvoid() {
        if (live()) {
            throw new InvalidValueException("residents.resident.unvoid.notVoided");
        }
        if (mergedIntoId != null) {
            throw new InvalidValueException("residents.resident.unvoid.merged", mergedIntoId);
        }
        return new ResidentState(id, communityCode, null, null, null);
    }

    /** This record merged into {@code survivor}: void, pointing to it. */
    public ResidentState mergeInto(ResidentState survivor, String reason, Instant now) {
        if (survivor.id() == id) {
            throw new InvalidValueException("residents.resident.merge.same");
        }
        if (!live() || !survivor.live()) {
            throw new InvalidValueException("residents.resident.merge.voided");
        }
        return new ResidentState(id, communityCode, now, requireReason(reason), survivor.id());
    }

    static String requireReason(String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new InvalidValueException("residents.resident.reason.required", MAX_REASON);
        }
        return why;
    }
}
