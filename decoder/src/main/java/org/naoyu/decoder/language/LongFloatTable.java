package org.naoyu.decoder.language;

import java.util.Arrays;

/**
 * A hash table from non-negative longs to floats with open addressing (linear probing, at most half full), sized once
 * for the number of entries the ARPA header promises: no boxing, 12 bytes an entry and as much again empty.
 */
final class LongFloatTable {
    private static final long EMPTY = -1;

    private final long[] keys;
    private final float[] values;
    private final int mask;
    private int size;

    LongFloatTable(long expected) {
        long capacity = Long.highestOneBit(Math.max(2, expected * 2 - 1)) << 1;
        if (capacity > 1 << 30) {
            throw new IllegalArgumentException(expected + " n-grams are more than one table holds");
        }
        keys = new long[(int) capacity];
        values = new float[(int) capacity];
        Arrays.fill(keys, EMPTY);
        mask = (int) capacity - 1;
    }

    void put(long key, float value) {
        int slot = slot(key);
        if (keys[slot] == key) {
            throw new IllegalArgumentException("an n-gram is listed twice");
        }
        if (++size > keys.length / 2) { // the header promised fewer: stop before the probing degrades or loops
            throw new IllegalArgumentException("more n-grams than the header promised");
        }
        keys[slot] = key;
        values[slot] = value;
    }

    /** The key's value, or NaN when the key is not there (one probe for both questions). */
    float get(long key) {
        int slot = slot(key);
        return keys[slot] == key ? values[slot] : Float.NaN;
    }

    float getOrZero(long key) {
        int slot = slot(key);
        return keys[slot] == key ? values[slot] : 0;
    }

    /** The key's slot, or the empty one where it would go. */
    private int slot(long key) {
        int slot = (int) (mix(key) & mask);
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static long mix(long key) { // Stafford's variant 13 of the MurmurHash3 finaliser: neighbours spread
        long z = (key ^ (key >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
