package org.naoyu.dsp;

import org.naoyu.dsp.design.SecondOrderSections;

/**
 * A causal IIR filter in second-order sections (direct form II transposed, SciPy's {@code sosfilt}) over every channel
 * of a block, each channel with its own state. The inner loop runs across channels, so the JIT vectorises it.
 */
public final class SosFilter implements BlockFilter {
    private final SecondOrderSections sections;
    private final int channels;
    private final double[] b0;
    private final double[] b1;
    private final double[] b2;
    private final double[] a1;
    private final double[] a2;
    /** state[k][0][c], state[k][1][c]: the two delays of section k for channel c. */
    private final double[][] z1;
    private final double[][] z2;
    private final double[] saved1;
    private final double[] saved2;
    private long nonFinite;

    public SosFilter(SecondOrderSections sections, int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        this.sections = sections;
        this.channels = channels;
        int n = sections.sectionCount();
        b0 = new double[n];
        b1 = new double[n];
        b2 = new double[n];
        a1 = new double[n];
        a2 = new double[n];
        for (int k = 0; k < n; k++) {
            b0[k] = sections.coefficient(k, 0);
            b1[k] = sections.coefficient(k, 1);
            b2[k] = sections.coefficient(k, 2);
            a1[k] = sections.coefficient(k, 4);
            a2[k] = sections.coefficient(k, 5);
        }
        z1 = new double[n][channels];
        z2 = new double[n][channels];
        saved1 = new double[n];
        saved2 = new double[n];
    }

    public SecondOrderSections sections() {
        return sections;
    }

    /**
     * Sets every channel's state to the steady state for a constant input equal to {@code firstSample[c]} (SciPy's
     * {@code sosfilt_zi × x[0]}), so a signal with an offset starts without a transient.
     */
    public void startAtSteadyState(double[] firstSample, int offset) {
        if (offset < 0 || firstSample.length < offset + channels) {
            throw new IllegalArgumentException("the first sample needs " + channels + " values from offset " + offset
                    + ", the array has " + firstSample.length);
        }
        double[][] zi = sections.steadyStateInitial();
        for (int k = 0; k < zi.length; k++) {
            for (int c = 0; c < channels; c++) {
                z1[k][c] = zi[k][0] * firstSample[offset + c];
                z2[k][c] = zi[k][1] * firstSample[offset + c];
            }
        }
    }

    @Override
    public void process(double[] in, double[] out, int samples) {
        BlockFilter.checkBlock(in, out, samples, channels);
        if (BlockFilter.anyNonFinite(in, samples * channels)) {
            processGuarded(in, out, samples);
            return;
        }
        int n = b0.length;
        for (int s = 0; s < samples; s++) {
            int base = s * channels;
            if (in != out) {
                System.arraycopy(in, base, out, base, channels);
            }
            for (int k = 0; k < n; k++) {
                double c0 = b0[k];
                double c1 = b1[k];
                double c2 = b2[k];
                double d1 = a1[k];
                double d2 = a2[k];
                double[] s1 = z1[k];
                double[] s2 = z2[k];
                for (int c = 0; c < channels; c++) {
                    double x = out[base + c];
                    double y = c0 * x + s1[c];
                    s1[c] = c1 * x - d1 * y + s2[c];
                    s2[c] = c2 * x - d2 * y;
                    out[base + c] = y;
                }
            }
        }
    }

    /** The slow path for blocks with non-finite values: per channel-sample, keeping state across bad samples. */
    private void processGuarded(double[] in, double[] out, int samples) {
        int n = b0.length;
        for (int s = 0; s < samples; s++) {
            for (int c = 0; c < channels; c++) {
                int i = s * channels + c;
                double x = in[i];
                if (!Double.isFinite(x)) {
                    out[i] = Double.NaN;
                    nonFinite++;
                    continue;
                }
                for (int k = 0; k < n; k++) {
                    saved1[k] = z1[k][c];
                    saved2[k] = z2[k][c];
                    double y = b0[k] * x + z1[k][c];
                    z1[k][c] = b1[k] * x - a1[k] * y + z2[k][c];
                    z2[k][c] = b2[k] * x - a2[k] * y;
                    x = y;
                }
                if (!Double.isFinite(x)) { // overflow inside the filter: keep the state it had
                    for (int k = 0; k < n; k++) {
                        z1[k][c] = saved1[k];
                        z2[k][c] = saved2[k];
                    }
                    x = Double.NaN;
                    nonFinite++;
                }
                out[i] = x;
            }
        }
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public void reset() {
        for (int k = 0; k < z1.length; k++) {
            java.util.Arrays.fill(z1[k], 0);
            java.util.Arrays.fill(z2[k], 0);
        }
        nonFinite = 0;
    }

    @Override
    public long nonFiniteInputs() {
        return nonFinite;
    }

    @Override
    public String toString() {
        return sections + ", causal, " + channels + " channels";
    }
}
