package org.naoyu.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.naoyu.dsp.design.Notch;
import org.naoyu.dsp.design.SecondOrderSections;

class ZeroPhaseGoldenTest {
    private static final double TOLERANCE = 1e-9;

    @ParameterizedTest
    @ValueSource(strings = {"synthetic", "eeg"})
    void sosfiltfilt(String label) {
        double[] x = Golden.vector("signal_" + label);
        double[] y = ZeroPhase.sosfiltfilt(SecondOrderSections.of(Golden.matrix("sos_" + label)), x);
        Golden.assertClose(Golden.vector("sosfiltfilt_" + label), y, TOLERANCE, "sosfiltfilt " + label);
    }

    @ParameterizedTest
    @ValueSource(strings = {"synthetic", "eeg"})
    void notchFiltfilt(String label) {
        double[] x = Golden.vector("signal_" + label);
        double[] y = ZeroPhase.sosfiltfilt(Notch.at(50, 30, Golden.scalar("rate_" + label)), x);
        Golden.assertClose(Golden.vector("notch_filtfilt_" + label), y, TOLERANCE, "filtfilt(iirnotch) " + label);
    }

    @ParameterizedTest
    @ValueSource(strings = {"synthetic", "eeg"})
    void hilbert(String label) {
        double[] x = Golden.vector("signal_" + label);
        double[] z = ZeroPhase.analytic(x);
        double[] re = new double[x.length];
        double[] im = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            re[i] = z[2 * i];
            im[i] = z[2 * i + 1];
        }
        Golden.assertClose(Golden.vector("hilbert_re_" + label), re, TOLERANCE, "hilbert real " + label);
        Golden.assertClose(Golden.vector("hilbert_im_" + label), im, TOLERANCE, "hilbert imag " + label);
    }

    @Test
    void oddLengthsAndRefusals() {
        double[] x = new double[101];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.cos(2 * Math.PI * 10 * i / 101.0);
        }
        double[] envelope = ZeroPhase.amplitude(x);
        for (double v : envelope) {
            assertEquals(1.0, v, 1e-9, "a whole-period cosine has a flat envelope");
        }
        assertEquals("the signal must be longer than the padding of 9 samples that zero-phase filtering with 1 "
                + "sections needs, got 5", assertThrows(IllegalArgumentException.class,
                        () -> ZeroPhase.sosfiltfilt(Notch.at(50, 30, 1000), new double[5])).getMessage());
        double[] gap = new double[100];
        gap[40] = Double.NaN;
        assertEquals("sample 40 is NaN; offline filtering needs finite samples (interpolate or cut the gap first)",
                assertThrows(IllegalArgumentException.class, () -> ZeroPhase.amplitude(gap)).getMessage());
    }
}
