package org.naoyu.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.naoyu.dsp.design.Butterworth;
import org.naoyu.dsp.design.Fir;
import org.naoyu.dsp.design.Notch;
import org.naoyu.dsp.design.Window;

/** Block-size invariance, reset, the non-finite policy and argument checks of the streaming stages. */
class StreamingBehaviourTest {
    private static final int CHANNELS = 5;
    private static final int SAMPLES = 20_000;

    private static double[] noise(long seed) {
        Random random = new Random(seed);
        double[] x = new double[SAMPLES * CHANNELS];
        for (int i = 0; i < x.length; i++) {
            x[i] = 50 * random.nextGaussian() + 100;
        }
        return x;
    }

    private static double[] inBlocks(BlockFilter filter, double[] x, int[] sizes) {
        double[] out = new double[x.length];
        int largest = java.util.Arrays.stream(sizes).max().orElseThrow();
        double[] in = new double[largest * CHANNELS];
        double[] block = new double[largest * CHANNELS];
        int done = 0;
        for (int size : sizes) {
            System.arraycopy(x, done * CHANNELS, in, 0, size * CHANNELS);
            filter.process(in, block, size);
            System.arraycopy(block, 0, out, done * CHANNELS, size * CHANNELS);
            done += size;
        }
        return out;
    }

    private static void assertBlockInvariant(Supplier<BlockFilter> make, String what) {
        double[] x = noise(1);
        double[] whole = inBlocks(make.get(), x, new int[] {SAMPLES});
        for (long seed = 1; seed <= 3; seed++) {
            double[] pieces = inBlocks(make.get(), x, StreamingGoldenTest.randomBlockSizes(seed, SAMPLES, 4096));
            for (int i = 0; i < x.length; i++) {
                assertEquals(whole[i], pieces[i], 1e-9 * (1 + Math.abs(whole[i])), what + " at value " + i);
            }
        }
        double[] ones = inBlocks(make.get(), x, ones());
        for (int i = 0; i < x.length; i++) {
            assertEquals(whole[i], ones[i], 1e-9 * (1 + Math.abs(whole[i])), what + " one sample at a time, value " + i);
        }
    }

    private static int[] ones() {
        int[] sizes = new int[SAMPLES];
        java.util.Arrays.fill(sizes, 1);
        return sizes;
    }

    @Test
    void everyStageGivesTheSameOutputForAnyBlockSizes() {
        assertBlockInvariant(() -> new SosFilter(Butterworth.bandPass(4, 70, 150, 2000), CHANNELS), "sos");
        assertBlockInvariant(() -> new SosFilter(Notch.comb(50, 30, 250, 2000), CHANNELS), "notch comb");
        assertBlockInvariant(() -> new FirFilter(Fir.lowPass(31, 100, Window.HAMMING, 2000), CHANNELS), "fir direct");
        assertBlockInvariant(() -> new FirFilter(Fir.bandPass(201, 70, 150, Window.kaiser(8.6), 2000), CHANNELS),
                "fir overlap-save");
        assertBlockInvariant(() -> new CommonAverageReference(CHANNELS), "car");
    }

    @Test
    void overlapSaveEqualsDirectConvolution() {
        Fir fir = Fir.bandPass(201, 70, 150, Window.kaiser(8.6), 2000);
        double[] x = noise(4);
        double[] fast = new FirFilter(fir, CHANNELS).processInPlace(x.clone(), SAMPLES);
        double[] h = fir.taps();
        for (int s = 0; s < SAMPLES; s += 997) {
            for (int c = 0; c < CHANNELS; c++) {
                double direct = 0;
                for (int k = 0; k < h.length && k <= s; k++) {
                    direct += h[k] * x[(s - k) * CHANNELS + c];
                }
                assertEquals(direct, fast[s * CHANNELS + c], 1e-9 * (1 + Math.abs(direct)), "sample " + s);
            }
        }
    }

    @Test
    void decimatorIsBlockInvariantToo() {
        double[] x = noise(2);
        Decimator whole = new Decimator(5, CHANNELS, 2000);
        double[] expected = new double[(SAMPLES / 5 + 1) * CHANNELS];
        int n = whole.process(x, SAMPLES, expected);
        assertEquals(SAMPLES / 5, n);
        Decimator pieces = new Decimator(5, CHANNELS, 2000);
        double[] got = new double[expected.length];
        double[] in = new double[4096 * CHANNELS];
        double[] out = new double[1000 * CHANNELS];
        int done = 0;
        int produced = 0;
        for (int size : StreamingGoldenTest.randomBlockSizes(9, SAMPLES, 4096)) {
            System.arraycopy(x, done * CHANNELS, in, 0, size * CHANNELS);
            int k = pieces.process(in, size, out);
            System.arraycopy(out, 0, got, produced * CHANNELS, k * CHANNELS);
            produced += k;
            done += size;
        }
        assertEquals(n, produced);
        for (int i = 0; i < n * CHANNELS; i++) {
            assertEquals(expected[i], got[i], 1e-9 * (1 + Math.abs(expected[i])));
        }
    }

