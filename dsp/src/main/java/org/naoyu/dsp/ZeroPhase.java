package org.naoyu.dsp;

import org.jtransforms.fft.DoubleFFT_1D;
import org.naoyu.dsp.design.SecondOrderSections;

/**
 * Offline, whole-signal operations for training and analysis, on one channel at a time: forward-backward IIR
 * filtering with SciPy's padding rules ({@code sosfiltfilt}: odd extension by 3 × (2·sections + 1) samples, each
 * pass started at steady state), and the analytic signal by FFT ({@code scipy.signal.hilbert}). Zero phase, so not
 * causal: they see the future and have no place in the online chain.
 */
public final class ZeroPhase {
    private ZeroPhase() {
    }

    /** SciPy's {@code sosfiltfilt(sos, x)}. */
    public static double[] sosfiltfilt(SecondOrderSections sos, double[] x) {
        int edge = sos.filtfiltPadLength();
        if (x.length <= edge) {
            throw new IllegalArgumentException("the signal must be longer than the padding of " + edge
                    + " samples that zero-phase filtering with " + sos.sectionCount() + " sections needs, got "
                    + x.length);
        }
        requireFinite(x);
        double[] ext = new double[x.length + 2 * edge];
        for (int i = 0; i < edge; i++) {
            ext[i] = 2 * x[0] - x[edge - i];
            ext[edge + x.length + i] = 2 * x[x.length - 1] - x[x.length - 2 - i];
        }
        System.arraycopy(x, 0, ext, edge, x.length);
        SosFilter forward = new SosFilter(sos, 1);
        forward.startAtSteadyState(ext, 0);
        forward.processInPlace(ext, ext.length);
        reverse(ext);
        SosFilter backward = new SosFilter(sos, 1);
        backward.startAtSteadyState(ext, 0);
        backward.processInPlace(ext, ext.length);
        reverse(ext);
        return java.util.Arrays.copyOfRange(ext, edge, edge + x.length);
    }

    /**
     * The analytic signal x + i·H(x) by FFT, as {@code scipy.signal.hilbert}: the spectrum's negative frequencies
     * zeroed and the positive ones doubled. Returns {@code [re0, im0, re1, im1, …]}.
     */
    public static double[] analytic(double[] x) {
        int n = x.length;
        if (n == 0) {
            return new double[0];
        }
        requireFinite(x);
        double[] spectrum = new double[2 * n];
        for (int i = 0; i < n; i++) {
            spectrum[2 * i] = x[i];
        }
        DoubleFFT_1D fft = new DoubleFFT_1D(n);
        fft.complexForward(spectrum);
        for (int k = 1; k < n; k++) {
            double h = (n % 2 == 0 && k == n / 2) ? 1 : k < (n + 1) / 2 ? 2 : 0;
            spectrum[2 * k] *= h;
            spectrum[2 * k + 1] *= h;
        }
        fft.complexInverse(spectrum, true);
        return spectrum;
    }

    /** |analytic(x)|: the instantaneous amplitude (envelope). */
    public static double[] amplitude(double[] x) {
        double[] z = analytic(x);
        double[] a = new double[x.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.hypot(z[2 * i], z[2 * i + 1]);
        }
        return a;
    }

    private static void requireFinite(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("sample " + i + " is " + x[i] + "; offline filtering needs finite "
                        + "samples (interpolate or cut the gap first)");
            }
        }
    }

    private static void reverse(double[] x) {
        for (int i = 0, j = x.length - 1; i < j; i++, j--) {
            double t = x[i];
            x[i] = x[j];
            x[j] = t;
        }
    }
}
