package org.naoyu.dsp;

import java.util.List;

/**
 * Streaming analytic amplitude in a bank of {@link GaussianBand}s, averaged over the bands: the causal counterpart of
 * {@link BandAmplitude#offline}. Each band is a cascade of {@value #STAGES} identical complex one-pole filters
 * {@code g / (1 − r·e^{iω₀}·z⁻¹)} centred on the band: a causal, analytic (one-sided) filter whose magnitude matches
 * the Gaussian's curvature at the centre (pole radius from {@code b = sd·√STAGES}; within 0.04 of the Gaussian over
 * ±1 sd, heavier tails beyond), so |output| is the band's instantaneous amplitude with no separate Hilbert step.
 * Like the analytic signal, positive frequencies are passed with gain 2 at the centre, so a sine of amplitude A
 * gives A. Cost: 4 complex
 * multiply-adds per band, stage and sample, across channels in the inner loop.
 *
 * <p>Its price is delay: a band of standard deviation σ needs about 1/(π·σ) s to resolve (75-100 ms for the
 * high-gamma bands), measured per band by {@link #groupDelaySeconds}. Non-finite inputs give NaN for that channel and
 * sample, leave the state untouched, and are counted.
 */
public final class AnalyticBank {
    static final int STAGES = 4;

    private final int channels;
    private final List<GaussianBand> bands;
    private final double rate;
    private final double[] poleRe;
    private final double[] poleIm;
    private final double[] gain;
    /** stateRe[band][stage][channel], stateIm likewise. */
    private final double[][][] stateRe;
    private final double[][][] stateIm;
    private final double[] sum;
    private final boolean[] bad;
    private long nonFinite;

    public AnalyticBank(List<GaussianBand> bands, int channels, double sampleRateHz) {
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("a bank needs at least one band");
        }
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        for (GaussianBand band : bands) {
            if (band.centreHz() + 2 * band.sdHz() >= sampleRateHz / 2) {
                throw new IllegalArgumentException("band " + band + " must lie below Nyquist (" + sampleRateHz / 2
                        + " Hz) with two standard deviations to spare");
            }
        }
        this.bands = List.copyOf(bands);
        this.channels = channels;
        this.rate = sampleRateHz;
        int n = bands.size();
        poleRe = new double[n];
        poleIm = new double[n];
        gain = new double[n];
        for (int b = 0; b < n; b++) {
            GaussianBand band = bands.get(b);
            double r = Math.exp(-2 * Math.PI * band.sdHz() * Math.sqrt(STAGES) / sampleRateHz);
            double w = 2 * Math.PI * band.centreHz() / sampleRateHz;
            poleRe[b] = r * Math.cos(w);
            poleIm[b] = r * Math.sin(w);
            gain[b] = 1 - r; // per stage: |1 / (1 − r)| at the centre
        }
        stateRe = new double[n][STAGES][channels];
        stateIm = new double[n][STAGES][channels];
        sum = new double[channels];
        bad = new boolean[channels];
    }

    public List<GaussianBand> bands() {
        return bands;
    }

    public int channels() {
        return channels;
    }

    /**
     * Computes, for every sample and channel, the mean over the bands of the analytic amplitude; writes it to
     * {@code out} (sample-major, may be {@code in}).
     */
    public void process(double[] in, double[] out, int samples) {
        BlockFilter.checkBlock(in, out, samples, channels);
        boolean guarded = BlockFilter.anyNonFinite(in, samples * channels);
        int nb = bands.size();
        double scale = 1.0 / nb;
        for (int s = 0; s < samples; s++) {
            int base = s * channels;
            java.util.Arrays.fill(sum, 0);
            if (guarded) { // read before out (which may be in) is written
                for (int c = 0; c < channels; c++) {
                    bad[c] = !Double.isFinite(in[base + c]);
                }
            }
            for (int b = 0; b < nb; b++) {
                double pr = poleRe[b];
                double pi = poleIm[b];
                double g = gain[b];
                double[] re0 = stateRe[b][0];
                double[] im0 = stateIm[b][0];
                // first stage: real input
                for (int c = 0; c < channels; c++) {
                    double x = in[base + c];
                    if (guarded && bad[c]) {
                        continue;
                    }
                    double yr = 2 * g * x + pr * re0[c] - pi * im0[c]; // ×2: the analytic signal's one-sided gain
                    double yi = pr * im0[c] + pi * re0[c];
                    re0[c] = yr;
                    im0[c] = yi;
                }
                for (int k = 1; k < STAGES; k++) {
                    double[] pre = stateRe[b][k - 1];
                    double[] pim = stateIm[b][k - 1];
                    double[] re = stateRe[b][k];
                    double[] im = stateIm[b][k];
                    for (int c = 0; c < channels; c++) {
                        double yr = g * pre[c] + pr * re[c] - pi * im[c];
                        double yi = g * pim[c] + pr * im[c] + pi * re[c];
                        re[c] = yr;
                        im[c] = yi;
                    }
                }
                double[] re = stateRe[b][STAGES - 1];
                double[] im = stateIm[b][STAGES - 1];
                for (int c = 0; c < channels; c++) {
                    sum[c] += Math.sqrt(re[c] * re[c] + im[c] * im[c]);
                }
            }
            for (int c = 0; c < channels; c++) {
                out[base + c] = sum[c] * scale;
            }
            if (guarded) {
                for (int c = 0; c < channels; c++) {
                    if (bad[c]) {
                        out[base + c] = Double.NaN;
                        nonFinite++;
                    }
                }
            }
        }
    }

    /**
     * Non-finite input samples met (channel-samples). A bad sample skips the first stage's update; the later stages
     * run on, as if the input had repeated its previous filtered value for one sample.
     */
    public long nonFiniteInputs() {
        return nonFinite;
    }

    public void reset() {
        for (int b = 0; b < stateRe.length; b++) {
            for (int k = 0; k < STAGES; k++) {
                java.util.Arrays.fill(stateRe[b][k], 0);
                java.util.Arrays.fill(stateIm[b][k], 0);
            }
        }
        nonFinite = 0;
    }

    /** |H| of band {@code b} at {@code hz}, relative to its centre (where the absolute gain is 2). */
    public double gainAt(int b, double hz) {
        double w = 2 * Math.PI * hz / rate;
        double r = Math.hypot(poleRe[b], poleIm[b]);
        double theta = Math.atan2(poleIm[b], poleRe[b]);
        double dr = 1 - r * Math.cos(w - theta);
        double di = r * Math.sin(w - theta);
        return Math.pow(gain[b] / Math.hypot(dr, di), STAGES);
    }

    /**
     * How long after a step in a band's amplitude its output reaches half the new level, seconds: the envelope of a
     * cascade of {@value #STAGES} one-pole filters rises as the gamma distribution of shape {@value #STAGES}, whose
     * median is 3.672 time constants (a little before the group delay, its mean).
     */
    public double halfRiseSeconds(int b) {
        double r = Math.hypot(poleRe[b], poleIm[b]);
        return 3.6721 / -Math.log(r) / rate;
    }

    /** Group delay of band {@code b} at its centre, seconds: STAGES · r / (1 − r) samples. */
    public double groupDelaySeconds(int b) {
        double r = Math.hypot(poleRe[b], poleIm[b]);
        return STAGES * r / (1 - r) / rate;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "analytic amplitude, mean of %d Gaussian bands %.1f-%.1f Hz "
                + "(%d-stage complex resonators), causal, %d channels", bands.size(), bands.get(0).centreHz(),
                bands.get(bands.size() - 1).centreHz(), STAGES, channels);
    }
}
