package org.wushe.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.wushe.audit.ChainVerification;
import org.wushe.audit.ChainVerification.IdRange;

/**
 * The rules of the keyed chain without a database: an existing SM3 chain continued by keyed rows stays
 * verifiable, and the attacks an SM3-only chain let through are found.
 */
class ChainCheckTests {

    private static final Instant T0 = Instant.parse("2026-12-07T01:00:00Z");
    private final ChainHash hashes = new ChainHash(ChainCheckTests::hmac);

    /** A stored row: content, version, prev_hash, hash. */
    private record Stored(CanonicalRow row, int version, byte[] prev, byte[] hash) {}

    @Test
    void legacySm3RowsFollowedByKeyedRowsVerify() {
        List<Stored> chain = chain(new long[] {1, 2, 5, 6}, new long[] {7, 8, 9});

        ChainVerification result = check(chain, List.of());

        assertThat(result.ok()).isTrue();
        assertThat(result.keyedFromId()).isEqualTo(7);
        assertThat(result.rowsChecked()).isEqualTo(7);
        assertThat(result.missingIds()).isEmpty(); // gaps among legacy ids (rolled-back batches) are not removals
    }

    @Test
    void aForgedLegacyPastIsCaughtByTheFirstKeyedRow() {
        List<Stored> chain = chain(new long[] {1, 2, 3}, new long[] {4, 5});
        List<Stored> forged = new ArrayList<>(chain);
        byte[] previous = null;
        for (int i = 0; i < 3; i++) { // rewrite row 2 and recompute the SM3 rows after it, as without the key
            CanonicalRow row = i == 1
                    ? withActor(chain.get(i).row(), "someone-else")
                    : chain.get(i).row();
            byte[] hash = row.hash(previous);
            forged.set(i, new Stored(row, 1, previous, hash));
            previous = hash;
        }

        ChainVerification result = check(forged, List.of());

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBrokenId()).isEqualTo(4);
        assertThat(result.reason()).isEqualTo(ChainVerification.LINK_BROKEN);
        // the page shows when the first bad row and the last row happened, so they can be found in the trail
        assertThat(result.firstBrokenAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(result.lastId()).isEqualTo(5);
        assertThat(result.lastAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void keyedRowsRewrittenAsPlainSm3AreCaught() {
        List<Stored> chain = chain(new long[] {1}, new long[] {2, 3});
        Stored keyed = chain.get(1);
        byte[] plain = keyed.row().hash(keyed.prev());
        List<Stored> downgraded = List.of(
                chain.get(0),
                keyed,
                new Stored(
                        chain.get(2).row(), 1, keyed.hash(), chain.get(2).row().hash(keyed.hash())));
        assertThat(plain).isNotEqualTo(keyed.hash());

        ChainVerification result = check(downgraded, List.of());

        assertThat(result.ok()).isFalse();
        assertThat(result.firstBrokenId()).isEqualTo(3);
        assertThat(result.reason()).isEqualTo(ChainVerification.DOWNGRADED);
    }

    @Test
    void anchorsBeyondTheEndAndInvalidAnchorLinesAreReported() {
        List<Stored> chain = chain(new long[0], new long[] {1, 2, 3});
        Anchor good = new Anchor(T0, 2, 2, chain.get(1).hash());
        Anchor beyond = new Anchor(T0, 6, 6, new byte[32]);

        ChainVerification truncated = check(chain, List.of(good, beyond));
        assertThat(truncated.ok()).isFalse();
        assertThat(truncated.truncated()).isTrue();
        assertThat(truncated.missingIds()).containsExactly(new IdRange(4, 6));
        assertThat(truncated.anchorsChecked()).isEqualTo(2);
        assertThat(truncated.firstBrokenId()).isEqualTo(4);
        assertThat(truncated.firstBrokenAt())
                .as("row 4 is not in the chain: no time to show")
                .isNull();

        ChainVerification invalidLine = new ChainCheckRun(chain, List.of(good), 1).result();
        assertThat(invalidLine.ok()).isFalse();
        assertThat(invalidLine.reason()).isEqualTo(ChainVerification.ANCHOR_INVALID);

        assertThat(check(chain, List.of(good)).ok()).isTrue();
        assertThat(check(chain, List.of(good)).firstBrokenAt()).isNull();
        assertThat(check(chain, List.of(new Anchor(T0, 2, 1, chain.get(1).hash())))
                        .anchorMismatchId())
                .isEqualTo(2);
    }

    private ChainVerification check(List<Stored> chain, List<Anchor> anchors) {
        return new ChainCheckRun(chain, anchors, 0).result();
    }

    private final class ChainCheckRun {
        private final ChainCheck check;

        ChainCheckRun(List<Stored> chain, List<Anchor> anchors, int invalid) {
            check = new ChainCheck(hashes, anchors, invalid);
            chain.forEach(s -> check.accept(s.row(), s.version(), s.prev(), s.hash()));
        }

        ChainVerification result() {
            return check.result();
        }
    }

    private List<Stored> chain(long[] legacyIds, long[] keyedIds) {
        List<Stored> rows = new ArrayList<>();
        byte[] previous = null;
        for (long id : legacyIds) {
            CanonicalRow row = row(id);
            byte[] hash = hashes.hash(row, ChainHash.PLAIN, previous);
            rows.add(new Stored(row, ChainHash.PLAIN, previous, hash));
            previous = hash;
        }
        for (long id : keyedIds) {
            CanonicalRow row = row(id);
            byte[] hash = hashes.hash(row, ChainHash.KEYED, previous);
            rows.add(new Stored(row, ChainHash.KEYED, previous, hash));
            previous = hash;
        }
        return rows;
    }

    private static CanonicalRow row(long id) {
        return new CanonicalRow(
                id,
                T0.plusSeconds(id),
                T0.plusSeconds(id),
                "actor-" + id,
                "UPDATE",
                "resident",
                "r-" + id,
                "310101",
                "10.0.0.7",
                null,
                List.of("phone"));
    }

    private static CanonicalRow withActor(CanonicalRow r, String actor) {
        return new CanonicalRow(
                r.id(),
                r.occurredAt(),
                r.recordedAt(),
                actor,
                r.action(),
                r.entityType(),
                r.entityId(),
                r.regionCode(),
                r.clientAddress(),
                r.reason(),
                r.fields());
    }

    private static byte[] hmac(String purpose, byte[]... parts) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(("test key for " + purpose).getBytes(StandardCharsets.UTF_8)));
        for (byte[] part : parts) {
            mac.update(part, 0, part.length);
        }
        byte[] out = new byte[32];
        mac.doFinal(out, 0);
        return out;
    }
}
