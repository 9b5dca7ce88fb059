package org.naoyu.speller.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SignalRingTest {
    @Test
    void keepsTheLastSamplesInOrderAcrossTheWrap() {
        SignalRing ring = new SignalRing(2, 5);
        double[] block = new double[14];
        for (int s = 0; s < 7; s++) {
            block[2 * s] = s;          // channel 0: the sample index
            block[2 * s + 1] = 100 + s; // channel 1
        }
        ring.append(block, 4);
        assertEquals(4, ring.available());
        double[] rest = java.util.Arrays.copyOfRange(block, 8, 14);
        ring.append(rest, 3);
        assertEquals(5, ring.available());
        assertArrayEquals(new double[] {2, 102, 3, 103, 4, 104, 5, 105, 6, 106}, ring.last(10));
        assertArrayEquals(new double[] {5, 105, 6, 106}, ring.last(2));
        assertArrayEquals(new double[] {103.5, 105.5}, ring.trace(1, 5, 2), 1e-12, "the newest whole bins, oldest first");
    }
}
