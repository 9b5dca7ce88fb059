package org.naoyu.datasets.xdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;
import org.naoyu.datasets.SharedData;

/** The expectations of shared/data/xdf/README.md: pyxdf's, XDF.jl's and xdf_rs's tests on real files. */
class XdfReaderTest {
    private static final XdfReader.Options RAW = XdfReader.Options.raw();
    private static final XdfReader.Options SYNC = XdfReader.Options.raw().withSynchronizeClocks(true);

    private static XdfRecording read(String file, XdfReader.Options options) throws Exception {
        return XdfReader.read(SharedData.path("xdf/" + file), options);
    }

    @Test
    void minimalFile() throws Exception {
        XdfRecording recording = read("minimal.xdf", RAW);
        assertEquals(2, recording.streams().size());
        assertTrue(recording.problems().isEmpty(), recording.problems().toString());
        assertTrue(recording.fileHeaderXml().contains("<version>1.0</version>"));

        XdfStream eeg = recording.streams().get(0);
        assertEquals(0, eeg.streamId());
        assertEquals("SendDataC", eeg.info().name());
        assertEquals("EEG", eeg.info().type());
        assertEquals(3, eeg.info().channelCount());
        assertEquals(10.0, eeg.info().nominalRateHz());
        assertEquals(ChannelFormat.INT16, eeg.info().format());
        assertEquals(50942.723319709003, eeg.info().createdAt());
        assertEquals("xdfwriter_11_int", eeg.info().uid());
        assertArrayEquals(new short[] {192, 255, 238, 12, 22, 32, 13, 23, 33, 14, 24, 34, 15, 25, 35, 12, 22, 32,
            13, 23, 33, 14, 24, 34, 15, 25, 35}, eeg.samples().int16Values());
        assertTimestamps(new double[] {5.1, 5.2, 5.3, 5.4, 5.5, 5.6, 5.7, 5.8, 5.9}, eeg.samples(), 1e-12);
        assertArrayEquals(new double[] {6.1, 7.1}, eeg.clockTimes());
        assertArrayEquals(new double[] {-0.1, -0.1}, eeg.clockValues());
        assertTrue(eeg.footerXml().contains("<sample_count>9</sample_count>"), eeg.footerXml());
        assertTrue(eeg.footerXml().endsWith("</clock_offsets></info>"));
        assertTrue(eeg.headerXml().startsWith("<?xml version=\"1.0\"?>") && eeg.headerXml().endsWith("</uid></info>"));

        XdfStream markers = recording.streams().get(1);
        assertEquals(0x02C0FFEE, markers.streamId());
        assertEquals("SendDataString", markers.info().name());
        assertEquals("StringMarker", markers.info().type());
        assertEquals(ChannelFormat.STRING, markers.info().format());
        assertEquals("xdfwriter_11_str", markers.info().uid());
        String[] values = markers.samples().stringValues();
        assertEquals(321, values[0].getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                "the first string sample is a 321-byte footer XML");
        assertEquals(List.of("Hello", "World", "from", "LSL", "Hello", "World", "from", "LSL"),
                List.of(values).subList(1, 9));
        assertTimestamps(new double[] {5.1, 5.2, 5.3, 5.4, 5.5, 5.6, 5.7, 5.8, 5.9}, markers.samples(), 1e-12);
    }

    @Test
    void minimalFileClockSyncShiftsByTheOffset() throws Exception {
        XdfRecording recording = read("minimal.xdf", SYNC);
        assertTimestamps(new double[] {5.0, 5.1, 5.2, 5.3, 5.4, 5.5, 5.6, 5.7, 5.8},
                recording.streams().get(0).samples(), 1e-12);
        assertEquals(List.of(new Segment(0, 8)), recording.streams().get(0).clockSegments(),
                "samples before the first clock measurement belong to the first clock segment");
        assertTimestamps(new double[] {5.1, 5.2, 5.3, 5.4, 5.5, 5.6, 5.7, 5.8, 5.9},
                recording.streams().get(1).samples(), 1e-12);
        assertEquals(List.of(), recording.streams().get(1).clockSegments(), "no ClockOffset chunks, no sync");
    }

    @Test
    void minimalFileSegmentsFollowTheJitterThreshold() throws Exception {
        XdfReader.Options dejitter = RAW.withDejitter(true);
        XdfStream loose = read("minimal.xdf", dejitter.withJitterBreak(0.11, 0)).streams().get(0);
        assertEquals(List.of(new Segment(0, 8)), loose.segments());
        assertEquals(10.0, loose.effectiveRateHz(), 1e-9);
        XdfStream tight = read("minimal.xdf", dejitter.withJitterBreak(0.09, 0)).streams().get(0);
        assertEquals(9, tight.segments().size(), "every sample its own segment: " + tight.segments());
        assertEquals(0.0, tight.effectiveRateHz());
    }

