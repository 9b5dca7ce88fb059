package org.naoyu.acquisition;

import java.util.Arrays;
import java.util.Objects;

/**
 * A block of consecutive samples of one stream: one timestamp per sample and the values of every channel, stored
 * sample-major ({@code values[sample * channelCount + channel]}) in one primitive array of the stream's format, the
 * layout of LSL's chunk API and XDF's Samples chunks.
 *
 * <p>A chunk wraps the arrays it is given without copying them, so that a receive loop can hand blocks along without
 * allocating; whoever builds a chunk must not change the arrays afterwards, and readers must not change them either.
 * The accessors return those same arrays.
 */
public final class Chunk {
    private final ChannelFormat format;
    private final int channelCount;
    private final double[] timestamps;
    private final Object values;

    private Chunk(ChannelFormat format, int channelCount, double[] timestamps, Object values, int valueCount) {
        this.format = format;
        this.channelCount = Checks.intInRange("channelCount", channelCount, 1, StreamInfo.MAX_CHANNELS);
        this.timestamps = Checks.nonNull("timestamps", timestamps);
        this.values = values;
        long expected = (long) timestamps.length * channelCount;
        if (valueCount != expected) {
            throw new IllegalArgumentException("values must hold timestamps.length * channelCount = "
                    + timestamps.length + " * " + channelCount + " = " + expected + " " + format
                    + " values (sample-major), got " + valueCount);
        }
        for (int i = 0; i < timestamps.length; i++) {
            if (!Double.isFinite(timestamps[i])) {
                throw new IllegalArgumentException(
                        "timestamps[" + i + "] must be a finite number of seconds, got " + timestamps[i]);
            }
        }
    }

    public static Chunk ofFloat32(int channelCount, double[] timestamps, float[] values) {
        return new Chunk(ChannelFormat.FLOAT32, channelCount, timestamps, values, length("values", values));
    }

    public static Chunk ofDouble64(int channelCount, double[] timestamps, double[] values) {
        return new Chunk(ChannelFormat.DOUBLE64, channelCount, timestamps, values, length("values", values));
    }

    public static Chunk ofInt8(int channelCount, double[] timestamps, byte[] values) {
        return new Chunk(ChannelFormat.INT8, channelCount, timestamps, values, length("values", values));
    }

    public static Chunk ofInt16(int channelCount, double[] timestamps, short[] values) {
        return new Chunk(ChannelFormat.INT16, channelCount, timestamps, values, length("values", values));
    }

    public static Chunk ofInt32(int channelCount, double[] timestamps, int[] values) {
        return new Chunk(ChannelFormat.INT32, channelCount, timestamps, values, length("values", values));
    }

    public static Chunk ofInt64(int channelCount, double[] timestamps, long[] values) {
        return new Chunk(ChannelFormat.INT64, channelCount, timestamps, values, length("values", values));
    }

    /** A chunk of strings (markers); no value may be null, though one may be empty. */
    public static Chunk ofStrings(int channelCount, double[] timestamps, String[] values) {
        int length = length("values", values);
        for (int i = 0; i < length; i++) {
            if (values[i] == null) {
                throw new IllegalArgumentException("values[" + i + "] (sample " + i / Math.max(channelCount, 1)
                        + ", channel " + i % Math.max(channelCount, 1) + ") must be a string (may be empty), got null");
            }
        }
        return new Chunk(ChannelFormat.STRING, channelCount, timestamps, values, length);
    }

    /**
     * A chunk of {@code sampleCount} samples whose timestamps and values are all zero (empty strings for
     * {@link ChannelFormat#STRING}), to be filled in place by a reader that owns it.
     */
    public static Chunk allocate(ChannelFormat format, int channelCount, int sampleCount) {
        Checks.nonNull("format", format);
        Checks.intInRange("channelCount", channelCount, 1, StreamInfo.MAX_CHANNELS);
        Checks.intInRange("sampleCount", sampleCount, 0, Integer.MAX_VALUE / channelCount);
        int n = sampleCount * channelCount;
        double[] timestamps = new double[sampleCount];
        return switch (format) {
            case FLOAT32 -> ofFloat32(channelCount, timestamps, new float[n]);
            case DOUBLE64 -> ofDouble64(channelCount, timestamps, new double[n]);
            case INT8 -> ofInt8(channelCount, timestamps, new byte[n]);
            case INT16 -> ofInt16(channelCount, timestamps, new short[n]);
            case INT32 -> ofInt32(channelCount, timestamps, new int[n]);
            case INT64 -> ofInt64(channelCount, timestamps, new long[n]);
            case STRING -> {
                String[] strings = new String[n];
                Arrays.fill(strings, "");
                yield ofStrings(channelCount, timestamps, strings);
            }
        };
    }

