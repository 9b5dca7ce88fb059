package org.naoyu.decoder.language;

import java.util.function.LongUnaryOperator;

/** Binary search over a sorted run of keys however a model stores them (int arrays, bit-packed entries). */
final class SortedKeys {
    private SortedKeys() {
    }

    /** The index in {@code [begin, end)} whose key ({@code keyAt}) is {@code key}, or −1 (keys ascend, unique). */
    static long find(long begin, long end, long key, LongUnaryOperator keyAt) {
        long low = begin;
        long high = end - 1;
        while (low <= high) {
            long mid = (low + high) >>> 1;
            long at = keyAt.applyAsLong(mid);
            if (at < key) {
                low = mid + 1;
            } else if (at > key) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
