package org.naoyu.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.naoyu.dsp.design.Fir;
import org.naoyu.dsp.design.Notch;
import org.naoyu.dsp.design.SecondOrderSections;

/** The causal stages against SciPy on a synthetic signal and on real EEG, three channels at once. */
class StreamingGoldenTest {
    private static final double TOLERANCE = 1e-9;

    @ParameterizedTest
    @ValueSource(strings = {"synthetic", "eeg"})
    void sosfilt(String label) {
        double[] x = Golden.vector("signal_" + label);
        SosFilter filter = new SosFilter(SecondOrderSections.of(Golden.matrix("sos_" + label)), 3);
        double[] y = channel(filter, x, 0);
        Golden.assertClose(Golden.vector("sosfilt_" + label), y, TOLERANCE, "sosfilt " + label);
    }

    @ParameterizedTest
    @ValueSource(strings = {"synthetic", "eeg"})
    void sosfiltFromSteadyState(String label) {
        double[] x = Golden.vector("signal_" + label);
        SosFilter filter = new SosFilter(SecondOrderSections.of(Golden.matrix("sos_" + label)), 3);
        filter.startAtSteadyState(new double[] {x[0], 2 * x[0], -x[0]}, 0);
        Golden.assertClose(Golden.vector("sosfilt_zi_" + label), channel(filter, x, 0), TOLERANCE, "zi " + label);
    }

    @ParameterizedTest
    @ValueSource(strings = {"synthetic", "eeg"})
    void notchAsLfilter(String label) {
        double[] x = Golden.vector("signal_" + label);
        double fs = Golden.scalar("rate_" + label);
        SosFilter notch = new SosFilter(Notch.at(50, 30, fs), 3);
        Golden.assertClose(Golden.vector("notch_lfilter_" + label), channel(notch, x, 0), TOLERANCE, "notch " + label);
    }

    @ParameterizedTest
    @ValueSource(strings = {"synthetic", "eeg"})
    void firAsLfilter(String label) {
        double[] x = Golden.vector("signal_" + label);
        FirFilter fir = new FirFilter(Fir.of(Golden.vector("firwin_" + label)), 3);
        Golden.assertClose(Golden.vector("fir_lfilter_" + label), channel(fir, x, 0), TOLERANCE, "fir " + label);
    }

    @ParameterizedTest
    @ValueSource(strings = {"synthetic", "eeg"})
    void longFirThroughOverlapSave(String label) {
        double[] x = Golden.vector("signal_" + label);
        FirFilter fir = new FirFilter(Fir.of(Golden.vector("firwin201_" + label)), 3);
        assertTrue(fir.toString().endsWith("overlap-save FFT"), fir.toString());
        Golden.assertClose(Golden.vector("fir201_lfilter_" + label), channel(fir, x, 0), TOLERANCE, "fir201 " + label);
    }

    @ParameterizedTest
    @ValueSource(strings = {"synthetic", "eeg"})
    void decimateByFour(String label) {
        double[] x = Golden.vector("signal_" + label);
        Decimator decimator = new Decimator(4, 3, Golden.scalar("rate_" + label));
        double[] block = interleave(x);
        double[] out = new double[(x.length / 4 + 1) * 3];
        int produced = decimator.process(block, x.length, out);
        double[] expected = Golden.vector("decimate4_" + label);
        assertEquals(expected.length, produced);
        double[] first = new double[produced];
        double[] third = new double[produced];
        for (int s = 0; s < produced; s++) {
            first[s] = out[s * 3];
            third[s] = -out[s * 3 + 2];
        }
        Golden.assertClose(expected, first, TOLERANCE, "decimate " + label);
        Golden.assertClose(expected, third, TOLERANCE, "decimate " + label + ", channel 3");
    }

    /** Runs x, 2x and −x through a three-channel filter in one block; checks the channels agree; returns channel 0. */
    static double[] channel(BlockFilter filter, double[] x, int unused) {
        double[] block = interleave(x);
        filter.processInPlace(block, x.length);
        double[] y = new double[x.length];
        for (int s = 0; s < x.length; s++) {
            y[s] = block[s * 3];
            assertEquals(2 * y[s], block[s * 3 + 1], 1e-9 * (1 + Math.abs(y[s])), "channel 2 is twice channel 1");
            assertEquals(-y[s], block[s * 3 + 2], 1e-9 * (1 + Math.abs(y[s])), "channel 3 is minus channel 1");
        }
        return y;
    }

    static double[] interleave(double[] x) {
        double[] block = new double[x.length * 3];
        for (int s = 0; s < x.length; s++) {
            block[s * 3] = x[s];
            block[s * 3 + 1] = 2 * x[s];
            block[s * 3 + 2] = -x[s];
        }
        return block;
    }

    static int[] randomBlockSizes(long seed, int total, int max) {
        Random random = new Random(seed);
        int[] sizes = new int[total];
        int n = 0;
        for (int done = 0; done < total; n++) {
            sizes[n] = Math.min(total - done, 1 + random.nextInt(max));
            done += sizes[n];
        }
        assertTrue(n > 1);
        return java.util.Arrays.copyOf(sizes, n);
    }
}
