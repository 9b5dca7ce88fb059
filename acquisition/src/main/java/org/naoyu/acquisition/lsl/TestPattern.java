package org.naoyu.acquisition.lsl;

import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;

/**
 * The two test-pattern samples an outlet sends at the start of every feed and the inlet checks exactly
 * (lsl-wire-protocol.md §8.1): timestamp 123456.789, channel k = (k + o + base) modulo the type's maximum, negated
 * for odd k, with o = 4 for the first sample and 2 for the second; strings are the text of ±(k + 10).
 */
final class TestPattern {
    static final double TIMESTAMP = 123456.789;
    static final int FIRST_OFFSET = 4;
    static final int SECOND_OFFSET = 2;

    private TestPattern() {
    }

    /** One test-pattern sample as a one-sample chunk. */
    static Chunk sample(ChannelFormat format, int channelCount, int offset) {
        double[] timestamps = {TIMESTAMP};
        return switch (format) {
            case FLOAT32 -> {
                float[] v = new float[channelCount];
                for (int k = 0; k < channelCount; k++) {
                    v[k] = (float) signed(k, k + offset);
                }
                yield Chunk.ofFloat32(channelCount, timestamps, v);
            }
            case DOUBLE64 -> {
                double[] v = new double[channelCount];
                for (int k = 0; k < channelCount; k++) {
                    v[k] = signed(k, k + offset + 16777217L);
                }
                yield Chunk.ofDouble64(channelCount, timestamps, v);
            }
            case INT32 -> {
                int[] v = new int[channelCount];
                for (int k = 0; k < channelCount; k++) {
                    v[k] = (int) signed(k, (k + offset + 65537L) % 2147483647L);
                }
                yield Chunk.ofInt32(channelCount, timestamps, v);
            }
            case INT16 -> {
                short[] v = new short[channelCount];
                for (int k = 0; k < channelCount; k++) {
                    v[k] = (short) signed(k, (k + offset + 257L) % 32767L);
                }
                yield Chunk.ofInt16(channelCount, timestamps, v);
            }
            case INT8 -> {
                byte[] v = new byte[channelCount];
                for (int k = 0; k < channelCount; k++) {
                    v[k] = (byte) signed(k, (k + offset + 1L) % 127L);
                }
                yield Chunk.ofInt8(channelCount, timestamps, v);
            }
            case INT64 -> {
                long[] v = new long[channelCount];
                for (int k = 0; k < channelCount; k++) {
                    v[k] = signed(k, k + offset + 2147483649L);
                }
                yield Chunk.ofInt64(channelCount, timestamps, v);
            }
            case STRING -> {
                String[] v = new String[channelCount];
                for (int k = 0; k < channelCount; k++) {
                    v[k] = Long.toString(signed(k, k + 10L));
                }
                yield Chunk.ofStrings(channelCount, timestamps, v);
            }
        };
    }

    private static long signed(int channel, long magnitude) {
        return channel % 2 == 1 ? -magnitude : magnitude;
    }
}