    public ChannelFormat format() {
        return format;
    }

    public int channelCount() {
        return channelCount;
    }

    public int sampleCount() {
        return timestamps.length;
    }

    public boolean isEmpty() {
        return timestamps.length == 0;
    }

    /** One timestamp per sample, {@link LocalClock} seconds (of the source's host unless time-corrected). */
    public double[] timestamps() {
        return timestamps;
    }

    /**
     * The values array itself, whatever its type ({@code float[]} for float32 … {@code String[]} for string), for
     * code that fills or encodes any format through one path, such as a network decoder.
     */
    public Object valueArray() {
        return values;
    }

    public float[] float32Values() {
        return (float[]) valuesAs(ChannelFormat.FLOAT32);
    }

    public double[] double64Values() {
        return (double[]) valuesAs(ChannelFormat.DOUBLE64);
    }

    public byte[] int8Values() {
        return (byte[]) valuesAs(ChannelFormat.INT8);
    }

    public short[] int16Values() {
        return (short[]) valuesAs(ChannelFormat.INT16);
    }

    public int[] int32Values() {
        return (int[]) valuesAs(ChannelFormat.INT32);
    }

    public long[] int64Values() {
        return (long[]) valuesAs(ChannelFormat.INT64);
    }

    public String[] stringValues() {
        return (String[]) valuesAs(ChannelFormat.STRING);
    }

    /**
     * One value as a {@code double}, whatever the numeric format (int64 beyond 2^53 rounds).
     *
     * @throws IndexOutOfBoundsException naming the sample or channel that is out of range
     * @throws IllegalStateException     for a string chunk
     */
    public double valueAsDouble(int sample, int channel) {
        int i = index(sample, channel);
        return switch (format) {
            case FLOAT32 -> ((float[]) values)[i];
            case DOUBLE64 -> ((double[]) values)[i];
            case INT8 -> ((byte[]) values)[i];
            case INT16 -> ((short[]) values)[i];
            case INT32 -> ((int[]) values)[i];
            case INT64 -> ((long[]) values)[i];
            case STRING -> throw notNumeric();
        };
    }

    /** One value as text: the string itself, or the number as Java prints it. */
    public String valueAsString(int sample, int channel) {
        int i = index(sample, channel);
        return switch (format) {
            case FLOAT32 -> Float.toString(((float[]) values)[i]);
            case DOUBLE64 -> Double.toString(((double[]) values)[i]);
            case INT8 -> Byte.toString(((byte[]) values)[i]);
            case INT16 -> Short.toString(((short[]) values)[i]);
            case INT32 -> Integer.toString(((int[]) values)[i]);
            case INT64 -> Long.toString(((long[]) values)[i]);
            case STRING -> ((String[]) values)[i];
        };
    }

    /**
     * Converts every value to {@code double}, sample-major, into {@code destination} from {@code offset} on: the
     * hand-over from an acquisition format to the dsp chain, which works in doubles. Allocates nothing.
     *
     * @throws IllegalArgumentException when the destination is too short
     * @throws IllegalStateException    for a string chunk
     */
    public void copyTo(double[] destination, int offset) {
        copyTo(0, timestamps.length, destination, offset);
    }

    /**
     * Converts samples {@code [fromSample, fromSample + samples)} to {@code double}, sample-major, into
     * {@code destination} from {@code offset} on: a long recording handed to the dsp chain a block at a time, without
     * a copy of the whole in doubles. Allocates nothing.
     *
     * @throws IllegalArgumentException when the range lies outside the chunk or the destination is too short
     * @throws IllegalStateException    for a string chunk
     */
    public void copyTo(int fromSample, int samples, double[] destination, int offset) {
        Checks.nonNull("destination", destination);
        if (fromSample < 0 || samples < 0 || (long) fromSample + samples > timestamps.length) {
            throw new IllegalArgumentException("samples [" + fromSample + ", " + ((long) fromSample + samples)
                    + ") must lie in the chunk's [0, " + timestamps.length + ")");
        }
        int n = samples * channelCount;
        if (offset < 0 || (long) offset + n > destination.length) {
            throw new IllegalArgumentException("destination must have room for " + n + " values from offset "
                    + offset + ", got length " + destination.length);
        }
        int from = fromSample * channelCount;
        switch (format) {
            case FLOAT32 -> widen((float[]) values, from, destination, offset, n);
            case DOUBLE64 -> System.arraycopy(values, from, destination, offset, n);
            case INT8 -> widen((byte[]) values, from, destination, offset, n);
            case INT16 -> widen((short[]) values, from, destination, offset, n);
            case INT32 -> widen((int[]) values, from, destination, offset, n);
            case INT64 -> widen((long[]) values, from, destination, offset, n);
            case STRING -> throw notNumeric();
        }
    }

