package org.naoyu.dsp;

/**
 * The last {@code keep} samples of every channel followed by the current block, sample-major, in one growing array:
 * what a causal FIR needs to reach back across block boundaries. Grows only when a larger block arrives.
 */
final class SampleHistory {
    private final int channels;
    private final int keep;
    private double[] buffer;
    private int filled;

    SampleHistory(int channels, int keep) {
        this.channels = channels;
        this.keep = keep;
        this.buffer = new double[(keep + 256) * channels];
        this.filled = keep; // zeros before the first sample, as lfilter assumes
    }

    /** Appends a block; afterwards sample {@code s} of the block is at {@code (keep + s) · channels} in {@link #array}. */
    void append(double[] in, int samples) {
        int needed = (keep + samples) * channels;
        if (buffer.length < needed) {
            double[] grown = new double[needed];
            System.arraycopy(buffer, 0, grown, 0, keep * channels);
            buffer = grown;
        }
        System.arraycopy(in, 0, buffer, keep * channels, samples * channels);
        filled = keep + samples;
    }

    /** Keeps the last {@code keep} samples for the next block. */
    void shift() {
        if (keep > 0) {
            System.arraycopy(buffer, (filled - keep) * channels, buffer, 0, keep * channels);
        }
        filled = keep;
    }

    /** Replaces a non-finite value at {@code index} of the array by 0 (callers report it). */
    void zero(int index) {
        buffer[index] = 0;
    }

    double[] array() {
        return buffer;
    }

    void clear() {
        java.util.Arrays.fill(buffer, 0);
        filled = keep;
    }
}
