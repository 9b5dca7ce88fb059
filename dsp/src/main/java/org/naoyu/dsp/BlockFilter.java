package org.naoyu.dsp;

/**
 * A streaming stage over blocks of multichannel samples, laid out sample-major ({@code x[s · channels + c]}) as
 * amplifiers deliver them. It owns its state, accepts any block size (1 sample or many seconds) with the same result,
 * and does not allocate per sample.
 *
 * <p>Non-finite input (NaN, ±∞, a dropped sample or a broken channel) is a stated policy, never silent corruption: the
 * output of that channel at that sample is NaN, the channel's filter state is left as it was before the sample (so the
 * channel recovers at the next finite sample instead of turning NaN for ever), and {@link #nonFiniteInputs()} counts
 * such samples for quality reports.
 */
public interface BlockFilter {
    /**
     * Filters {@code samples} samples from {@code in} into {@code out}; both hold at least
     * {@code samples × channels()} values and may be the same array.
     */
    void process(double[] in, double[] out, int samples);

    /** Channels per sample. */
    int channels();

    /** Forgets all history, as if newly made. */
    default void reset() {
    }

    /** Non-finite input samples met so far (channel-samples). */
    default long nonFiniteInputs() {
        return 0;
    }

    /** Filters a block in place; returns it. */
    default double[] processInPlace(double[] block, int samples) {
        process(block, block, samples);
        return block;
    }

    /** Checks a call's arguments: message names the sizes. */
    static void checkBlock(double[] in, double[] out, int samples, int channels) {
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be >= 0, got " + samples);
        }
        long needed = (long) samples * channels;
        if (in.length < needed || out.length < needed) {
            throw new IllegalArgumentException("a block of " + samples + " samples x " + channels + " channels needs "
                    + needed + " values, got in " + in.length + " and out " + out.length);
        }
    }

    /** Checks a call's input: the message names the sizes. */
    static void checkInput(double[] in, int samples, int channels) {
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be >= 0, got " + samples);
        }
        long needed = (long) samples * channels;
        if (in.length < needed) {
            throw new IllegalArgumentException("a block of " + samples + " samples x " + channels + " channels needs "
                    + needed + " values, got " + in.length);
        }
    }

    /** Whether any of the first {@code count} values is NaN or infinite (a vectorisable reduction). */
    static boolean anyNonFinite(double[] x, int count) {
        double probe = 0;
        for (int i = 0; i < count; i++) {
            probe += x[i] * 0.0; // 0 for finite values, NaN for NaN and ±∞
        }
        return probe != 0 || Double.isNaN(probe);
    }
}
