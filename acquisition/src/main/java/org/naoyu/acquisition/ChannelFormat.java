package org.naoyu.acquisition;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The value type of every channel of a stream: the seven channel formats of Lab Streaming Layer.
 *
 * <p>The wire names ({@code float32} …) are those of the {@code channel_format} element of the LSL stream-info XML and
 * of XDF stream headers; the codes are liblsl's C enum values ({@code cft_float32} = 1 … {@code cft_int64} = 7), which
 * never appear as 0 ({@code cft_undefined}) on the wire. See {@code shared/protocols/lsl-wire-protocol.md} §3.
 */
public enum ChannelFormat {
    FLOAT32("float32", 1, 4),
    DOUBLE64("double64", 2, 8),
    /** Variable-length UTF-8 strings: marker streams. */
    STRING("string", 3, 0),
    INT32("int32", 4, 4),
    INT16("int16", 5, 2),
    INT8("int8", 6, 1),
    INT64("int64", 7, 8);

    private static final String ALL_WIRE_NAMES =
            Arrays.stream(values()).map(ChannelFormat::wireName).collect(Collectors.joining(", "));

    private final String wireName;
    private final int lslCode;
    private final int bytesPerValue;

    ChannelFormat(String wireName, int lslCode, int bytesPerValue) {
        this.wireName = wireName;
        this.lslCode = lslCode;
        this.bytesPerValue = bytesPerValue;
    }

    /** The name used in stream-info XML and XDF headers, e.g. {@code "float32"}. */
    public String wireName() {
        return wireName;
    }

    /** liblsl's {@code lsl_channel_format_t} value, 1 to 7. */
    public int lslCode() {
        return lslCode;
    }

    /** Bytes of one value on the wire and in files; 0 for {@link #STRING}, whose values have their own length. */
    public int bytesPerValue() {
        return bytesPerValue;
    }

    /** Whether values are numbers (every format but {@link #STRING}). */
    public boolean isNumeric() {
        return this != STRING;
    }

    /** Whether numeric values are integers, which convert to {@code double} exactly up to 2^53. */
    public boolean isInteger() {
        return this == INT8 || this == INT16 || this == INT32 || this == INT64;
    }

    /**
     * Parses a wire name exactly as liblsl does: lower case, no surrounding space.
     *
     * @throws IllegalArgumentException naming the allowed names and the value given
     */
    public static ChannelFormat fromWireName(String wireName) {
        for (ChannelFormat format : values()) {
            if (format.wireName.equals(wireName)) {
                return format;
            }
        }
        throw new IllegalArgumentException(
                "channel_format must be one of " + ALL_WIRE_NAMES + ", got " + quoted(wireName));
    }

    /**
     * Looks a format up by liblsl's enum value.
     *
     * @throws IllegalArgumentException when the code is not in [1, 7]
     */
    public static ChannelFormat fromLslCode(int lslCode) {
        for (ChannelFormat format : values()) {
            if (format.lslCode == lslCode) {
                return format;
            }
        }
        throw new IllegalArgumentException("channel format code must be in [1, 7], got " + lslCode);
    }

    @Override
    public String toString() {
        return wireName;
    }

    static String quoted(String value) {
        return value == null ? "null" : "'" + value + "'";
    }
}
