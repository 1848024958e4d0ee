package org.wushe.audit;

import java.time.Instant;
import java.util.List;

/**
 * The result of checking the whole chain and the anchors written outside the database.
 *
 * @param ok               nothing below was found
 * @param rowsChecked      rows read (all of them)
 * @param firstBrokenId    the first row whose hash, link, version or id sequence does not check out; null if none
 * @param reason           message key of the first problem: {@code audit.verification.intact}, {@code .hashMismatch}
 *                         (the row was changed after it was written), {@code .linkBroken} (its {@code prev_hash}
 *                         is not the previous row's hash), {@code .idsMissing} (rows were removed),
 *                         {@code .downgraded} (an unkeyed row after keyed ones), {@code .anchorMismatch} (an
 *                         anchored row is gone or differs), {@code .truncated} (rows up to an anchored head are
 *                         gone) or {@code .anchorInvalid} (a line of the anchor file is not one Wushe wrote)
 * @param missingIds       ranges of ids that must exist but do not (at most {@link #MAX_RANGES})
 * @param anchorsChecked   anchors compared with the chain
 * @param anchorMismatchId the id of the first anchor that does not match the chain; null if none
 * @param truncated        the newest anchor names a row beyond the chain's last one
 * @param lastId           the chain's last id; null when empty
 * @param keyedFromId      the first keyed (HMAC-SM3) row; null when no row is keyed
 * @param firstBrokenAt    when the first bad row says it happened (as stored, so possibly altered), for finding it
 *                         in the audit trail; null when there is no such row (none bad, or beyond the chain's end)
 * @param lastAt           when the chain's last row happened; null when empty
 */
public record ChainVerification(
        boolean ok,
        long rowsChecked,
        Long firstBrokenId,
        String reason,
        List<IdRange> missingIds,
        long anchorsChecked,
        Long anchorMismatchId,
        boolean truncated,
        Long lastId,
        Long keyedFromId,
        Instant firstBrokenAt,
        Instant lastAt) {

    public static final String INTACT = "audit.verification.intact";
    public static final String HASH_MISMATCH = "audit.verification.hashMismatch";
    public static final String LINK_BROKEN = "audit.verification.linkBroken";
    public static final String IDS_MISSING = "audit.verification.idsMissing";
    public static final String DOWNGRADED = "audit.verification.downgraded";
    public static final String ANCHOR_MISMATCH = "audit.verification.anchorMismatch";
    public static final String TRUNCATED = "audit.verification.truncated";
    public static final String ANCHOR_INVALID = "audit.verification.anchorInvalid";
    public static final int MAX_RANGES = 100;

    public ChainVerification {
        missingIds = List.copyOf(missingIds);
    }

    /** Ids {@code from} to {@code to}, both included. */
    public record IdRange(long from, long to) {

        @Override
        public String toString() {
            return from == to ? Long.toString(from) : from + "–" + to;
        }
    }
}
