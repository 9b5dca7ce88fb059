package org.naoyu.acquisition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ChannelFormatTest {

    /** Names, liblsl enum codes and value sizes as in lsl-wire-protocol.md §3 and §7. */
    @ParameterizedTest
    @CsvSource({
        "float32, 1, 4, FLOAT32",
        "double64, 2, 8, DOUBLE64",
        "string, 3, 0, STRING",
        "int32, 4, 4, INT32",
        "int16, 5, 2, INT16",
        "int8, 6, 1, INT8",
        "int64, 7, 8, INT64",
    })
    void matchesLiblsl(String wireName, int code, int bytes, ChannelFormat expected) {
        assertEquals(expected, ChannelFormat.fromWireName(wireName));
        assertEquals(expected, ChannelFormat.fromLslCode(code));
        assertEquals(wireName, expected.wireName());
        assertEquals(wireName, expected.toString());
        assertEquals(code, expected.lslCode());
        assertEquals(bytes, expected.bytesPerValue());
    }

    @Test
    void thereAreExactlyTheSevenLslFormats() {
        assertEquals(7, ChannelFormat.values().length);
    }

    @ParameterizedTest
    @EnumSource(value = ChannelFormat.class, names = {"INT8", "INT16", "INT32", "INT64"})
    void integerFormatsAreNumericIntegers(ChannelFormat format) {
        assertTrue(format.isNumeric());
        assertTrue(format.isInteger());
    }

    @Test
    void stringIsNeitherNumericNorInteger() {
        assertFalse(ChannelFormat.STRING.isNumeric());
        assertFalse(ChannelFormat.STRING.isInteger());
        assertTrue(ChannelFormat.FLOAT32.isNumeric());
        assertFalse(ChannelFormat.DOUBLE64.isInteger());
    }

    @Test
    void unknownWireNameNamesTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ChannelFormat.fromWireName("Float32"));
        assertEquals("channel_format must be one of float32, double64, string, int32, int16, int8, int64, "
                + "got 'Float32'", e.getMessage());
    }

    @Test
    void undefinedAndNullAreRefused() {
        assertEquals("channel_format must be one of float32, double64, string, int32, int16, int8, int64, "
                + "got 'undefined'",
                assertThrows(IllegalArgumentException.class, () -> ChannelFormat.fromWireName("undefined"))
                        .getMessage());
        assertEquals("channel_format must be one of float32, double64, string, int32, int16, int8, int64, got null",
                assertThrows(IllegalArgumentException.class, () -> ChannelFormat.fromWireName(null)).getMessage());
        assertEquals("channel format code must be in [1, 7], got 0",
                assertThrows(IllegalArgumentException.class, () -> ChannelFormat.fromLslCode(0)).getMessage());
        assertEquals("channel format code must be in [1, 7], got 8",
                assertThrows(IllegalArgumentException.class, () -> ChannelFormat.fromLslCode(8)).getMessage());
    }
}
