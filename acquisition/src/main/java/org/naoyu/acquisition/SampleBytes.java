package org.naoyu.acquisition;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The value bytes of a sample as both LSL protocol 110 and XDF lay them out: numbers little endian with no padding,
 * strings as a length-width byte (1, 4 or 8), the length in that many bytes, then the UTF-8 bytes. The two formats
 * differ only in how a sample's timestamp is tagged, which their writers add around these bytes.
 */
public final class SampleBytes {
    private static final VarHandle SHORT_LE = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FLOAT_LE = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle DOUBLE_LE =
            MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    private SampleBytes() {
    }

    /** The UTF-8 bytes of every value of a string chunk, to encode once; null for a numeric chunk. */
    public static byte[][] utf8(Chunk chunk) {
        if (chunk.format() != ChannelFormat.STRING) {
            return null;
        }
        String[] values = chunk.stringValues();
        byte[][] bytes = new byte[values.length][];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = values[i].getBytes(StandardCharsets.UTF_8);
        }
        return bytes;
    }

    /** The bytes the values of every sample of the chunk take, given {@link #utf8} of it. */
    public static long valueBytes(Chunk chunk, byte[][] utf8) {
        if (utf8 == null) {
            return (long) chunk.sampleCount() * chunk.channelCount() * chunk.format().bytesPerValue();
        }
        long size = 0;
        for (byte[] string : utf8) {
            size += lengthPrefixSize(string.length) + string.length;
        }
        return size;
    }

    /** Writes the values of sample {@code sample} at {@code p}; returns the position after them. */
    public static int putValues(Chunk chunk, int sample, byte[][] utf8, byte[] out, int p) {
        int channels = chunk.channelCount();
        int base = sample * channels;
        switch (chunk.format()) {
            case FLOAT32 -> {
                float[] v = chunk.float32Values();
                for (int c = 0; c < channels; c++, p += 4) {
                    FLOAT_LE.set(out, p, v[base + c]);
                }
            }
            case DOUBLE64 -> {
                double[] v = chunk.double64Values();
                for (int c = 0; c < channels; c++, p += 8) {
                    DOUBLE_LE.set(out, p, v[base + c]);
                }
            }
            case INT8 -> {
                System.arraycopy(chunk.int8Values(), base, out, p, channels);
                p += channels;
            }
            case INT16 -> {
                short[] v = chunk.int16Values();
                for (int c = 0; c < channels; c++, p += 2) {
                    SHORT_LE.set(out, p, v[base + c]);
                }
            }
            case INT32 -> {
                int[] v = chunk.int32Values();
                for (int c = 0; c < channels; c++, p += 4) {
                    INT_LE.set(out, p, v[base + c]);
                }
            }
            case INT64 -> {
                long[] v = chunk.int64Values();
                for (int c = 0; c < channels; c++, p += 8) {
                    LONG_LE.set(out, p, v[base + c]);
                }
            }
            case STRING -> {
                for (int c = 0; c < channels; c++) {
                    byte[] bytes = utf8[base + c];
                    p = putLength(out, p, bytes.length);
                    System.arraycopy(bytes, 0, out, p, bytes.length);
                    p += bytes.length;
                }
            }
        }
        return p;
    }

    /** A length as the width byte (1, 4 or 8) and the length in that many bytes; returns the position after it. */
    public static int putLength(byte[] out, int p, long length) {
        if (length <= 0xff) {
            out[p] = 1;
            out[p + 1] = (byte) length;
            return p + 2;
        }
        if (length <= 0xffffffffL) {
            out[p] = 4;
            INT_LE.set(out, p + 1, (int) length);
            return p + 5;
        }
        out[p] = 8;
        LONG_LE.set(out, p + 1, length);
        return p + 9;
    }

    /** Bytes {@link #putLength} writes for a length. */
    public static int lengthPrefixSize(long length) {
        return length <= 0xff ? 2 : length <= 0xffffffffL ? 5 : 9;
    }

    public static void putShort(byte[] out, int p, short value) {
        SHORT_LE.set(out, p, value);
    }

    public static void putInt(byte[] out, int p, int value) {
        INT_LE.set(out, p, value);
    }

    public static void putLong(byte[] out, int p, long value) {
        LONG_LE.set(out, p, value);
    }

    public static void putDouble(byte[] out, int p, double value) {
        DOUBLE_LE.set(out, p, value);
    }
}