    @Test
    void clockResetsRaw() throws Exception {
        XdfRecording recording = read("clock_resets.xdf", RAW);
        assertEquals(2, recording.streams().size());
        XdfStream markers = recording.streams().get(0);
        assertEquals(1, markers.streamId());
        assertEquals("MyMarkerStream", markers.info().name());
        assertEquals("myuidw43536", markers.info().sourceId());
        assertEquals("BP-LP-022", markers.info().hostname());
        assertEquals(175, markers.sampleCount());
        assertEquals(653153.2121885, markers.samples().timestamps()[0], 1e-7);
        assertEquals(259.6538279, markers.samples().timestamps()[174], 1e-7);
        assertEquals(653156.02616855, markers.clockTimes()[0], 1e-6);
        assertEquals(264.6430016000002, markers.clockTimes()[markers.clockTimes().length - 1], 1e-6);
        assertEquals(-652340.2838639501, markers.clockValues()[0], 1e-4);
        assertEquals(1121.165595, markers.clockValues()[markers.clockValues().length - 1], 1e-4);

        XdfStream eeg = recording.streams().get(1);
        assertEquals("BioSemi", eeg.info().name());
        assertEquals(27815, eeg.sampleCount(), "counted samples, as the footer also says");
        assertEquals(653150.379117, eeg.samples().timestamps()[0], 1e-6);
        assertEquals(261.9267033, eeg.samples().timestamps()[27814], 1e-6);
        float[] first = java.util.Arrays.copyOf(eeg.samples().float32Values(), 8);
        assertArrayEquals(new float[] {0.14181f, 0.46287f, 0.35398f, 0.21986f, 0.76060f, 0.32330f, 0.31239f,
            0.86122f}, first, 1e-5f);
        double[] expectedMeans = {0.49945, 0.49978, 0.50331, 0.50142, 0.50194, 0.50130, 0.50257, 0.49762};
        for (int c = 0; c < 8; c++) {
            double sum = 0;
            for (int s = 0; s < 27815; s++) {
                sum += eeg.samples().valueAsDouble(s, c);
            }
            assertEquals(expectedMeans[c], sum / 27815, 1e-4, "mean of channel " + c);
        }
        assertEquals(List.of(new Segment(0, 27814)), eeg.segments());
        assertNotEquals(92.934, eeg.effectiveRateHz(), 1e-3);
    }

    @Test
    void clockResetsSplitIntoTwoClockSegments() throws Exception {
        XdfRecording recording = read("clock_resets.xdf", SYNC);
        assertEquals(List.of(new Segment(0, 90), new Segment(91, 174)), recording.streams().get(0).clockSegments());
        assertEquals(List.of(new Segment(0, 12875), new Segment(12876, 27814)),
                recording.streams().get(1).clockSegments());
    }

    @Test
    void clockResetsDejitteredPerSegment() throws Exception {
        XdfStream eeg = read("clock_resets.xdf", RAW.withDejitter(true)).streams().get(1);
        assertEquals(List.of(new Segment(0, 12875), new Segment(12876, 27814)), eeg.segments());
        assertEquals(92.934, eeg.effectiveRateHz(), 1e-3);
    }

    @Test
    void clockResetsSyncedAndDejitteredAsPyxdf() throws Exception {
        XdfRecording recording = read("clock_resets.xdf", XdfReader.Options.defaults());
        Chunk markers = recording.streams().get(0).samples();
        assertEquals(812.92790, markers.timestamps()[0], 1e-4);
        assertEquals(1380.81945, markers.timestamps()[174], 1e-4);
        XdfStream eeg = recording.streams().get(1);
        assertEquals(810.02979, eeg.samples().timestamps()[0], 1e-4);
        assertEquals(1383.18427, eeg.samples().timestamps()[27814], 1e-4);
        assertEquals(92.93437, eeg.effectiveRateHz(), 1e-4);
    }

    @Test
    void emptyStreams() throws Exception {
        XdfRecording recording = read("empty_streams.xdf", RAW);
        assertEquals(List.of(3, 4, 1, 2), recording.streams().stream().map(XdfStream::streamId).toList());
        XdfStream empty = recording.streams().get(0);
        assertEquals("Empty data stream: test stream 0 counter", empty.info().name());
        assertEquals(0, empty.sampleCount());
        assertEquals(List.of(), empty.segments());
        assertEquals("ch:00", empty.info().channels().get(0).label());
        assertEquals("misc", empty.info().channels().get(0).type());

        XdfStream counter = recording.streams().get(1);
        assertEquals(ChannelFormat.INT32, counter.info().format());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, counter.samples().int32Values());
        for (int k = 0; k < 10; k++) {
            assertEquals(91725.21394789 + k, counter.samples().timestamps()[k], 1e-8);
        }
        assertEquals(7, counter.clockTimes().length);
        assertTrue(counter.footerXml().contains("<first_timestamp>91725.21394789348</first_timestamp><last_timestamp>"
                + "91735.21394789348</last_timestamp><sample_count>10</sample_count>"), counter.footerXml());
        for (double value : counter.clockValues()) {
            assertEquals(-2e-5, value, 3e-5, "offsets of about -20 us");
        }

