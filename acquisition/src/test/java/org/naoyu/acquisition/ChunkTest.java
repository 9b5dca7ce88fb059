package org.naoyu.acquisition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ChunkTest {
    private static final double[] THREE_TIMES = {10.0, 10.0005, 10.001};

    @Test
    void valuesAreSampleMajor() {
        // 3 samples x 2 channels: value = channel * 1000 + sample, the LSL interop test signal
        Chunk chunk = Chunk.ofInt32(2, THREE_TIMES, new int[] {0, 1000, 1, 1001, 2, 1002});
        assertEquals(3, chunk.sampleCount());
        assertEquals(2, chunk.channelCount());
        assertEquals(ChannelFormat.INT32, chunk.format());
        for (int s = 0; s < 3; s++) {
            for (int c = 0; c < 2; c++) {
                assertEquals(c * 1000 + s, chunk.valueAsDouble(s, c));
                assertEquals(Integer.toString(c * 1000 + s), chunk.valueAsString(s, c));
            }
        }
        assertSame(THREE_TIMES, chunk.timestamps(), "a chunk wraps, it does not copy");
        assertSame(chunk.int32Values(), chunk.valueArray());
    }

    @Test
    void everyFormatConvertsExactlyToDouble() {
        assertArrayEquals(new double[] {-128, 127}, Chunk.ofInt8(2, new double[] {1}, new byte[] {-128, 127})
                .toDoubleArray());
        assertArrayEquals(new double[] {-32768, 32767}, Chunk.ofInt16(1, new double[] {1, 2},
                new short[] {Short.MIN_VALUE, Short.MAX_VALUE}).toDoubleArray());
        assertArrayEquals(new double[] {Integer.MIN_VALUE, Integer.MAX_VALUE}, Chunk.ofInt32(2, new double[] {1},
                new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE}).toDoubleArray());
        assertArrayEquals(new double[] {1L << 53, -(1L << 53)}, Chunk.ofInt64(2, new double[] {1},
                new long[] {1L << 53, -(1L << 53)}).toDoubleArray());
        assertArrayEquals(new double[] {0.1f, Float.NaN, -3.5f}, Chunk.ofFloat32(3, new double[] {1},
                new float[] {0.1f, Float.NaN, -3.5f}).toDoubleArray());
        assertArrayEquals(new double[] {0.1, 1e-300}, Chunk.ofDouble64(1, new double[] {1, 2},
                new double[] {0.1, 1e-300}).toDoubleArray());
    }

    @Test
    void copyToWritesAtTheOffsetAndNowhereElse() {
        Chunk chunk = Chunk.ofInt16(2, new double[] {5.0}, new short[] {7, -9});
        double[] destination = {42, 42, 42, 42};
        chunk.copyTo(destination, 1);
        assertArrayEquals(new double[] {42, 7, -9, 42}, destination);
    }

    @Test
    void aRangeOfSamplesCopiesInBlocksWhatTheWholeCopyGives() {
        double[] times = new double[7];
        short[] shorts = new short[7 * 3];
        float[] floats = new float[7 * 3];
        for (int i = 0; i < shorts.length; i++) {
            shorts[i] = (short) (i * 37 - 300);
            floats[i] = i * 0.25f - 2;
        }
        for (Chunk chunk : new Chunk[] {Chunk.ofInt16(3, times, shorts), Chunk.ofFloat32(3, times, floats)}) {
            double[] whole = new double[21];
            chunk.copyTo(whole, 0);
            double[] blocks = new double[21];
            for (int from = 0; from < 7; from += 2) { // blocks of 2 samples, the last of 1
                int n = Math.min(2, 7 - from);
                double[] block = new double[2 * 3 + 1];
                chunk.copyTo(from, n, block, 1);
                System.arraycopy(block, 1, blocks, from * 3, n * 3);
            }
            assertArrayEquals(whole, blocks);
        }
        Chunk chunk = Chunk.ofFloat32(3, times, floats);
        assertEquals("samples [5, 8) must lie in the chunk's [0, 7)", assertThrows(IllegalArgumentException.class,
                () -> chunk.copyTo(5, 3, new double[9], 0)).getMessage());
        assertEquals("destination must have room for 6 values from offset 1, got length 6",
                assertThrows(IllegalArgumentException.class, () -> chunk.copyTo(0, 2, new double[6], 1)).getMessage());
    }

    @Test
    void copyToRefusesADestinationTooShort() {
        Chunk chunk = Chunk.ofFloat32(2, THREE_TIMES, new float[6]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> chunk.copyTo(new double[7], 2));
        assertEquals("destination must have room for 6 values from offset 2, got length 7", e.getMessage());
        assertEquals("destination must have room for 6 values from offset -1, got length 10",
                assertThrows(IllegalArgumentException.class, () -> chunk.copyTo(new double[10], -1)).getMessage());
        assertEquals("destination must not be null",
                assertThrows(IllegalArgumentException.class, () -> chunk.copyTo(null, 0)).getMessage());
    }

    @Test
    void stringChunksHoldMarkers() {
        Chunk markers = Chunk.ofStrings(1, new double[] {3.25, 4.5}, new String[] {"cue:ma3", ""});
        assertEquals("cue:ma3", markers.valueAsString(0, 0));
        assertEquals("", markers.stringValues()[1]);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> markers.valueAsDouble(0, 0));
        assertEquals("chunk holds string values, which have no numeric value; call stringValues()", e.getMessage());
        assertEquals("chunk holds string values, which have no numeric value; call stringValues()",
                assertThrows(IllegalStateException.class, () -> markers.copyTo(new double[2], 0)).getMessage());
    }

    @Test
    void nullStringIsNamedBySampleAndChannel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Chunk.ofStrings(2, new double[] {1, 2}, new String[] {"a", "b", "c", null}));
        assertEquals("values[3] (sample 1, channel 1) must be a string (may be empty), got null", e.getMessage());
    }

    @Test
    void valueCountMustMatchSamplesTimesChannels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Chunk.ofFloat32(4, THREE_TIMES, new float[11]));
        assertEquals("values must hold timestamps.length * channelCount = 3 * 4 = 12 float32 values (sample-major), "
                + "got 11", e.getMessage());
    }

    @Test
    void timestampsMustBeFinite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Chunk.ofDouble64(1, new double[] {1.0, Double.NaN}, new double[2]));
        assertEquals("timestamps[1] must be a finite number of seconds, got NaN", e.getMessage());
        assertEquals("timestamps[0] must be a finite number of seconds, got -Infinity",
                assertThrows(IllegalArgumentException.class, () -> Chunk.ofInt8(1,
                        new double[] {Double.NEGATIVE_INFINITY}, new byte[1])).getMessage());
    }

    @Test
    void nullArraysAndBadChannelCountsAreNamed() {
        assertEquals("timestamps must not be null", assertThrows(IllegalArgumentException.class,
                () -> Chunk.ofFloat32(1, null, new float[0])).getMessage());
        assertEquals("values must not be null", assertThrows(IllegalArgumentException.class,
                () -> Chunk.ofInt64(1, new double[0], null)).getMessage());
        assertEquals("channelCount must be in [1, 65536], got 0", assertThrows(IllegalArgumentException.class,
                () -> Chunk.ofFloat32(0, new double[0], new float[0])).getMessage());
        assertEquals("sampleCount must be in [0, 8388607], got -1", assertThrows(IllegalArgumentException.class,
                () -> Chunk.allocate(ChannelFormat.FLOAT32, 256, -1)).getMessage());
        assertEquals("format must not be null", assertThrows(IllegalArgumentException.class,
                () -> Chunk.allocate(null, 1, 1)).getMessage());
    }

    @Test
    void theWrongAccessorSaysWhichIsRight() {
        Chunk chunk = Chunk.ofInt16(1, new double[] {1}, new short[] {1});
        IllegalStateException e = assertThrows(IllegalStateException.class, chunk::float32Values);
        assertEquals("chunk holds int16 values, not float32; call int16Values() or copyTo(double[], int)",
                e.getMessage());
        assertEquals("chunk holds int16 values, not string; call int16Values() or copyTo(double[], int)",
                assertThrows(IllegalStateException.class, chunk::stringValues).getMessage());
    }

    @Test
    void indicesOutOfRangeAreRefused() {
        Chunk chunk = Chunk.ofFloat32(2, THREE_TIMES, new float[6]);
        assertThrows(IndexOutOfBoundsException.class, () -> chunk.valueAsDouble(3, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> chunk.valueAsDouble(0, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> chunk.valueAsString(-1, 0));
    }

    @ParameterizedTest
    @EnumSource(ChannelFormat.class)
    void allocateMakesAZeroChunkOfEveryFormat(ChannelFormat format) {
        Chunk chunk = Chunk.allocate(format, 3, 4);
        assertEquals(format, chunk.format());
        assertEquals(4, chunk.sampleCount());
        assertArrayEquals(new double[4], chunk.timestamps());
        for (int s = 0; s < 4; s++) {
            for (int c = 0; c < 3; c++) {
                assertEquals(format == ChannelFormat.STRING ? "" : format.isInteger() ? "0" : "0.0",
                        chunk.valueAsString(s, c));
            }
        }
        assertEquals(Chunk.allocate(format, 3, 4), chunk);
        assertEquals(Chunk.allocate(format, 3, 4).hashCode(), chunk.hashCode());
    }

    @Test
    void equalityIsByContent() {
        Chunk a = Chunk.ofFloat32(1, new double[] {1, 2}, new float[] {0.5f, 1.5f});
        Chunk b = Chunk.ofFloat32(1, new double[] {1, 2}, new float[] {0.5f, 1.5f});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, Chunk.ofFloat32(2, new double[] {1}, new float[] {0.5f, 1.5f}));
        assertNotEquals(a, Chunk.ofFloat32(1, new double[] {1, 3}, new float[] {0.5f, 1.5f}));
        assertNotEquals(a, Chunk.ofDouble64(1, new double[] {1, 2}, new double[] {0.5, 1.5}));
    }

    @Test
    void copyOfRangeCopiesTimestampsAndValues() {
        Chunk chunk = Chunk.ofInt32(2, THREE_TIMES, new int[] {0, 1000, 1, 1001, 2, 1002});
        Chunk tail = chunk.copyOfRange(1, 3);
        assertEquals(Chunk.ofInt32(2, new double[] {10.0005, 10.001}, new int[] {1, 1001, 2, 1002}), tail);
        tail.int32Values()[0] = 99;
        assertEquals(1, chunk.int32Values()[2], "a copy, not a view");
        assertEquals(0, chunk.copyOfRange(3, 3).sampleCount());
        assertThrows(IndexOutOfBoundsException.class, () -> chunk.copyOfRange(2, 4));
    }

    @Test
    void emptyChunksAreAllowed() {
        Chunk empty = Chunk.ofFloat32(256, new double[0], new float[0]);
        assertTrue(empty.isEmpty());
        assertEquals("Chunk[float32, 256 ch x 0 samples, empty]", empty.toString());
        assertEquals("Chunk[int32, 2 ch x 3 samples, t = 10.0 .. 10.001 s]",
                Chunk.ofInt32(2, THREE_TIMES, new int[6]).toString());
    }
}
