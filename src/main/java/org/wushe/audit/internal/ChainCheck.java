package org.wushe.audit.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.wushe.audit.ChainVerification;
import org.wushe.audit.ChainVerification.IdRange;

/**
 * Checks rows handed over in id order against each other and against the anchors; then {@link #result()}.
 * It keeps going after a problem so that every missing id and every anchor is reported, not just the first.
 *
 * <p>Rules: each row's {@code prev_hash} is the previous row's hash; each row's hash is right for its chain
 * version; once a row is keyed no unkeyed row may follow (else an attacker would rewrite keyed rows as plain
 * SM3); keyed ids are consecutive (the writer allocates them without gaps, see {@link ChainAppender}), so a gap
 * is a removed row; every anchored (id, hash, rows) is in the chain; and no anchor lies beyond the chain's end.
 */
final class ChainCheck {

    private final ChainHash hashes;
    private final List<Anchor> anchors;
    private final int invalidAnchorLines;
    private int nextAnchor;
    private long anchorsChecked;
    private Long anchorMismatchId;

    private long rows;
    private byte[] previousHash;
    private Long previousId;
    private int previousVersion;
    private Long keyedFromId;
    private Long firstBrokenId;
    private Instant firstBrokenAt;
    private Instant lastAt;
    private long currentId;
    private Instant currentAt;
    private String reason;
    private final List<IdRange> missing = new ArrayList<>();
    private boolean truncated;

    ChainCheck(ChainHash hashes, List<Anchor> anchors, int invalidAnchorLines) {
        this.hashes = hashes;
        this.anchors =
                anchors.stream().sorted(Comparator.comparingLong(Anchor::id)).toList();
        this.invalidAnchorLines = invalidAnchorLines;
    }

    void accept(CanonicalRow row, int version, byte[] prevHash, byte[] hash) {
        rows++;
        long id = row.id();
        currentId = id;
        currentAt = row.occurredAt();
        if (version == ChainHash.PLAIN && keyedFromId != null) {
            problem(id, ChainVerification.DOWNGRADED);
        }
        if (version == ChainHash.KEYED && keyedFromId == null) {
            keyedFromId = id;
        }
        if (!Arrays.equals(prevHash, previousHash)) {
            problem(id, ChainVerification.LINK_BROKEN);
        }
        if (!hashes.matches(row, version, prevHash, hash)) {
            problem(id, ChainVerification.HASH_MISMATCH);
        }
        if (version == ChainHash.KEYED && previousVersion == ChainHash.KEYED && id != previousId + 1) {
            missing(previousId + 1, id - 1);
            problem(id, ChainVerification.IDS_MISSING);
        }
        while (nextAnchor < anchors.size() && anchors.get(nextAnchor).id() < id) {
            anchorMismatch(anchors.get(nextAnchor++).id(), id); // the anchored row is not in the chain
        }
        while (nextAnchor < anchors.size() && anchors.get(nextAnchor).id() == id) {
            Anchor anchor = anchors.get(nextAnchor++);
            if (!Arrays.equals(anchor.hash(), hash) || anchor.rows() != rows) {
                anchorMismatch(anchor.id(), id);
            } else {
                anchorsChecked++;
            }
        }
        previousHash = hash;
        previousId = id;
        previousVersion = version;
        lastAt = row.occurredAt();
    }

    ChainVerification result() {
        if (nextAnchor < anchors.size()) {
            long beyond = anchors.get(anchors.size() - 1).id();
            long from = previousId == null ? 1 : previousId + 1; // ids start at 1
            truncated = true;
            missing(from, beyond);
            anchorsChecked += anchors.size() - nextAnchor;
            problem(from, ChainVerification.TRUNCATED);
        }
        if (invalidAnchorLines > 0) {
            problem(null, ChainVerification.ANCHOR_INVALID);
        }
        boolean ok = reason == null;
        return new ChainVerification(
                ok,
                rows,
                firstBrokenId,
                ok ? ChainVerification.INTACT : reason,
                missing,
                anchorsChecked,
                anchorMismatchId,
                truncated,
                previousId,
                keyedFromId,
                firstBrokenAt,
                lastAt);
    }

    private void anchorMismatch(long anchorId, long atRow) {
        anchorsChecked++;
        if (anchorMismatchId == null) {
            anchorMismatchId = anchorId;
        }
        problem(atRow, ChainVerification.ANCHOR_MISMATCH);
    }

    private void missing(long from, long to) {
        if (from <= to && missing.size() < ChainVerification.MAX_RANGES) {
            missing.add(new IdRange(from, to));
        }
    }

    private void problem(Long id, String what) {
        if (reason == null) {
            reason = what;
            firstBrokenId = id;
            firstBrokenAt = id != null && rows > 0 && id == currentId ? currentAt : null; // null: no such row
        }
    }
}
