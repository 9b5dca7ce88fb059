package org.naoyu.acquisition.lsl;

import java.io.IOException;
import org.naoyu.acquisition.ChannelFormat;

/**
 * Decodes protocol-110 samples (lsl-wire-protocol.md §7) of one feed connection into caller-owned arrays, rebuilding
 * deduced timestamps (§8.2). Holds the per-connection state ("previous timestamp" starts at 0.0, as in liblsl) and
 * allocates nothing for numeric formats.
 */
final class SampleDecoder {
    static final int TAG_DEDUCED = 1;
    static final int TAG_TRANSMITTED = 2;
    /** Longest string value accepted from the wire; longer ones mean a broken or hostile peer. */
    static final int MAX_STRING_BYTES = 16 * 1024 * 1024;

    private final WireReader reader;
    private final ChannelFormat format;
    private final int channelCount;
    private final double samplingInterval;
    private boolean suppressSubnormals;
    private double previousTimestamp;

    SampleDecoder(WireReader reader, ChannelFormat format, int channelCount, double nominalRateHz) {
        this.reader = reader;
        this.format = format;
        this.channelCount = channelCount;
        this.samplingInterval = nominalRateHz > 0 ? 1.0 / nominalRateHz : 0.0;
    }

    /** Whether to flush subnormal floats to signed zero, as the outlet's {@code Suppress-Subnormals: 1} asks. */
    void suppressSubnormals(boolean suppress) {
        suppressSubnormals = suppress;
    }

    /** Starts the "previous timestamp" afresh, as at the start of a connection after the test patterns. */
    void resetTimestamps() {
        previousTimestamp = 0.0;
    }

    /**
     * Reads one sample: its timestamp into {@code timestamps[timestampIndex]} and its values into
     * {@code values[valueOffset …]}, where {@code values} is the primitive array of the format.
     *
     * @return the sample's tag, {@link #TAG_DEDUCED} or {@link #TAG_TRANSMITTED}
     * @throws IOException on a closed connection or a tag that is neither, naming the byte offset
     */
    int read(double[] timestamps, int timestampIndex, Object values, int valueOffset) throws IOException {
        long at = reader.offset();
        int tag = reader.readUnsignedByte();
        double timestamp;
        if (tag == TAG_TRANSMITTED) {
            timestamp = reader.readDouble();
        } else if (tag == TAG_DEDUCED) {
            timestamp = previousTimestamp + samplingInterval;
        } else {
            throw new IOException("sample tag must be 1 (deduced) or 2 (transmitted), got " + tag + " at byte " + at
                    + " of the feed; the stream is out of step");
        }
        previousTimestamp = timestamp;
        timestamps[timestampIndex] = timestamp;
        readValues(values, valueOffset);
        return tag;
    }

    private void readValues(Object values, int offset) throws IOException {
        int n = channelCount;
        switch (format) {
            case FLOAT32 -> {
                float[] v = (float[]) values;
                reader.readFloats(v, offset, n);
                if (suppressSubnormals) {
                    for (int i = 0; i < n; i++) {
                        float x = v[offset + i];
                        v[offset + i] = isSubnormal(x) ? Math.copySign(0f, x) : x;
                    }
                }
            }
            case DOUBLE64 -> {
                double[] v = (double[]) values;
                reader.readDoubles(v, offset, n);
                if (suppressSubnormals) {
                    for (int i = 0; i < n; i++) {
                        double x = v[offset + i];
                        v[offset + i] = isSubnormal(x) ? Math.copySign(0.0, x) : x;
                    }
                }
            }
            case INT8 -> {
                byte[] v = (byte[]) values;
                for (int i = 0; i < n; i++) {
                    v[offset + i] = reader.readByte();
                }
            }
            case INT16 -> reader.readShorts((short[]) values, offset, n);
            case INT32 -> reader.readInts((int[]) values, offset, n);
            case INT64 -> {
                long[] v = (long[]) values;
                for (int i = 0; i < n; i++) {
                    v[offset + i] = reader.readLong();
                }
            }
            case STRING -> {
                String[] v = (String[]) values;
                for (int i = 0; i < n; i++) {
                    v[offset + i] = readString();
                }
            }
        }
    }

    private String readString() throws IOException {
        long at = reader.offset();
        int width = reader.readUnsignedByte();
        long length = switch (width) {
            case 1 -> reader.readUnsignedByte();
            case 2 -> reader.readShort() & 0xffffL;
            case 4 -> reader.readInt() & 0xffffffffL;
            case 8 -> reader.readLong();
            default -> throw new IOException("string length width must be 1, 2, 4 or 8 bytes, got " + width
                    + " at byte " + at + " of the feed");
        };
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new IOException("string length must be in [0, " + MAX_STRING_BYTES + "] bytes, got "
                    + Long.toUnsignedString(length) + " at byte " + at + " of the feed");
        }
        return reader.readUtf8((int) length);
    }

    private static boolean isSubnormal(float x) {
        return x != 0 && Math.abs(x) < Float.MIN_NORMAL;
    }

    private static boolean isSubnormal(double x) {
        return x != 0 && Math.abs(x) < Double.MIN_NORMAL;
    }
}
