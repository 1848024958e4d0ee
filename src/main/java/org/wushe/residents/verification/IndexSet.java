package org.wushe.residents.verification;

import java.nio.ByteBuffer;

/**
 * The 32-byte blind indexes seen so far in one file, with the row each first appeared on — for “duplicate of row
 * N” within a list of millions. Open addressing over flat arrays (about 40 bytes per row instead of ~150 for a
 * {@code HashMap<ByteBuffer,Integer>}), so a million-row file needs ~80 MB at most. Blind indexes are HMAC output,
 * so their first eight bytes are already a uniform hash.
 */
final class IndexSet {

    private static final int WORDS = 4;
    private long[] keys;
    private int[] rows;
    private int size;
    private int mask;

    IndexSet() {
        allocate(1 << 16);
    }

    /** Adds {@code index} first seen on {@code row} (&gt; 0); returns the earlier row if it was already there, else 0. */
    int addIfAbsent(byte[] index, int row) {
        if (index.length != WORDS * Long.BYTES) {
            throw new IllegalArgumentException("a blind index has 32 bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(index);
        long k0 = b.getLong(0), k1 = b.getLong(8), k2 = b.getLong(16), k3 = b.getLong(24);
        int slot = (int) (k0 ^ (k0 >>> 32)) & mask;
        while (rows[slot] != 0) {
            int at = slot * WORDS;
            if (keys[at] == k0 && keys[at + 1] == k1 && keys[at + 2] == k2 && keys[at + 3] == k3) {
                return rows[slot];
            }
            slot = (slot + 1) & mask;
        }
        put(slot, k0, k1, k2, k3, row);
        if (++size * 2 > rows.length) {
            grow();
        }
        return 0;
    }

    boolean contains(byte[] index) {
        ByteBuffer b = ByteBuffer.wrap(index);
        long k0 = b.getLong(0), k1 = b.getLong(8), k2 = b.getLong(16), k3 = b.getLong(24);
        for (int slot = (int) (k0 ^ (k0 >>> 32)) & mask; rows[slot] != 0; slot = (slot + 1) & mask) {
            int at = slot * WORDS;
            if (keys[at] == k0 && keys[at + 1] == k1 && keys[at + 2] == k2 && keys[at + 3] == k3) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return size;
    }

    private void put(int slot, long k0, long k1, long k2, long k3, int row) {
        int at = slot * WORDS;
        keys[at] = k0;
        keys[at + 1] = k1;
        keys[at + 2] = k2;
        keys[at + 3] = k3;
        rows[slot] = row;
    }

    private void allocate(int capacity) {
        keys = new long[capacity * WORDS];
        rows = new int[capacity];
        mask = capacity - 1;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldRows = rows;
        allocate(oldRows.length * 2);
        for (int i = 0; i < oldRows.length; i++) {
            if (oldRows[i] != 0) {
                long k0 = oldKeys[i * WORDS];
                int slot = (int) (k0 ^ (k0 >>> 32)) & mask;
                while (rows[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                put(slot, k0, oldKeys[i * WORDS + 1], oldKeys[i * WORDS + 2], oldKeys[i * WORDS + 3], oldRows[i]);
            }
        }
    }
}
