package org.naoyu.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RunningZScoreTest {

    @Test
    void slidingWindowScoresAgainstTheExactPreviousWindow() {
        int window = 50; // 5 s at 10 frames/s
        RunningZScore z = new RunningZScore(new ZScore(ZScore.Mode.SLIDING, 5), 2, 10);
        Random random = new Random(4);
        double[] history = new double[2000];
        for (int k = 0; k < history.length; k++) {
            history[k] = 3 + 2 * random.nextGaussian() + (k > 1000 ? 10 : 0);
            double[] frame = {history[k], -history[k]};
            z.apply(frame);
            if (k >= window) {
                double mean = 0;
                double square = 0;
                for (int j = k - window; j < k; j++) {
                    mean += history[j] / window;
                    square += history[j] * history[j] / window;
                }
                double expected = (history[k] - mean) / Math.sqrt(square - mean * mean);
                assertEquals(expected, frame[0], 1e-9, "frame " + k);
                assertEquals(-expected, frame[1], 1e-9, "frame " + k);
            }
        }
    }

    @Test
    void exponentialWindowAdaptsAndStartsQuietly() {
        RunningZScore z = new RunningZScore(new ZScore(ZScore.Mode.EXPONENTIAL, 10), 1, 100);
        Random random = new Random(5);
        double[] frame = new double[1];
        frame[0] = 7;
        z.apply(frame);
        assertEquals(0, frame[0], 0, "a value without history scores 0");
        double sumSquares = 0;
        int n = 0;
        for (int k = 0; k < 20_000; k++) {
            frame[0] = 100 + 5 * random.nextGaussian();
            z.apply(frame);
            if (k > 5000) {
                sumSquares += frame[0] * frame[0];
                n++;
            }
        }
        assertEquals(1.0, Math.sqrt(sumSquares / n), 0.05, "scores of a stationary signal have unit spread");
        assertEquals(100, z.currentMeans()[0], 1);
        assertEquals(5, z.currentSds()[0], 0.5);
    }

    @Test
    void frozenStatisticsAndNonFiniteValues() {
        RunningZScore z = new RunningZScore(new ZScore(ZScore.Mode.FROZEN, 30), 2, 100);
        assertTrue(assertThrows(IllegalStateException.class, () -> z.apply(new double[2])).getMessage()
                .startsWith("frozen z-scores need their statistics: call freeze(means, sds) first"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RunningZScore(new ZScore(
                ZScore.Mode.SLIDING, 3600), 1536, 100)).getMessage().startsWith("a sliding z-score window of 360000 "
                + "frames x 1536 values needs"));
        z.freeze(new double[] {10, 0}, new double[] {2, 1});
        double[] frame = {14, Double.NaN};
        z.apply(frame);
        assertEquals(2, frame[0], 0);
        assertTrue(Double.isNaN(frame[1]));
        assertEquals("frozen sd 1 must be > 0 and mean finite, got mean 0.0, sd 0.0",
                assertThrows(IllegalArgumentException.class, () -> z.freeze(new double[] {0, 0}, new double[] {1, 0}))
                        .getMessage());
        RunningZScore flat = new RunningZScore(ZScore.DEFAULT, 1, 100);
        double[] constant = {5};
        for (int k = 0; k < 100; k++) {
            constant[0] = 5;
            flat.apply(constant);
            assertEquals(0, constant[0], 0, "a constant scores 0, not a division by zero");
        }
    }
}
