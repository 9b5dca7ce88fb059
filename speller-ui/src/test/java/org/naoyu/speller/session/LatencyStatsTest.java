package org.naoyu.speller.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {
    @Test
    void percentilesAndBucketsOfKnownValues() {
        LatencyStats stats = new LatencyStats();
        for (int i = 1; i <= 1000; i++) {
            stats.record(LatencyStats.Stage.DECODER, i * 10_000L); // 0.01 … 10 ms
        }
        stats.record(LatencyStats.Stage.DSP_BLOCK, -5); // a clock step backwards is clamped, not thrown
        List<LatencyStats.Summary> all = stats.summaries();
        LatencyStats.Summary decoder = all.get(LatencyStats.Stage.DECODER.ordinal());
        assertEquals("decoder per attempt", decoder.stage());
        assertEquals(1000, decoder.count());
        assertEquals(5.0, decoder.p50Ms(), 0.01);
        assertEquals(9.9, decoder.p99Ms(), 0.01);
        assertEquals(10.0, decoder.maxMs(), 0.01);
        assertEquals(1000, decoder.bucketsMs().stream().mapToDouble(b -> b[1]).sum(), 1e-9,
                "every value in exactly one bucket");
        assertEquals(1, all.get(LatencyStats.Stage.DSP_BLOCK.ordinal()).count());
        // later reads fold in what was recorded since
        stats.record(LatencyStats.Stage.DECODER, 20_000_000L);
        assertEquals(1001, stats.summaries().get(LatencyStats.Stage.DECODER.ordinal()).count());
        assertEquals(0, stats.summaries().get(LatencyStats.Stage.END_TO_END.ordinal()).count());
    }

    @Test
    void missesAboveALimitAndAReset() {
        LatencyStats stats = new LatencyStats();
        for (long ms : new long[] {5, 10, 19, 21, 30}) {
            stats.record(LatencyStats.Stage.TO_PAGES, ms * 1_000_000);
        }
        assertEquals(2, stats.countAbove(LatencyStats.Stage.TO_PAGES, 20_000_000), "21 and 30 ms");
        assertEquals(0, stats.countAbove(LatencyStats.Stage.TO_PAGES, 30_100_000));
        stats.reset();
        assertEquals(0, stats.summaries().get(LatencyStats.Stage.TO_PAGES.ordinal()).count());
        stats.record(LatencyStats.Stage.TO_PAGES, 25_000_000);
        assertEquals(1, stats.countAbove(LatencyStats.Stage.TO_PAGES, 20_000_000), "only what came after the reset");
    }
}
