package org.naoyu.acquisition.lsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampProcessorTest {

    @Test
    void withoutProcessingTimestampsPassUnchanged() {
        TimestampProcessor none = new TimestampProcessor(Set.of(), 100);
        assertEquals(10.0, none.process(10.0, 0.25));
        assertEquals(9.0, none.process(9.0, 0.25));
    }

    @Test
    void clockSyncAddsTheCorrection() {
        TimestampProcessor sync = new TimestampProcessor(EnumSet.of(StreamInlet.Processing.CLOCK_SYNC), 100);
        assertEquals(10.25, sync.process(10.0, 0.25));
        assertEquals(9.5, sync.process(10.0, -0.5));
    }

    @Test
    void monotonicNeverGoesBack() {
        TimestampProcessor monotonic = new TimestampProcessor(EnumSet.of(StreamInlet.Processing.MONOTONIC), 0);
        assertEquals(5.0, monotonic.process(5.0, 0));
        assertEquals(5.0, monotonic.process(4.0, 0));
        assertEquals(6.0, monotonic.process(6.0, 0));
    }

    /** 2 kHz with ±1 ms of arrival jitter (uniform): the fit recovers the sample grid to well under the jitter. */
    @Test
    void dejitterRecoversTheSampleGrid() {
        TimestampProcessor dejitter = new TimestampProcessor(EnumSet.of(StreamInlet.Processing.DEJITTER), 2000);
        SplittableRandom random = new SplittableRandom(7);
        double start = 5000.0;
        double worstLate = 0;
        double worstRaw = 0;
        for (int i = 0; i < 20_000; i++) {
            double truth = start + i / 2000.0;
            double raw = truth + random.nextDouble(-0.001, 0.001);
            double smoothed = dejitter.process(raw, 0);
            if (i >= 2000) {
                worstLate = Math.max(worstLate, Math.abs(smoothed - truth));
                worstRaw = Math.max(worstRaw, Math.abs(raw - truth));
            }
        }
        assertTrue(worstRaw > 0.0009, "the input really is jittered: " + worstRaw);
        assertTrue(worstLate < 0.0002, "after 1 s the error is below 0.2 ms: " + worstLate);
    }

    @Test
    void irregularStreamsAreNotDejittered() {
        TimestampProcessor dejitter = new TimestampProcessor(EnumSet.of(StreamInlet.Processing.DEJITTER), 0);
        assertEquals(1.0, dejitter.process(1.0, 0));
        assertEquals(7.5, dejitter.process(7.5, 0));
        assertEquals(7.6, dejitter.process(7.6, 0));
    }

    @Test
    void resetForgetsTheOldFit() {
        TimestampProcessor dejitter = new TimestampProcessor(EnumSet.of(StreamInlet.Processing.DEJITTER), 100);
        for (int i = 0; i < 100; i++) {
            dejitter.process(100 + i * 0.01, 0);
        }
        dejitter.reset();
        assertEquals(3.0, dejitter.process(3.0, 0), 1e-12, "a new outlet's first timestamp is taken as is");
    }

    @Test
    void timeProbesPickTheFastestRoundTrip() {
        var slow = new TimeProbes.Probe(10.0, 20.010, 20.011, 10.030); // rtt 0.029
        var fast = new TimeProbes.Probe(11.0, 21.001, 21.002, 11.004); // rtt 0.003, offset (0.001+... )
        TimeProbes.Estimate estimate = TimeProbes.best(java.util.List.of(slow, fast), 2);
        assertEquals(0.003, estimate.uncertainty(), 1e-9);
        assertEquals(-((21.001 - 11.0) + (21.002 - 11.004)) / 2, estimate.correction(), 1e-9);
        assertEquals(21.0015, estimate.remoteTime(), 1e-9);
        assertEquals(null, TimeProbes.best(java.util.List.of(fast), 2), "too few probes give no estimate");
    }
}
