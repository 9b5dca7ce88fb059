package org.naoyu.acquisition.lsl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;

/** Byte layouts of lsl-wire-protocol.md §7 and §8, checked against the captures in the spec. */
class WireCodecTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    /** §8.1, "Captured (4 × float32, little endian)". */
    private static final String FLOAT32_PATTERN_1 = "02 c9 76 be 9f 0c 24 fe 40 00 00 80 40 00 00 a0 c0 00 00 c0 40 00 00 e0 c0";
    private static final String FLOAT32_PATTERN_2 = "02 c9 76 be 9f 0c 24 fe 40 00 00 00 40 00 00 40 c0 00 00 80 40 00 00 a0 c0";

    @Test
    void float32TestPatternsMatchTheCapture() {
        assertEquals(FLOAT32_PATTERN_1, HEX.formatHex(
                SampleEncoder.encode(TestPattern.sample(ChannelFormat.FLOAT32, 4, TestPattern.FIRST_OFFSET), false)));
        assertEquals(FLOAT32_PATTERN_2, HEX.formatHex(
                SampleEncoder.encode(TestPattern.sample(ChannelFormat.FLOAT32, 4, TestPattern.SECOND_OFFSET), false)));
    }

    /** The table of §8.1, channels 0..3 of both samples. */
    @Test
    void testPatternValuesMatchTheTable() {
        assertPattern(ChannelFormat.FLOAT32, "4.0 -5.0 6.0 -7.0", "2.0 -3.0 4.0 -5.0");
        assertPattern(ChannelFormat.DOUBLE64, "1.6777221E7 -1.6777222E7 1.6777223E7 -1.6777224E7",
                "1.6777219E7 -1.677722E7 1.6777221E7 -1.6777222E7");
        assertPattern(ChannelFormat.INT32, "65541 -65542 65543 -65544", "65539 -65540 65541 -65542");
        assertPattern(ChannelFormat.INT16, "261 -262 263 -264", "259 -260 261 -262");
        assertPattern(ChannelFormat.INT8, "5 -6 7 -8", "3 -4 5 -6");
        assertPattern(ChannelFormat.INT64, "2147483653 -2147483654 2147483655 -2147483656",
                "2147483651 -2147483652 2147483653 -2147483654");
        assertPattern(ChannelFormat.STRING, "10 -11 12 -13", "10 -11 12 -13");
    }

    @Test
    void int8PatternWrapsModulo127BeforeTheSign() {
        Chunk pattern = TestPattern.sample(ChannelFormat.INT8, 124, TestPattern.FIRST_OFFSET);
        assertEquals("0", pattern.valueAsString(0, 122), "(122 + 5) % 127 = 0");
        assertEquals("-1", pattern.valueAsString(0, 123), "-((123 + 5) % 127)");
        assertEquals(123456.789, pattern.timestamps()[0]);
    }

    @Test
    void stringsCarryAOneByteLengthUpTo255() {
        Chunk marker = Chunk.ofStrings(1, new double[] {1.0}, new String[] {"marker-42"});
        String bytes = HEX.formatHex(SampleEncoder.encode(marker, false));
        assertEquals("02 00 00 00 00 00 00 f0 3f 01 09 6d 61 72 6b 65 72 2d 34 32", bytes);
        Chunk longMarker = Chunk.ofStrings(1, new double[] {1.0}, new String[] {"x".repeat(300)});
        byte[] encoded = SampleEncoder.encode(longMarker, false);
        assertEquals("04 2c 01 00 00", HEX.formatHex(encoded, 9, 14), "4-byte length 300, little endian");
    }

    @Test
    void deducedSamplesCarryNoTimestamp() {
        Chunk chunk = Chunk.ofInt16(1, new double[] {10.0, 10.01, 10.02}, new short[] {1, 2, 3});
        assertEquals("02 00 00 00 00 00 00 24 40 01 00 01 02 00 01 03 00",
                HEX.formatHex(SampleEncoder.encode(chunk, true)));
    }

    @ParameterizedTest
    @EnumSource(ChannelFormat.class)
    void everyFormatRoundTrips(ChannelFormat format) throws IOException {
        Chunk first = TestPattern.sample(format, 5, TestPattern.FIRST_OFFSET);
        Chunk second = TestPattern.sample(format, 5, TestPattern.SECOND_OFFSET);
        byte[] wire = concat(SampleEncoder.encode(first, false), SampleEncoder.encode(second, false));
        SampleDecoder decoder = decoder(wire, ByteOrder.LITTLE_ENDIAN, format, 5, 100);
        Chunk received = Chunk.allocate(format, 5, 2);
        Object values = received.valueArray();
        assertEquals(SampleDecoder.TAG_TRANSMITTED, decoder.read(received.timestamps(), 0, values, 0));
        assertEquals(SampleDecoder.TAG_TRANSMITTED, decoder.read(received.timestamps(), 1, values, 5));
        for (int c = 0; c < 5; c++) {
            assertEquals(first.valueAsString(0, c), received.valueAsString(0, c));
            assertEquals(second.valueAsString(0, c), received.valueAsString(1, c));
        }
        assertArrayEquals(new double[] {123456.789, 123456.789}, received.timestamps());
    }

    /** The public entry point for benchmarks is the same codec: a chunk with deduced timestamps comes back whole. */
    @Test
    void thePublicEntryPointRoundTripsAChunk() throws IOException {
        Chunk sent = Chunk.allocate(ChannelFormat.FLOAT32, 3, 4);
        sent.timestamps()[0] = 1000.0;
        TestSignal.fill(sent, 0);
        WireCodec.Decoder decoder = WireCodec.decoder(new ByteArrayInputStream(WireCodec.encode(sent, true)),
                ChannelFormat.FLOAT32, 3, 2000);
        Chunk received = Chunk.allocate(ChannelFormat.FLOAT32, 3, 4);
        for (int s = 0; s < 4; s++) {
            assertEquals(s == 0, decoder.read(received.timestamps(), s, received.valueArray(), s * 3));
        }
        assertArrayEquals(new double[] {1000.0, 1000.0005, 1000.001, 1000.0015}, received.timestamps(), 1e-9);
        assertArrayEquals((float[]) sent.valueArray(), (float[]) received.valueArray());
    }

    /** §8.2: the "previous timestamp" starts at 0.0 on each connection, so a first deduced sample gets 1/rate. */
    @Test
    void deducedTimestampsFollowTheNominalRate() throws IOException {
        byte[] wire = HEX.parseHex("01 07 00 02 00 00 00 00 00 00 24 40 08 00 01 09 00");
        SampleDecoder decoder = decoder(wire, ByteOrder.LITTLE_ENDIAN, ChannelFormat.INT16, 1, 50);
        double[] timestamps = new double[3];
        short[] values = new short[3];
        decoder.read(timestamps, 0, values, 0);
        decoder.read(timestamps, 1, values, 1);
        decoder.read(timestamps, 2, values, 2);
        assertArrayEquals(new double[] {0.02, 10.0, 10.02}, timestamps);
        assertArrayEquals(new short[] {7, 8, 9}, values);
    }

    @Test
    void irregularStreamsRepeatThePreviousTimestamp() throws IOException {
        byte[] wire = HEX.parseHex("02 00 00 00 00 00 00 24 40 01 01 02 01 01 01 03");
        SampleDecoder decoder = decoder(wire, ByteOrder.LITTLE_ENDIAN, ChannelFormat.STRING, 1, 0);
        double[] timestamps = new double[2];
        String[] values = new String[2];
        decoder.read(timestamps, 0, values, 0);
        decoder.read(timestamps, 1, values, 1);
        assertArrayEquals(new double[] {10.0, 10.0}, timestamps);
        assertArrayEquals(new String[] {"\u0002", "\u0003"}, values);
    }

    @Test
    void bigEndianDataIsDecodedWhenTheOutletSaysSo() throws IOException {
        byte[] wire = HEX.parseHex("02 40 24 00 00 00 00 00 00 00 00 01 2c ff ff ff fe 01 05 00 00 00 00 00 00 01 00");
        SampleDecoder decoder = decoder(wire, ByteOrder.BIG_ENDIAN, ChannelFormat.INT32, 2, 100);
        double[] timestamps = new double[1];
        int[] values = new int[2];
        decoder.read(timestamps, 0, values, 0);
        assertEquals(10.0, timestamps[0]);
        assertArrayEquals(new int[] {300, -2}, values);
    }

    @Test
    void subnormalsAreFlushedWhenTheOutletAsks() throws IOException {
        byte[] wire = HEX.parseHex("02 00 00 00 00 00 00 f0 3f 01 00 00 80 01 00 00 00 00 00 80 3f");
        SampleDecoder decoder = decoder(wire, ByteOrder.LITTLE_ENDIAN, ChannelFormat.FLOAT32, 3, 100);
        decoder.suppressSubnormals(true);
        float[] values = new float[3];
        decoder.read(new double[1], 0, values, 0);
        assertEquals(-0.0f, values[0]);
        assertEquals(0.0f, values[1]);
        assertEquals(1.0f, values[2]);
        assertEquals(Float.floatToRawIntBits(-0.0f), Float.floatToRawIntBits(values[0]), "the sign is kept");
    }

    @Test
    void aBadTagNamesTheByteOffset() {
        byte[] wire = HEX.parseHex("02 00 00 00 00 00 00 f0 3f 2a 07 2a 00");
        SampleDecoder decoder = decoder(wire, ByteOrder.LITTLE_ENDIAN, ChannelFormat.INT8, 1, 100);
        IOException e = assertThrows(IOException.class, () -> {
            decoder.read(new double[2], 0, new byte[2], 0);
            decoder.read(new double[2], 1, new byte[2], 1);
        });
        assertEquals("sample tag must be 1 (deduced) or 2 (transmitted), got 7 at byte 10 of the feed; the stream is "
                + "out of step", e.getMessage());
    }

    @Test
    void aBadStringLengthWidthOrAHugeLengthIsRefused() {
        SampleDecoder widthDecoder = decoder(HEX.parseHex("01 03 00 00 00"), ByteOrder.LITTLE_ENDIAN,
                ChannelFormat.STRING, 1, 0);
        assertEquals("string length width must be 1, 2, 4 or 8 bytes, got 3 at byte 1 of the feed",
                assertThrows(IOException.class, () -> widthDecoder.read(new double[1], 0, new String[1], 0))
                        .getMessage());
        SampleDecoder hugeDecoder = decoder(HEX.parseHex("01 08 ff ff ff ff ff ff ff 7f"), ByteOrder.LITTLE_ENDIAN,
                ChannelFormat.STRING, 1, 0);
        assertEquals("string length must be in [0, 16777216] bytes, got 9223372036854775807 at byte 1 of the feed",
                assertThrows(IOException.class, () -> hugeDecoder.read(new double[1], 0, new String[1], 0))
                        .getMessage());
    }

    @Test
    void aFeedThatEndsMidSampleIsAnEof() {
        SampleDecoder decoder = decoder(HEX.parseHex("02 00 00 00 00 00 00 f0 3f 00 00"), ByteOrder.LITTLE_ENDIAN,
                ChannelFormat.FLOAT32, 1, 100);
        EOFException e = assertThrows(EOFException.class, () -> decoder.read(new double[1], 0, new float[1], 0));
        assertEquals("the connection was closed by the peer after 9 bytes", e.getMessage());
    }

    @Test
    void headerLinesAreLimited() throws IOException {
        WireReader reader = new WireReader(new ByteArrayInputStream(
                ("LSL/110 200 OK\r\nUID: abc\r\n" + "X".repeat(5000)).getBytes()), 65536);
        assertEquals("LSL/110 200 OK", reader.readLine(4096));
        assertEquals("UID: abc", reader.readLine(4096));
        IOException e = assertThrows(IOException.class, () -> reader.readLine(4096));
        assertEquals("a header line longer than 4096 bytes at byte 26 of the stream", e.getMessage());
    }

    @Test
    void aLastLineWithoutLineEndIsReturnedAtTheEndOfTheStream() throws IOException {
        WireReader reader = new WireReader(new ByteArrayInputStream("LSL/110 404 Not found".getBytes()), 1024);
        assertEquals("LSL/110 404 Not found", reader.readLine(4096));
        assertThrows(EOFException.class, () -> reader.readLine(4096));
    }

    private static void assertPattern(ChannelFormat format, String first, String second) {
        assertEquals(first, row(TestPattern.sample(format, 4, TestPattern.FIRST_OFFSET)));
        assertEquals(second, row(TestPattern.sample(format, 4, TestPattern.SECOND_OFFSET)));
    }

    private static String row(Chunk sample) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < sample.channelCount(); c++) {
            text.append(c == 0 ? "" : " ").append(sample.valueAsString(0, c));
        }
        return text.toString();
    }

    private static SampleDecoder decoder(byte[] wire, ByteOrder order, ChannelFormat format, int channels,
            double rate) {
        WireReader reader = new WireReader(new ByteArrayInputStream(wire), 1024);
        reader.order(order);
        return new SampleDecoder(reader, format, channels, rate);
    }


    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = new byte[a.length + b.length];
        System.arraycopy(a, 0, result, 0, a.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }
}
