package org.naoyu.dsp;

import java.util.HashMap;
import java.util.Map;
import org.jtransforms.fft.DoubleFFT_1D;
import org.naoyu.dsp.design.Fir;

/**
 * A causal FIR filter over every channel (SciPy's {@code lfilter(taps, 1, x)}). Short filters convolve directly,
 * across channels in the inner loop; filters of more than {@value #DIRECT_MAX_TAPS} taps use overlap-save FFT
 * convolution on JTransforms, one transform per channel and block, with the same output to rounding. Either way no
 * delay is added beyond the filter's own ({@code (taps − 1) / 2} samples for a linear-phase design).
 *
 * <p>A non-finite input sample makes that channel's output NaN for the {@code taps} samples it influences, since an
 * FIR's output is a window of its input; it enters the history as 0 so later outputs recover, and is counted.
 */
public final class FirFilter implements BlockFilter {
    static final int DIRECT_MAX_TAPS = 64;

    private final Fir fir;
    private final double[] taps;
    private final int channels;
    private final SampleHistory history;
    private final int[] poisonedFor;
    /** Sample-major indices in the current block of non-finite inputs (read before the output overwrites them). */
    private int[] badPositions = new int[16];
    private int badCount;
    private long nonFinite;
    /** FFT plans and the filter's spectrum, per transform size. */
    private final Map<Integer, double[]> spectra = new HashMap<>();
    private final Map<Integer, DoubleFFT_1D> plans = new HashMap<>();
    private double[] work = new double[0];
    private int lastSize;
    private DoubleFFT_1D lastPlan;
    private double[] lastSpectrum;

    public FirFilter(Fir fir, int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        this.fir = fir;
        this.taps = fir.taps();
        this.channels = channels;
        this.history = new SampleHistory(channels, taps.length - 1);
        this.poisonedFor = new int[channels];
    }

    @Override
    public void process(double[] in, double[] out, int samples) {
        BlockFilter.checkBlock(in, out, samples, channels);
        if (samples == 0) {
            return;
        }
        history.append(in, samples);
        boolean guarded = BlockFilter.anyNonFinite(in, samples * channels);
        badCount = 0;
        if (guarded) {
            markNonFinite(samples);
        }
        if (taps.length <= DIRECT_MAX_TAPS) {
            direct(out, samples);
        } else {
            overlapSave(out, samples);
        }
        if (guarded || anyPoisoned()) {
            applyPoison(out, samples);
        }
        history.shift();
    }

    private void direct(double[] out, int samples) {
        double[] x = history.array();
        int keep = taps.length - 1;
        for (int s = 0; s < samples; s++) {
            convolveAt(taps, x, keep + s, channels, out, s * channels);
        }
    }

    /**
     * One output sample of every channel: {@code out[base + c] = Σ_k taps[k] · x[(at − k) · channels + c]}, with
     * {@code x} sample-major history (the decimator computes only the samples it keeps with the same sum).
     */
    static void convolveAt(double[] taps, double[] x, int at, int channels, double[] out, int base) {
        java.util.Arrays.fill(out, base, base + channels, 0);
        for (int k = 0; k < taps.length; k++) {
            double h = taps[k];
            int from = (at - k) * channels;
            for (int c = 0; c < channels; c++) {
                out[base + c] += h * x[from + c];
            }
        }
    }

    private void overlapSave(double[] out, int samples) {
        int length = taps.length - 1 + samples;
        int size = Integer.highestOneBit(Math.max(2, length - 1)) << 1;
        if (size != lastSize) { // blocks of one size reuse the plan without a map lookup (no boxing per block)
            DoubleFFT_1D plan = plans.computeIfAbsent(size, DoubleFFT_1D::new);
            lastSpectrum = spectra.computeIfAbsent(size, n -> {
                double[] h = new double[n];
                System.arraycopy(taps, 0, h, 0, taps.length);
                plan.realForward(h);
                return h;
            });
            lastPlan = plan;
            lastSize = size;
        }
        DoubleFFT_1D plan = lastPlan;
        double[] spectrum = lastSpectrum;
        if (work.length < size) {
            work = new double[size];
        }
        double[] x = history.array();
        int keep = taps.length - 1;
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < length; i++) {
                work[i] = x[i * channels + c];
            }
            java.util.Arrays.fill(work, length, size, 0);
            plan.realForward(work);
            multiplyPacked(work, spectrum, size);
            plan.realInverse(work, true);
            for (int s = 0; s < samples; s++) {
                out[s * channels + c] = work[keep + s];
            }
        }
    }

    /** Multiplies two spectra in JTransforms' packed real layout: [Re0, Re(n/2), Re1, Im1, Re2, Im2, …]. */
    static void multiplyPacked(double[] a, double[] b, int n) {
        a[0] *= b[0];
        a[1] *= b[1];
        for (int k = 2; k < n; k += 2) {
            double re = a[k] * b[k] - a[k + 1] * b[k + 1];
            double im = a[k] * b[k + 1] + a[k + 1] * b[k];
            a[k] = re;
            a[k + 1] = im;
        }
    }

    private void markNonFinite(int samples) {
        double[] x = history.array();
        int keep = taps.length - 1;
        badCount = 0;
        for (int s = 0; s < samples; s++) {
            for (int c = 0; c < channels; c++) {
                int i = (keep + s) * channels + c;
                if (!Double.isFinite(x[i])) {
                    history.zero(i);
                    nonFinite++;
                    if (badCount == badPositions.length) {
                        badPositions = java.util.Arrays.copyOf(badPositions, 2 * badCount);
                    }
                    badPositions[badCount++] = s * channels + c;
                }
            }
        }
    }

    private boolean anyPoisoned() {
        for (int p : poisonedFor) {
            if (p > 0) {
                return true;
            }
        }
        return false;
    }

    /** Outputs whose window holds a non-finite input are NaN. */
    private void applyPoison(double[] out, int samples) {
        int next = 0;
        for (int s = 0; s < samples; s++) {
            for (int c = 0; c < channels; c++) {
                int i = s * channels + c;
                if (next < badCount && badPositions[next] == i) {
                    poisonedFor[c] = taps.length;
                    next++;
                }
                if (poisonedFor[c] > 0) {
                    out[i] = Double.NaN;
                    poisonedFor[c]--;
                }
            }
        }
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public void reset() {
        history.clear();
        java.util.Arrays.fill(poisonedFor, 0);
        nonFinite = 0;
    }

    @Override
    public long nonFiniteInputs() {
        return nonFinite;
    }

    @Override
    public String toString() {
        return fir + ", causal, " + channels + " channels" + (taps.length > DIRECT_MAX_TAPS ? ", overlap-save FFT" : "");
    }
}
