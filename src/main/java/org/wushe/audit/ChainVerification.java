package org.wushe.audit;

/**
 * The result of checking the whole hash chain.
 *
 * @param rowsChecked   rows read, up to and including the first broken one
 * @param firstBrokenId the id of the first row whose hash or link does not check out; null when intact
 * @param reason        message key: {@code audit.verification.intact}, {@code .hashMismatch} (the row was
 *                      changed after it was written) or {@code .linkBroken} (its {@code prev_hash} is not the
 *                      previous row's hash: a row before it was removed, inserted or changed)
 */
public record ChainVerification(boolean ok, long rowsChecked, Long firstBrokenId, String reason) {

    public static final String INTACT = "audit.verification.intact";
    public static final String HASH_MISMATCH = "audit.verification.hashMismatch";
    public static final String LINK_BROKEN = "audit.verification.linkBroken";

    public static ChainVerification intact(long rowsChecked) {
        return new ChainVerification(true, rowsChecked, null, INTACT);
    }

    public static ChainVerification broken(long rowsChecked, long id, String reason) {
        return new ChainVerification(false, rowsChecked, id, reason);
    }
}