        XdfStream ctrl = recording.streams().get(2);
        assertEquals("ctrl", ctrl.info().name());
        assertEquals("kassia", ctrl.info().sourceId());
        assertEquals(1, ctrl.sampleCount());
        assertEquals("{\"state\": 2}", ctrl.samples().stringValues()[0]);
        assertEquals(91725.01400425, ctrl.samples().timestamps()[0], 1e-8);
        assertEquals(0, recording.streams().get(3).sampleCount());
    }

    @Test
    void emptyStreamsDejitteredCounterIsRegular() throws Exception {
        XdfStream counter = read("empty_streams.xdf", XdfReader.Options.defaults()).streams().get(1);
        double[] t = counter.samples().timestamps();
        double mean = (t[9] - t[0]) / 9;
        double variance = 0;
        for (int k = 1; k < 10; k++) {
            variance += Math.pow(t[k] - t[k - 1] - mean, 2) / 9;
        }
        assertTrue(Math.sqrt(variance) < 6e-11, "std(diff) = " + Math.sqrt(variance));
        assertEquals(List.of(new Segment(0, 9)), counter.segments());
        assertEquals(91725.2139, t[0], 1e-4);
    }

    @Test
    void twoChannelStringMarkers() throws Exception {
        XdfRecording recording = read("twochannel_string_marker.xdf", RAW);
        XdfStream markers = recording.streamById(0xDEADBEEF).orElseThrow();
        assertEquals("SendMarker", markers.info().name());
        assertArrayEquals(new String[] {"Marker 0A", "Marker 0B"}, markers.samples().stringValues());
        assertEquals(17.0, markers.samples().timestamps()[0]);
        XdfStream eeg = recording.stream("SendDataC").orElseThrow();
        assertEquals(ChannelFormat.DOUBLE64, eeg.info().format());
        assertArrayEquals(new double[64], eeg.samples().double64Values());
        XdfRecording synced = read("twochannel_string_marker.xdf", SYNC);
        assertEquals(16.9, synced.streamById(0xDEADBEEF).orElseThrow().samples().timestamps()[0], 1e-12);
        assertArrayEquals(new double[] {6.1}, synced.streamById(0xDEADBEEF).orElseThrow().clockTimes());
    }

    @Test
    void notAnXdfFileIsRefusedWithItsName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notes.xdf");
        Files.writeString(file, "This is not a valid XDF file!");
        XdfFormatException e = assertThrows(XdfFormatException.class, () -> XdfReader.read(file, RAW));
        assertEquals(file + ", byte 0: expected the magic bytes 'XDF:' of an XDF file, got 'This'", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"chunk_length_lie.xdf", "out_of_order_clock_offsets.xdf", "out_of_order_sample_chunk.xdf"})
    void malformedFilesGiveAPartialReadAndNameTheDamage(String file) throws Exception {
        XdfRecording recording = read("malformed/" + file, XdfReader.Options.defaults());
        assertTrue(!recording.problems().isEmpty(), "the damage is reported");
        for (String problem : recording.problems()) {
            assertTrue(problem.matches(".*" + java.util.regex.Pattern.quote(file) + ", byte \\d+: .+"), problem);
        }
    }

    @Test
    void malformedSampleChunkStillYieldsTheReadableStream() throws Exception {
        XdfRecording recording = read("malformed/out_of_order_sample_chunk.xdf", RAW);
        XdfStream stream = recording.stream("000000000").orElseThrow();
        // pyxdf scans to the next boundary after the bad chunk and keeps 1 sample; we skip only the bad chunk,
        // whose framing held, and keep more of the garbled data. Both are partial reads.
        assertTrue(stream.sampleCount() >= 1, "at least what pyxdf reads: " + stream.sampleCount());
        assertTrue(recording.problems().stream().anyMatch(p -> p.contains("channelCount must be in [1, 65536], got 0")),
                recording.problems().toString());
    }

    private static void assertTimestamps(double[] expected, Chunk samples, double tolerance) {
        assertEquals(expected.length, samples.sampleCount());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], samples.timestamps()[i], tolerance, "timestamp " + i);
        }
    }
}
