package org.naoyu.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class QualityAnalysisTest {
    private static final int CHANNELS = 12;
    private static final double FS = 1000;

    /** A shared red background on every channel plus a little own noise; then channels 2-6 spoiled in five ways. */
    private static double[] recording() {
        int n = (int) (10 * FS);
        Random random = new Random(6);
        double[] x = new double[n * CHANNELS];
        double common = 0;
        for (int s = 0; s < n; s++) {
            common = 0.98 * common + random.nextGaussian();
            for (int c = 0; c < CHANNELS; c++) {
                x[s * CHANNELS + c] = 10 * common + 3 * random.nextGaussian() + 5 * Math.sin(2 * Math.PI * 50 * s / FS)
                        + 40;
            }
            x[s * CHANNELS + 2] = 40;                                            // flat
            x[s * CHANNELS + 3] = 8000;                                          // railed
            x[s * CHANNELS + 4] += 400 * random.nextGaussian();                  // noisy
            x[s * CHANNELS + 5] += 400 * Math.sin(2 * Math.PI * 50 * s / FS);    // mains
            x[s * CHANNELS + 6] = 40 + 30 * random.nextGaussian();               // unlike its neighbours
        }
        return x;
    }

    @Test
    void eachKindOfBadChannelIsNamed() {
        List<ChannelQuality> quality = QualityAnalysis.assess(recording(), CHANNELS, FS, 50,
                QualityAnalysis.adjacentIndices(CHANNELS), QualityThresholds.DEFAULT);
        assertTrue(quality.get(2).problems().get(0).startsWith("flat (RMS 0.00 µV"), quality.get(2).problems().toString());
        assertTrue(quality.get(3).problems().toString().contains("flat") && quality.get(3).problems().toString()
                .contains("clipping (100.0% of samples at the extremes)"), quality.get(3).problems().toString());
        assertTrue(quality.get(4).problems().toString().contains("amplitude too large"),
                quality.get(4).problems().toString());
        assertTrue(quality.get(4).problems().toString().contains("high-frequency noise"),
                quality.get(4).problems().toString());
        assertTrue(quality.get(5).problems().toString().contains("mains noise"), quality.get(5).problems().toString());
        assertTrue(quality.get(6).problems().toString().contains("unlike its neighbours"),
                quality.get(6).problems().toString());
        for (int c : new int[] {0, 1, 8, 9, 10, 11}) {
            assertFalse(quality.get(c).isBad(), "channel " + c + ": " + quality.get(c).problems());
            assertTrue(quality.get(c).neighbourCorrelation() > 0.8, "channel " + c + " r "
                    + quality.get(c).neighbourCorrelation());
        }
        assertEquals(0.0, quality.get(0).clippedFraction(), 1e-3);
    }

    @Test
    void thresholdsCanBeOverriddenAndAreChecked() {
        QualityThresholds lax = new QualityThresholds(0.5, 0.5, 0.01, 5, 0.999, 1000, 5, 0.3);
        List<ChannelQuality> quality = QualityAnalysis.assess(recording(), CHANNELS, FS, 50,
                QualityAnalysis.adjacentIndices(CHANNELS), lax);
        assertFalse(quality.get(5).problems().toString().contains("mains"), "a user may accept more mains");
        assertEquals("maxFlatFraction must be in (0, 1], got 2.0", assertThrows(IllegalArgumentException.class,
                () -> new QualityThresholds(0.5, 2, 0.01, 5, 0.9, 5, 5, 0.3)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> QualityAnalysis.assess(new double[100], 2, FS,
                50, QualityAnalysis.adjacentIndices(2), QualityThresholds.DEFAULT)).getMessage()
                .startsWith("quality needs at least 2 s of signal"));
    }

    @Test
    void neighboursFromPositions() {
        double[][] grid = new double[9][];
        for (int i = 0; i < 9; i++) {
            grid[i] = new double[] {4.0 * (i % 3), 4.0 * (i / 3), 0};
        }
        int[][] neighbours = QualityAnalysis.byPosition(grid);
        assertEquals(List.of(0, 1, 2, 3, 5, 6, 7, 8), java.util.Arrays.stream(neighbours[4]).boxed().toList(),
                "the eight around it, diagonals included");
        assertEquals(List.of(1, 3, 4), java.util.Arrays.stream(neighbours[0]).boxed().toList());
    }
}