    @Test
    void resetForgetsHistory() {
        double[] x = noise(3);
        SosFilter filter = new SosFilter(Butterworth.lowPass(4, 40, 1000), CHANNELS);
        double[] first = filter.processInPlace(x.clone(), SAMPLES);
        filter.reset();
        double[] again = filter.processInPlace(x.clone(), SAMPLES);
        assertArrayEquals(first, again, 0);
    }

    @Test
    void aNonFiniteSampleCostsOneOutputAndIsCounted() {
        double[] x = noise(5);
        double[] clean = new SosFilter(Butterworth.lowPass(2, 40, 1000), CHANNELS).processInPlace(x.clone(), SAMPLES);
        double[] bad = x.clone();
        bad[100 * CHANNELS + 2] = Double.NaN;
        bad[200 * CHANNELS + 2] = Double.POSITIVE_INFINITY;
        SosFilter filter = new SosFilter(Butterworth.lowPass(2, 40, 1000), CHANNELS);
        double[] y = filter.processInPlace(bad, SAMPLES);
        assertEquals(2, filter.nonFiniteInputs());
        assertTrue(Double.isNaN(y[100 * CHANNELS + 2]) && Double.isNaN(y[200 * CHANNELS + 2]));
        assertTrue(Double.isFinite(y[101 * CHANNELS + 2]), "the channel recovers at the next sample");
        assertEquals(clean[100 * CHANNELS + 1], y[100 * CHANNELS + 1], 0, "other channels are untouched");
        for (int s = 0; s < SAMPLES; s++) {
            assertTrue(s == 100 || s == 200 || Double.isFinite(y[s * CHANNELS + 2]), "finite at " + s);
        }

        FirFilter fir = new FirFilter(Fir.lowPass(21, 40, Window.HAMMING, 1000), CHANNELS);
        double[] z = fir.processInPlace(bad.clone(), SAMPLES);
        assertEquals(2, fir.nonFiniteInputs());
        for (int s = 100; s < 121; s++) {
            assertTrue(Double.isNaN(z[s * CHANNELS + 2]), "an FIR output whose window holds the NaN is NaN: " + s);
        }
        assertTrue(Double.isFinite(z[121 * CHANNELS + 2]), "and later outputs recover");

        CommonAverageReference car = new CommonAverageReference(CHANNELS);
        double[] r = car.processInPlace(bad.clone(), SAMPLES);
        assertTrue(Double.isNaN(r[100 * CHANNELS + 2]));
        assertTrue(Double.isFinite(r[100 * CHANNELS + 1]), "the mean leaves the bad value out");
        assertEquals(2, car.nonFiniteInputs());
    }

    @Test
    void carExcludesBadChannelsFromTheMean() {
        double[] x = {1, 2, 3, 1000};
        CommonAverageReference car = new CommonAverageReference(4);
        car.setExcluded(3);
        car.processInPlace(x, 1);
        assertArrayEquals(new double[] {-1, 0, 1, 998}, x, 1e-12);
        assertEquals("common average reference over 3 of 4 channels (excluding [3])", car.toString());
        assertEquals("at least 2 channels must stay in the average (with one, it subtracts the signal from itself); "
                + "1 of 2 were marked bad", assertThrows(IllegalArgumentException.class,
                        () -> new CommonAverageReference(2).setExcluded(0)).getMessage());
        assertEquals("a common average needs at least 2 channels (with one, it subtracts the signal from itself), "
                + "got 1", assertThrows(IllegalArgumentException.class, () -> new CommonAverageReference(1))
                        .getMessage());
        assertEquals("bad channel index must be in [0, 3], got 4", assertThrows(IllegalArgumentException.class,
                () -> car.setExcluded(4)).getMessage());
    }

    @Test
    void blockArgumentsAreChecked() {
        SosFilter filter = new SosFilter(Butterworth.lowPass(2, 40, 1000), 4);
        assertEquals("a block of 10 samples x 4 channels needs 40 values, got in 39 and out 39",
                assertThrows(IllegalArgumentException.class, () -> filter.process(new double[39], new double[39], 10))
                        .getMessage());
        assertEquals("factor must be in [2, 100], got 1", assertThrows(IllegalArgumentException.class,
                () -> new Decimator(1, 4, 1000)).getMessage());
        assertEquals("IIR 4th-order Butterworth low-pass (40.0) Hz, causal, 4 channels",
                new SosFilter(Butterworth.lowPass(4, 40, 1000), 4).toString());
    }
}
