package org.naoyu.acquisition.lsl;

import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;

/**
 * The deterministic interop signal of {@code naoyu lsl push}: channel c of sample n has the value
 * {@code c * 1000 + n}, cast to the stream's type (so int8 and int16 wrap), and its decimal text for string streams.
 * A receiver that knows the first sample's number can check every value, whoever sent it.
 */
public final class TestSignal {
    private TestSignal() {
    }

    /** Fills every sample of the chunk, numbering them from {@code firstSample}. Timestamps are left alone. */
    public static void fill(Chunk chunk, long firstSample) {
        int channels = chunk.channelCount();
        for (int s = 0; s < chunk.sampleCount(); s++) {
            for (int c = 0; c < channels; c++) {
                long value = value(c, firstSample + s);
                int i = s * channels + c;
                switch (chunk.format()) {
                    case FLOAT32 -> chunk.float32Values()[i] = value;
                    case DOUBLE64 -> chunk.double64Values()[i] = value;
                    case INT8 -> chunk.int8Values()[i] = (byte) value;
                    case INT16 -> chunk.int16Values()[i] = (short) value;
                    case INT32 -> chunk.int32Values()[i] = (int) value;
                    case INT64 -> chunk.int64Values()[i] = value;
                    case STRING -> chunk.stringValues()[i] = Long.toString(value);
                }
            }
        }
    }

    /** The unwrapped value of channel {@code channel} in sample {@code sample}. */
    public static long value(int channel, long sample) {
        return channel * 1000L + sample;
    }

    /** Whether sample {@code s} of a chunk carries sample number {@code sample} of the signal on every channel. */
    public static boolean matches(Chunk chunk, int s, long sample) {
        for (int c = 0; c < chunk.channelCount(); c++) {
            if (!chunk.valueAsString(s, c).equals(expectedText(chunk.format(), c, sample))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The sample number that channel 0 of sample {@code s} claims, for a receiver that joins mid-stream; exact for
     * formats that hold it (float32 up to 2^24, int8/int16 only modulo their range).
     */
    public static long sampleNumberOf(Chunk chunk, int s) {
        return chunk.format() == ChannelFormat.STRING ? Long.parseLong(chunk.valueAsString(s, 0))
                : (long) chunk.valueAsDouble(s, 0);
    }

    private static String expectedText(ChannelFormat format, int channel, long sample) {
        long value = value(channel, sample);
        return switch (format) {
            case FLOAT32 -> Float.toString(value);
            case DOUBLE64 -> Double.toString(value);
            case INT8 -> Byte.toString((byte) value);
            case INT16 -> Short.toString((short) value);
            case INT32 -> Integer.toString((int) value);
            case INT64, STRING -> Long.toString(value);
        };
    }
}
