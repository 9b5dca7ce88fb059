package org.naoyu.dsp.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.naoyu.dsp.Golden;

/** Every design against SciPy's, coefficient by coefficient (1e-9 of the largest coefficient of its half-section). */
class DesignGoldenTest {
    private static final double TOLERANCE = 1e-9;

    @Test
    void butterworthMatchesScipyForEveryOrderAndKind() {
        int checked = 0;
        for (String name : Golden.names()) {
            if (!name.startsWith("butter_")) {
                continue;
            }
            String[] p = name.split("_");
            int order = Integer.parseInt(p[2]);
            SecondOrderSections ours = switch (p[1]) {
                case "lowpass" -> Butterworth.lowPass(order, Double.parseDouble(p[3]), Double.parseDouble(p[4]));
                case "highpass" -> Butterworth.highPass(order, Double.parseDouble(p[3]), Double.parseDouble(p[4]));
                case "bandpass" -> Butterworth.bandPass(order, Double.parseDouble(p[3]), Double.parseDouble(p[4]),
                        Double.parseDouble(p[5]));
                case "bandstop" -> Butterworth.bandStop(order, Double.parseDouble(p[3]), Double.parseDouble(p[4]),
                        Double.parseDouble(p[5]));
                default -> throw new AssertionError(name);
            };
            assertSections(Golden.matrix(name), ours.coefficients(), name);
            checked++;
        }
        assertEquals(60, checked);
    }

    @Test
    void notchMatchesIirnotch() {
        for (String name : List.of("iirnotch_50_30_2000", "iirnotch_60_10_500", "iirnotch_100_35_1000",
                "iirnotch_150_30_2000")) {
            String[] p = name.split("_");
            double[][] ours = Notch.at(Double.parseDouble(p[1]), Double.parseDouble(p[2]), Double.parseDouble(p[3]))
                    .coefficients();
            assertSections(Golden.matrix(name), ours, name);
        }
    }

    @Test
    void firMatchesFirwin() {
        check("firwin_lowpass_101_40_hamming_1000", Fir.lowPass(101, 40, Window.HAMMING, 1000));
        check("firwin_highpass_51_1_hann_250", Fir.highPass(51, 1, Window.HANN, 250));
        check("firwin_bandpass_201_70_150_kaiser8.6_2000", Fir.bandPass(201, 70, 150, Window.kaiser(8.6), 2000));
        check("firwin_bandstop_101_48_52_hamming_1000", Fir.bandStop(101, 48, 52, Window.HAMMING, 1000));
        check("firwin_lowpass_80_100_kaiser5_2000", Fir.lowPass(80, 100, Window.kaiser(5), 2000));
    }

    @Test
    void steadyStateMatchesSosfiltZi() {
        assertSections(Golden.matrix("sosfilt_zi_bandpass_4_70_150_2000"),
                Butterworth.bandPass(4, 70, 150, 2000).steadyStateInitial(), "sosfilt_zi band-pass");
        assertSections(Golden.matrix("sosfilt_zi_lowpass_6_40_1000"),
                Butterworth.lowPass(6, 40, 1000).steadyStateInitial(), "sosfilt_zi low-pass");
    }

    @Test
    void responsesAreWhatTheNamesSay() {
        SecondOrderSections band = Butterworth.bandPass(4, 70, 150, 2000);
        assertEquals("IIR 8th-order Butterworth band-pass (70.0, 150.0) Hz", band.toString());
        assertEquals(1.0, band.magnitudeAt(Math.sqrt(70 * 150), 2000), 1e-9, "unity gain at the centre");
        assertEquals(Math.sqrt(0.5), band.magnitudeAt(70, 2000), 1e-9, "-3 dB at the corners");
        assertEquals(0.0, Notch.at(50, 30, 2000).magnitudeAt(50, 2000), 1e-12, "a notch removes its frequency");
        SecondOrderSections comb = Notch.comb(50, 30, 250, 2000);
        assertEquals(5, comb.sectionCount(), "50, 100, 150, 200, 250 Hz");
        assertEquals("IIR notch comb at 50.0 Hz and 4 harmonics, Q 30", comb.toString());
        assertEquals(50, Fir.lowPass(101, 40, Window.HAMMING, 1000).delaySamples(), 0);
    }

    @Test
    void badParametersSayWhatIsWrong() {
        assertEquals("order must be in [1, 10], got 12", assertThrows(IllegalArgumentException.class,
                () -> Butterworth.lowPass(12, 40, 1000)).getMessage());
        assertEquals("order must be in [1, 10], got 0", assertThrows(IllegalArgumentException.class,
                () -> Butterworth.highPass(0, 40, 1000)).getMessage());
        assertEquals("cornerHz must be in (0, 500) Hz, below Nyquist for a sampling rate of 1000 Hz, got 600",
                assertThrows(IllegalArgumentException.class, () -> Butterworth.lowPass(4, 600, 1000)).getMessage());
        assertEquals("lowHz must be below highHz, got 150.0 and 70.0", assertThrows(IllegalArgumentException.class,
                () -> Butterworth.bandPass(4, 150, 70, 1000)).getMessage());
        assertEquals("quality (Q) must be in (0, 1000], got 0", assertThrows(IllegalArgumentException.class,
                () -> Notch.at(50, 0, 1000)).getMessage());
        assertEquals("quality (Q) must be in (0, 1000], got -3", assertThrows(IllegalArgumentException.class,
                () -> Notch.at(50, -3, 1000)).getMessage());
        assertEquals("sampleRateHz must be in (0, 1000000] Hz, got NaN", assertThrows(IllegalArgumentException.class,
                () -> Notch.at(50, 30, Double.NaN)).getMessage());
        assertEquals("a high-pass FIR passes Nyquist and so needs an odd number of taps, got 50",
                assertThrows(IllegalArgumentException.class, () -> Fir.highPass(50, 1, Window.HANN, 250))
                        .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Window.kaiser(-1)).getMessage()
                .startsWith("Kaiser beta must be in [0, 50]"));
    }

    private static void check(String name, Fir fir) {
        Golden.assertClose(Golden.vector(name), fir.taps(), TOLERANCE, name);
    }

    private static void assertSections(double[][] expected, double[][] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": sections");
        for (int k = 0; k < expected.length; k++) {
            int half = expected[k].length / 2;
            for (int part = 0; part < expected[k].length / half; part++) {
                double[] e = Arrays.copyOfRange(expected[k], part * half, part * half + half);
                double[] a = Arrays.copyOfRange(actual[k], part * half, part * half + half);
                Golden.assertClose(e, a, TOLERANCE, what + " section " + k + (part == 0 ? " b" : " a"));
            }
        }
    }
}
