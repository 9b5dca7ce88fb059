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

    /**
     * The bytes of every sample of a chunk.
     *
     * @param deducedAfterFirst when true, samples after the first carry tag 1 and no timestamp, so the receiver
     *                          rebuilds them from the nominal rate (liblsl's push_chunk with one timestamp)
     */
    static byte[] encode(Chunk chunk, boolean deducedAfterFirst) {
        int samples = chunk.sampleCount();
        int channels = chunk.channelCount();
        byte[][] strings = chunk.format() == ChannelFormat.STRING ? utf8(chunk.stringValues()) : null;
        byte[] out = new byte[size(chunk, deducedAfterFirst, strings)];
        double[] timestamps = chunk.timestamps();
        int p = 0;
        for (int s = 0; s < samples; s++) {
            if (deducedAfterFirst && s > 0) {
                out[p++] = SampleDecoder.TAG_DEDUCED;
            } else {
                out[p++] = SampleDecoder.TAG_TRANSMITTED;
                ByteViews.DOUBLE_LE.set(out, p, timestamps[s]);
                p += 8;
            }
            p = putValues(chunk, s * channels, channels, strings, out, p);
        }
        return out;
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

    private static int size(Chunk chunk, boolean deducedAfterFirst, byte[][] strings) {
        int samples = chunk.sampleCount();
        long size = samples + 8L * (deducedAfterFirst ? Math.min(samples, 1) : samples);
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
