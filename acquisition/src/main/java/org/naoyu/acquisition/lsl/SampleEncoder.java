package org.naoyu.acquisition.lsl;

import java.nio.charset.StandardCharsets;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;

/**
 * Encodes samples as protocol 110 puts them on the wire (lsl-wire-protocol.md §7), little endian, the order a Java
 * outlet announces ({@code Byte-Order: 1234}). A chunk is encoded once and the same bytes go to every inlet.
 */
final class SampleEncoder {

    private SampleEncoder() {
    }

    /** {@code LSL_DEDUCED_TIMESTAMP}: a sample pushed with it carries no timestamp (tag 1). */
    static final double DEDUCED_TIMESTAMP = -1.0;

    /**
     * The bytes of every sample of a chunk, with liblsl's push semantics (§8.2): a timestamp of 0.0 means "now", a
     * timestamp of -1.0 means "deduce it" (tag 1, no timestamp bytes), anything else is sent as given.
     *
     * @param deducedAfterFirst when true, samples after the first are sent deduced too, so the receiver rebuilds them
     *                          as previous + 1/rate (liblsl's push_chunk with one timestamp)
     * @param now               the outlet's clock, for samples stamped 0.0
     */
    static byte[] encode(Chunk chunk, boolean deducedAfterFirst, double now) {
        int samples = chunk.sampleCount();
        int channels = chunk.channelCount();
        double[] timestamps = chunk.timestamps();
        int transmitted = 0;
        for (int s = 0; s < samples; s++) {
            transmitted += isDeduced(timestamps[s], s, deducedAfterFirst) ? 0 : 1;
        }
        byte[][] strings = chunk.format() == ChannelFormat.STRING ? utf8(chunk.stringValues()) : null;
        byte[] out = new byte[size(chunk, transmitted, strings)];
        int p = 0;
        for (int s = 0; s < samples; s++) {
            if (isDeduced(timestamps[s], s, deducedAfterFirst)) {
                out[p++] = SampleDecoder.TAG_DEDUCED;
            } else {
                out[p++] = SampleDecoder.TAG_TRANSMITTED;
                ByteViews.DOUBLE_LE.set(out, p, timestamps[s] == 0.0 ? now : timestamps[s]);
                p += 8;
            }
            p = putValues(chunk, s * channels, channels, strings, out, p);
        }
        return out;
    }

    /** The bytes of every sample, each with its own timestamp as given (test patterns, tests). */
    static byte[] encode(Chunk chunk, boolean deducedAfterFirst) {
        return encode(chunk, deducedAfterFirst, 0.0);
    }

    private static boolean isDeduced(double timestamp, int sample, boolean deducedAfterFirst) {
        return timestamp == DEDUCED_TIMESTAMP || deducedAfterFirst && sample > 0;
    }

    /** Writes one sample's values at {@code p}; returns the position after them. */
    private static int putValues(Chunk chunk, int base, int channels, byte[][] strings, byte[] out, int p) {
        switch (chunk.format()) {
            case FLOAT32 -> {
                float[] v = chunk.float32Values();
                for (int c = 0; c < channels; c++, p += 4) {
                    ByteViews.FLOAT_LE.set(out, p, v[base + c]);
                }
            }
            case DOUBLE64 -> {
                double[] v = chunk.double64Values();
                for (int c = 0; c < channels; c++, p += 8) {
                    ByteViews.DOUBLE_LE.set(out, p, v[base + c]);
                }
            }
            case INT8 -> {
                System.arraycopy(chunk.int8Values(), base, out, p, channels);
                p += channels;
            }
            case INT16 -> {
                short[] v = chunk.int16Values();
                for (int c = 0; c < channels; c++, p += 2) {
                    ByteViews.SHORT_LE.set(out, p, v[base + c]);
                }
            }
            case INT32 -> {
                int[] v = chunk.int32Values();
                for (int c = 0; c < channels; c++, p += 4) {
                    ByteViews.INT_LE.set(out, p, v[base + c]);
                }
            }
            case INT64 -> {
                long[] v = chunk.int64Values();
                for (int c = 0; c < channels; c++, p += 8) {
                    ByteViews.LONG_LE.set(out, p, v[base + c]);
                }
            }
            case STRING -> {
                for (int c = 0; c < channels; c++) {
                    p = putString(out, p, strings[base + c]);
                }
            }
        }
        return p;
    }

    private static int size(Chunk chunk, int transmitted, byte[][] strings) {
        int samples = chunk.sampleCount();
        long size = samples + 8L * transmitted;
        if (strings == null) {
            size += (long) samples * chunk.channelCount() * chunk.format().bytesPerValue();
        } else {
            for (byte[] string : strings) {
                size += lengthWidth(string.length) + 1 + string.length;
            }
        }
        if (size > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("chunk must encode to less than 2 GiB, got " + size
                    + " bytes; push it in smaller pieces");
        }
        return (int) size;
    }

    private static byte[][] utf8(String[] values) {
        byte[][] bytes = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = values[i].getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    /** liblsl writes a 1-byte length up to 255 bytes, else 4 bytes (8 beyond 4 GiB, which a Java array never is). */
    private static int lengthWidth(int length) {
        return length <= 0xff ? 1 : 4;
    }

    private static int putString(byte[] out, int p, byte[] bytes) {
        if (lengthWidth(bytes.length) == 1) {
            out[p++] = 1;
            out[p++] = (byte) bytes.length;
        } else {
            out[p++] = 4;
            ByteViews.INT_LE.set(out, p, bytes.length);
            p += 4;
        }
        System.arraycopy(bytes, 0, out, p, bytes.length);
        return p + bytes.length;
    }
}
