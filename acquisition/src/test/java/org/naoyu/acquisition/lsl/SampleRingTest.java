package org.naoyu.acquisition.lsl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.naoyu.acquisition.ChannelFormat;

class SampleRingTest {

    private static void write(SampleRing ring, double timestamp, float value) {
        int slot = ring.reserve();
        ring.timestampStorage()[slot] = timestamp;
        ((float[]) ring.valueStorage())[slot] = value;
        ring.written();
    }

    @Test
    void samplesBecomeVisibleOnCommitInOrder() throws InterruptedException {
        SampleRing ring = new SampleRing(ChannelFormat.FLOAT32, 1, 8);
        write(ring, 1, 10);
        write(ring, 2, 20);
        assertEquals(0, ring.available(), "written but not committed");
        ring.commit();
        assertEquals(2, ring.available());
        double[] t = new double[4];
        float[] v = new float[4];
        assertEquals(2, ring.take(t, v, 4, 0));
        assertArrayEquals(new double[] {1, 2, 0, 0}, t);
        assertArrayEquals(new float[] {10, 20, 0, 0}, v);
    }

    @Test
    void aReservationThatWasNeverWrittenIsNeverPublished() throws InterruptedException {
        SampleRing ring = new SampleRing(ChannelFormat.FLOAT32, 1, 8);
        write(ring, 1, 10);
        ring.reserve(); // the connection broke mid-sample
        ring.commit();
        write(ring, 5, 50); // after reconnecting, the same slot is reused
        ring.commit();
        double[] t = new double[4];
        float[] v = new float[4];
        assertEquals(2, ring.take(t, v, 4, 0));
        assertArrayEquals(new float[] {10, 50, 0, 0}, v);
    }

    @Test
    void whenFullTheOldestAreDroppedAndCountedAndReadsWrapAround() throws InterruptedException {
        SampleRing ring = new SampleRing(ChannelFormat.FLOAT32, 2, 4);
        for (int i = 0; i < 7; i++) {
            int slot = ring.reserve();
            ring.timestampStorage()[slot] = i;
            ((float[]) ring.valueStorage())[2 * slot] = i;
            ((float[]) ring.valueStorage())[2 * slot + 1] = -i;
            ring.written();
            ring.commit();
        }
        assertEquals(3, ring.dropped());
        assertEquals(4, ring.available());
        double[] t = new double[4];
        float[] v = new float[8];
        assertEquals(4, ring.take(t, v, 4, 0));
        assertArrayEquals(new double[] {3, 4, 5, 6}, t);
        assertArrayEquals(new float[] {3, -3, 4, -4, 5, -5, 6, -6}, v);
    }

    @Test
    void aLongBurstIsPublishedAtHalfCapacity() {
        SampleRing ring = new SampleRing(ChannelFormat.FLOAT32, 1, 8);
        for (int i = 0; i < 5; i++) {
            write(ring, i, i);
        }
        assertEquals(4, ring.available(), "readers see a burst before it ends, in halves of the ring");
    }

    @Test
    void aStringRingDropsItsOldestWhenTheTextItHoldsPassesTheBudget() throws InterruptedException {
        SampleRing ring = new SampleRing(ChannelFormat.STRING, 1, 100, 10);
        for (String marker : new String[] {"aaaa", "bbbb", "cccc"}) {
            int slot = ring.reserve();
            ((String[]) ring.valueStorage())[slot] = marker;
            ring.written();
            ring.commit();
        }
        assertEquals(1, ring.dropped(), "12 characters held, 10 allowed: the oldest marker goes");
        String[] out = new String[3];
        assertEquals(2, ring.take(new double[3], out, 3, 0));
        assertArrayEquals(new String[] {"bbbb", "cccc", null}, out);
        int slot = ring.reserve();
        ((String[]) ring.valueStorage())[slot] = "dddddddd";
        ring.written();
        ring.commit();
        assertEquals(1, ring.dropped(), "taking freed the budget");
    }

    @Test
    void takeTimesOutEmpty() throws InterruptedException {
        SampleRing ring = new SampleRing(ChannelFormat.FLOAT32, 1, 8);
        long start = System.nanoTime();
        assertEquals(0, ring.take(new double[1], new float[1], 1, 50_000_000L));
        assertEquals(0.05, (System.nanoTime() - start) / 1e9, 0.04);
    }
}
