package org.wushe.audit.internal;

import java.util.Arrays;

/**
 * The hash of a chain row by its chain version: 1 = plain SM3 (rows written before the chain was keyed; they
 * stay verifiable, and the first keyed row binds their last hash under the key), 2 = HMAC-SM3 under the chain
 * key, which is derived in {@code privacy} from {@code WUSHE_CRYPTO_INDEX_KEY} for the purpose
 * {@value #PURPOSE} and never stored in the database. Without it a changed row's hash cannot be recomputed.
 */
final class ChainHash {

    static final String PURPOSE = "audit_chain";
    static final String ANCHOR_PURPOSE = "audit_anchor";
    static final int PLAIN = 1;
    static final int KEYED = 2;

    /** A keyed hash of the concatenated parts (HMAC-SM3 under a purpose key), see CryptoService.keyedHash. */
    interface KeyedHash {
        byte[] of(String purpose, byte[]... parts);
    }

    private final KeyedHash mac;

    ChainHash(KeyedHash mac) {
        this.mac = mac;
    }

    byte[] hash(CanonicalRow row, int version, byte[] prevHash) {
        return switch (version) {
            case PLAIN -> row.hash(prevHash);
            case KEYED -> mac.of(PURPOSE, prevHash == null ? CanonicalRow.GENESIS : prevHash, row.bytes(KEYED));
            default -> throw new IllegalArgumentException("unknown chain version " + version);
        };
    }

    boolean matches(CanonicalRow row, int version, byte[] prevHash, byte[] stored) {
        return (version == PLAIN || version == KEYED) && Arrays.equals(stored, hash(row, version, prevHash));
    }

    /** The seal of an anchor line, so that a line nobody with the key wrote is recognised. */
    byte[] anchorSeal(byte[] line) {
        return mac.of(ANCHOR_PURPOSE, line);
    }
}