    // One small loop per type: small methods are what the JIT inlines and vectorises best.
    private static void widen(float[] source, int from, double[] destination, int offset, int n) {
        for (int i = 0; i < n; i++) {
            destination[offset + i] = source[from + i];
        }
    }

    private static void widen(byte[] source, int from, double[] destination, int offset, int n) {
        for (int i = 0; i < n; i++) {
            destination[offset + i] = source[from + i];
        }
    }

    /**
     * short → double four at a time: C2 (JDK 17) vectorises the plain loop badly (measured 2.3× slower than this).
     */
    private static void widen(short[] source, int from, double[] destination, int offset, int n) {
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            double a = source[from + i];
            double b = source[from + i + 1];
            double c = source[from + i + 2];
            double d = source[from + i + 3];
            destination[offset + i] = a;
            destination[offset + i + 1] = b;
            destination[offset + i + 2] = c;
            destination[offset + i + 3] = d;
        }
        for (; i < n; i++) {
            destination[offset + i] = source[from + i];
        }
    }

    private static void widen(int[] source, int from, double[] destination, int offset, int n) {
        for (int i = 0; i < n; i++) {
            destination[offset + i] = source[from + i];
        }
    }

    private static void widen(long[] source, int from, double[] destination, int offset, int n) {
        for (int i = 0; i < n; i++) {
            destination[offset + i] = source[from + i];
        }
    }

    /**
     * Samples {@code from} (inclusive) to {@code to} (exclusive) as a new chunk with copies of their timestamps and
     * values.
     *
     * @throws IndexOutOfBoundsException when the range is not within [0, sampleCount()]
     */
    public Chunk copyOfRange(int from, int to) {
        Objects.checkFromToIndex(from, to, timestamps.length);
        Chunk part = allocate(format, channelCount, to - from);
        System.arraycopy(timestamps, from, part.timestamps, 0, to - from);
        System.arraycopy(values, from * channelCount, part.values, 0, (to - from) * channelCount);
        return part;
    }

    /** Every value as {@code double} in a new sample-major array. */
    public double[] toDoubleArray() {
        double[] result = new double[timestamps.length * channelCount];
        copyTo(result, 0);
        return result;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Chunk)) {
            return false;
        }
        Chunk that = (Chunk) other;
        return format == that.format && channelCount == that.channelCount
                && Arrays.equals(timestamps, that.timestamps)
                && Objects.deepEquals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, channelCount, Arrays.hashCode(timestamps),
                Arrays.deepHashCode(new Object[] {values}));
    }

    @Override
    public String toString() {
        String span = timestamps.length == 0 ? "empty"
                : "t = " + timestamps[0] + " .. " + timestamps[timestamps.length - 1] + " s";
        return "Chunk[" + format + ", " + channelCount + " ch x " + timestamps.length + " samples, " + span + "]";
    }

    private Object valuesAs(ChannelFormat wanted) {
        if (format != wanted) {
            throw new IllegalStateException("chunk holds " + format + " values, not " + wanted + "; call "
                    + accessorName(format) + "() or copyTo(double[], int)");
        }
        return values;
    }

    private static String accessorName(ChannelFormat format) {
        return format == ChannelFormat.STRING ? "stringValues" : format.wireName() + "Values";
    }

    private int index(int sample, int channel) {
        Objects.checkIndex(sample, timestamps.length);
        Objects.checkIndex(channel, channelCount);
        return sample * channelCount + channel;
    }


    private IllegalStateException notNumeric() {
        return new IllegalStateException("chunk holds string values, which have no numeric value; call stringValues()");
    }

    private static int length(String field, Object array) {
        Checks.nonNull(field, array);
        return java.lang.reflect.Array.getLength(array);
    }
}
