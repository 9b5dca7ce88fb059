package org.naoyu.dsp.design;

import java.util.Arrays;
import java.util.Locale;

/**
 * Linear-phase FIR filters by the window method, as SciPy's {@code firwin(numtaps, cutoff, window=..., pass_zero=...,
 * fs=...)}: an ideal response of sinc pieces, windowed, and scaled to unit gain at the centre of the first pass band
 * (0 Hz for a low-pass, Nyquist for a high-pass). The delay is {@code (taps − 1) / 2} samples at every frequency.
 */
public final class Fir {
    public static final int MAX_TAPS = 1 << 16;

    private final double[] taps;
    private final String description;

    private Fir(double[] taps, String description) {
        this.taps = taps;
        this.description = description;
    }

    /** A filter with given taps (an impulse response), e.g. read from a file. */
    public static Fir of(double[] taps) {
        if (taps.length == 0) {
            throw new IllegalArgumentException("an FIR filter needs at least one tap");
        }
        return new Fir(taps.clone(), "FIR, " + taps.length + " given taps");
    }

    public static Fir lowPass(int taps, double cornerHz, Window window, double sampleRateHz) {
        return design(taps, new double[] {cornerHz}, true, window, sampleRateHz, "low-pass");
    }

    public static Fir highPass(int taps, double cornerHz, Window window, double sampleRateHz) {
        return design(taps, new double[] {cornerHz}, false, window, sampleRateHz, "high-pass");
    }

    public static Fir bandPass(int taps, double lowHz, double highHz, Window window, double sampleRateHz) {
        return design(taps, new double[] {lowHz, highHz}, false, window, sampleRateHz, "band-pass");
    }

    public static Fir bandStop(int taps, double lowHz, double highHz, Window window, double sampleRateHz) {
        return design(taps, new double[] {lowHz, highHz}, true, window, sampleRateHz, "band-stop");
    }

    private static Fir design(int count, double[] cutoffsHz, boolean passZero, Window window, double sampleRateHz,
            String kind) {
        if (count < 1 || count > MAX_TAPS) {
            throw new IllegalArgumentException("taps must be in [1, " + MAX_TAPS + "], got " + count);
        }
        Checks.sampleRate(sampleRateHz);
        double nyquist = sampleRateHz / 2;
        double[] cutoff = new double[cutoffsHz.length];
        for (int i = 0; i < cutoff.length; i++) {
            Checks.belowNyquist(cutoffsHz.length == 1 ? "cornerHz" : i == 0 ? "lowHz" : "highHz", cutoffsHz[i],
                    sampleRateHz);
            cutoff[i] = cutoffsHz[i] / nyquist;
            if (i > 0 && !(cutoff[i] > cutoff[i - 1])) {
                throw new IllegalArgumentException("lowHz must be below highHz, got " + cutoffsHz[i - 1] + " and "
                        + cutoffsHz[i]);
            }
        }
        boolean passNyquist = (cutoff.length % 2 == 0) == passZero;
        if (passNyquist && count % 2 == 0) {
            throw new IllegalArgumentException("a " + kind + " FIR passes Nyquist and so needs an odd number of taps, "
                    + "got " + count);
        }
        double[] edges = new double[cutoff.length + (passZero ? 1 : 0) + (passNyquist ? 1 : 0)];
        int e = 0;
        if (passZero) {
            edges[e++] = 0;
        }
        for (double c : cutoff) {
            edges[e++] = c;
        }
        if (passNyquist) {
            edges[e] = 1;
        }
        double alpha = 0.5 * (count - 1);
        double[] h = new double[count];
        for (int n = 0; n < count; n++) {
            double m = n - alpha;
            for (int j = 0; j < edges.length; j += 2) {
                h[n] += edges[j + 1] * sinc(edges[j + 1] * m) - edges[j] * sinc(edges[j] * m);
            }
        }
        double[] w = window.values(count);
        for (int n = 0; n < count; n++) {
            h[n] *= w[n];
        }
        double left = edges[0];
        double right = edges[1];
        double scaleFrequency = left == 0 ? 0 : right == 1 ? 1 : 0.5 * (left + right);
        double sum = 0;
        for (int n = 0; n < count; n++) {
            sum += h[n] * Math.cos(Math.PI * (n - alpha) * scaleFrequency);
        }
        for (int n = 0; n < count; n++) {
            h[n] /= sum;
        }
        StringBuilder corners = new StringBuilder();
        for (double hz : cutoffsHz) {
            corners.append(corners.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", hz));
        }
        return new Fir(h, String.format(Locale.ROOT, "FIR %d-tap %s (%s) Hz, %s window, delay %.1f samples", count,
                kind, corners, window, alpha));
    }

    private static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        double y = Math.PI * x;
        return Math.sin(y) / y;
    }

    public int length() {
        return taps.length;
    }

    /** A copy of the impulse response. */
    public double[] taps() {
        return taps.clone();
    }

    /** The delay of a symmetric (linear-phase) filter, in samples. */
    public double delaySamples() {
        return (taps.length - 1) / 2.0;
    }

    @Override
    public String toString() {
        return description;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fir f && Arrays.equals(taps, f.taps);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(taps);
    }
}
