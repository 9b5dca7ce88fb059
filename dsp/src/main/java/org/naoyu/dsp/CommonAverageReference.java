package org.naoyu.dsp;

import java.util.Arrays;

/**
 * Common average reference: at every sample, the mean of the good channels is subtracted from every channel (bad
 * ones too, so they stay comparable). Bad channels can be marked while the stream runs — an operator's marking reaches
 * the next block — and never enter the mean. Stateless between samples, so block sizes cannot matter.
 *
 * <p>Non-finite values: a channel whose sample is not finite is left out of that sample's mean (and its own output is
 * NaN); if no good channel is finite, every output of the sample is NaN. Each such value is counted.
 */
public final class CommonAverageReference implements BlockFilter {
    private final int channels;
    /** Swapped whole on change, read once per block: marking from another thread is safe. */
    private volatile boolean[] excluded;
    private long nonFinite;

    public CommonAverageReference(int channels) {
        if (channels < 2) {
            throw new IllegalArgumentException("a common average needs at least 2 channels (with one, it subtracts the "
                    + "signal from itself), got " + channels);
        }
        this.channels = channels;
        this.excluded = new boolean[channels];
    }

    /** Marks the channels left out of the mean (replacing any earlier marking). */
    public void setExcluded(int... badChannels) {
        boolean[] marks = new boolean[channels];
        for (int c : badChannels) {
            if (c < 0 || c >= channels) {
                throw new IllegalArgumentException("bad channel index must be in [0, " + (channels - 1) + "], got "
                        + c);
            }
            marks[c] = true;
        }
        int good = 0;
        for (boolean m : marks) {
            good += m ? 0 : 1;
        }
        if (good < 2) {
            throw new IllegalArgumentException("at least 2 channels must stay in the average (with one, it subtracts the "
                    + "signal from itself); " + (channels - good) + " of " + channels + " were marked bad");
        }
        this.excluded = marks;
    }

    /** The channels left out of the mean. */
    public int[] excluded() {
        boolean[] marks = excluded;
        return java.util.stream.IntStream.range(0, channels).filter(c -> marks[c]).toArray();
    }

    @Override
    public void process(double[] in, double[] out, int samples) {
        BlockFilter.checkBlock(in, out, samples, channels);
        boolean[] marks = excluded;
        boolean guarded = BlockFilter.anyNonFinite(in, samples * channels);
        for (int s = 0; s < samples; s++) {
            int base = s * channels;
            double sum = 0;
            int count = 0;
            for (int c = 0; c < channels; c++) {
                double v = in[base + c];
                if (!marks[c] && (!guarded || Double.isFinite(v))) {
                    sum += v;
                    count++;
                }
            }
            double mean = count > 0 ? sum / count : Double.NaN;
            for (int c = 0; c < channels; c++) {
                out[base + c] = in[base + c] - mean;
            }
            if (guarded) {
                for (int c = 0; c < channels; c++) {
                    if (!Double.isFinite(in[base + c])) {
                        out[base + c] = Double.NaN;
                        nonFinite++;
                    }
                }
            }
        }
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public long nonFiniteInputs() {
        return nonFinite;
    }

    @Override
    public String toString() {
        int[] bad = excluded();
        return "common average reference over " + (channels - bad.length) + " of " + channels + " channels"
                + (bad.length == 0 ? "" : " (excluding " + Arrays.toString(bad) + ")");
    }
}
