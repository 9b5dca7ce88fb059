package org.naoyu.speller.session;

/**
 * The last few seconds of raw signal, sample-major, for the operator's traces and the channel-quality map. The session
 * thread appends every block; readers on other threads copy out what they draw. Fixed size: appending never
 * allocates.
 */
final class SignalRing {
    private final int channels;
    private final int capacity;
    private final double[] data;
    private long written;

    SignalRing(int channels, int capacitySamples) {
        this.channels = channels;
        this.capacity = capacitySamples;
        this.data = new double[channels * capacitySamples];
    }

    synchronized void append(double[] block, int samples) {
        for (int s = 0; s < samples; s++) {
            int at = (int) ((written + s) % capacity);
            System.arraycopy(block, s * channels, data, at * channels, channels);
        }
        written += samples;
    }

    /** Samples held now (at most the capacity). */
    synchronized int available() {
        return (int) Math.min(written, capacity);
    }

    /** The last {@code samples} samples of every channel, oldest first, sample-major; fewer if fewer are held. */
    synchronized double[] last(int samples) {
        int n = (int) Math.min(samples, Math.min(written, capacity));
        double[] out = new double[n * channels];
        for (int s = 0; s < n; s++) {
            int at = (int) ((written - n + s) % capacity);
            System.arraycopy(data, at * channels, out, s * channels, channels);
        }
        return out;
    }

    /**
     * The last {@code samples} samples of one channel averaged in bins of {@code bin} samples (oldest first): a trace
     * to draw, without copying the other channels.
     */
    synchronized double[] trace(int channel, int samples, int bin) {
        int n = (int) Math.min(samples, Math.min(written, capacity)) / bin * bin;
        double[] out = new double[n / bin];
        for (int b = 0; b < out.length; b++) {
            double sum = 0;
            for (int k = 0; k < bin; k++) {
                int at = (int) ((written - n + b * bin + k) % capacity);
                sum += data[at * channels + channel];
            }
            out[b] = sum / bin;
        }
        return out;
    }
}
