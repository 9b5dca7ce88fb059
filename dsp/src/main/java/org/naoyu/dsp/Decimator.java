package org.naoyu.dsp;

import org.naoyu.dsp.design.Fir;
import org.naoyu.dsp.design.Window;

/**
 * Anti-alias filtering and down-sampling by an integer factor q, causal and streaming: SciPy's
 * {@code decimate(x, q, ftype='fir', zero_phase=False)}, a {@code 20q + 1}-tap Hamming low-pass at the new Nyquist
 * followed by keeping samples 0, q, 2q, … of the filtered signal. Only the kept outputs are computed (a polyphase
 * saving of q). Delay: 10q input samples, i.e. 10 output samples.
 *
 * <p>Non-finite inputs: an output whose window holds one is NaN; the bad value enters the history as 0 and is
 * counted.
 */
public final class Decimator {
    private final int factor;
    private final int channels;
    private final double[] taps;
    private final Fir fir;
    private final SampleHistory history;
    /** Input samples seen so far modulo the factor: where the next kept sample falls. */
    private int phase;
    private final int[] poisonedFor;
    private long nonFinite;

    public Decimator(int factor, int channels, double sampleRateHz) {
        if (factor < 2 || factor > 100) {
            throw new IllegalArgumentException("factor must be in [2, 100], got " + factor);
        }
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        this.factor = factor;
        this.channels = channels;
        this.fir = Fir.lowPass(20 * factor + 1, sampleRateHz / 2 / factor, Window.HAMMING, sampleRateHz);
        this.taps = fir.taps();
        this.history = new SampleHistory(channels, taps.length - 1);
        this.poisonedFor = new int[channels];
    }

    public int factor() {
        return factor;
    }

    /** How many outputs the next {@code samples} inputs make. */
    public int outputCount(int samples) {
        int first = (factor - phase) % factor; // index in the block of the first kept sample
        return samples <= first ? 0 : (samples - first - 1) / factor + 1;
    }

    /**
     * Filters and down-samples {@code samples} input samples (sample-major) into {@code out}; returns how many output
     * samples it wrote ({@link #outputCount}).
     */
    public int process(double[] in, int samples, double[] out) {
        int produced = outputCount(samples);
        BlockFilter.checkInput(in, samples, channels);
        if ((long) produced * channels > out.length) {
            throw new IllegalArgumentException("out must hold " + produced + " samples x " + channels
                    + " channels, has " + out.length + " values");
        }
        history.append(in, samples);
        double[] x = history.array();
        int keep = taps.length - 1;
        boolean guarded = BlockFilter.anyNonFinite(in, samples * channels);
        if (guarded) {
            for (int i = keep * channels; i < (keep + samples) * channels; i++) {
                if (!Double.isFinite(x[i])) {
                    history.zero(i);
                    nonFinite++;
                }
            }
        }
        int o = 0;
        for (int s = (factor - phase) % factor; s < samples; s += factor, o++) {
            FirFilter.convolveAt(taps, x, keep + s, channels, out, o * channels);
        }
        if (guarded || anyPoisoned()) {
            poison(in, samples, out);
        }
        phase = (int) ((phase + (long) samples) % factor);
        history.shift();
        return produced;
    }

    private boolean anyPoisoned() {
        for (int p : poisonedFor) {
            if (p > 0) {
                return true;
            }
        }
        return false;
    }

    private void poison(double[] in, int samples, double[] out) {
        int start = (factor - phase) % factor;
        for (int s = 0, o = 0; s < samples; s++) {
            boolean kept = s >= start && (s - start) % factor == 0;
            for (int c = 0; c < channels; c++) {
                if (!Double.isFinite(in[s * channels + c])) {
                    poisonedFor[c] = taps.length;
                }
                if (poisonedFor[c] > 0) {
                    if (kept) {
                        out[o * channels + c] = Double.NaN;
                    }
                    poisonedFor[c]--;
                }
            }
            o += kept ? 1 : 0;
        }
    }

    public int channels() {
        return channels;
    }

    public void reset() {
        history.clear();
        phase = 0;
        java.util.Arrays.fill(poisonedFor, 0);
        nonFinite = 0;
    }

    public long nonFiniteInputs() {
        return nonFinite;
    }

    /** Delay of the anti-alias filter, in input samples. */
    public double delaySamples() {
        return fir.delaySamples();
    }

    @Override
    public String toString() {
        return "decimation by " + factor + " after a " + fir + ", causal, " + channels + " channels";
    }
}
