package org.naoyu.datasets.xdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.ChannelInfo;
import org.naoyu.acquisition.ChannelPosition;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.StreamInfo;

class XdfWriterTest {
    @TempDir
    Path dir;

    /** Deterministic values of every type, with the extremes each type holds. */
    static Chunk data(ChannelFormat format, int channels, int samples, double t0) {
        Chunk chunk = Chunk.allocate(format, channels, samples);
        SplittableRandom random = new SplittableRandom(format.ordinal() * 31L + channels);
        for (int s = 0; s < samples; s++) {
            chunk.timestamps()[s] = t0 + s * 0.0005;
            for (int c = 0; c < channels; c++) {
                int i = s * channels + c;
                switch (format) {
                    case FLOAT32 -> chunk.float32Values()[i] = i == 0 ? Float.MAX_VALUE : (float) random.nextGaussian();
                    case DOUBLE64 -> chunk.double64Values()[i] = i == 0 ? -Double.MIN_VALUE : random.nextGaussian();
                    case INT8 -> chunk.int8Values()[i] = (byte) random.nextInt();
                    case INT16 -> chunk.int16Values()[i] = i == 0 ? Short.MIN_VALUE : (short) random.nextInt();
                    case INT32 -> chunk.int32Values()[i] = i == 0 ? Integer.MAX_VALUE : random.nextInt();
                    case INT64 -> chunk.int64Values()[i] = i == 0 ? Long.MIN_VALUE : random.nextLong();
                    case STRING -> chunk.stringValues()[i] = i % 3 == 0 ? "" : "cue 脑语 " + i + "x".repeat(i % 300);
                }
            }
        }
        return chunk;
    }

    @Test
    void everyFormatRoundTrips() throws Exception {
        Path file = dir.resolve("all.xdf");
        List<StreamInfo> infos = new ArrayList<>();
        List<Chunk> written = new ArrayList<>();
        try (XdfWriter writer = XdfWriter.create(file, Map.of("participant", "P07", "task", "calibration"))) {
            for (ChannelFormat format : ChannelFormat.values()) {
                StreamInfo info = StreamInfo.builder("s-" + format, 3, format == ChannelFormat.STRING ? 0 : 2000, format)
                        .type("ECOG").sourceId("src-" + format)
                        .createdAt(4589.25) // liblsl's %.16g keeps 16 digits; a 17-digit time would not round-trip
                        .channels(List.of(new ChannelInfo("G1", "microvolts", "ECOG", new ChannelPosition(0, 0, 0)),
                                ChannelInfo.labelled("G2"), ChannelInfo.labelled("G3")))
                        .build();
                int id = writer.addStream(info);
                Chunk first = data(format, 3, 40, 100.0);
                Chunk second = data(format, 3, 300, 100.02);
                writer.writeSamples(id, first);
                writer.writeClockOffset(id, 101.0, -0.25);
                writer.writeSamples(id, second);
                infos.add(info);
                written.add(concat(first, second));
            }
        }
        XdfRecording recording = XdfReader.read(file, XdfReader.Options.raw());
        assertEquals(List.of(), recording.problems());
        assertTrue(recording.fileHeaderXml().contains("<version>1.0</version>"));
        assertTrue(recording.fileHeaderXml().contains("<participant>P07</participant><task>calibration</task>")
                || recording.fileHeaderXml().contains("<task>calibration</task><participant>P07</participant>"));
        assertEquals(7, recording.streams().size());
        for (int i = 0; i < 7; i++) {
            XdfStream stream = recording.streams().get(i);
            assertEquals(i + 1, stream.streamId());
            assertEquals(infos.get(i), stream.info(), "the full stream info, channels included");
            assertEquals(written.get(i), stream.samples(), "values and timestamps of " + stream.info().format());
            assertArrayEquals(new double[] {101.0}, stream.clockTimes());
            assertArrayEquals(new double[] {-0.25}, stream.clockValues());
            assertTrue(stream.footerXml().contains("<first_timestamp>100.0</first_timestamp>"), stream.footerXml());
            assertTrue(stream.footerXml().contains("<sample_count>340</sample_count>"), stream.footerXml());
            assertTrue(stream.footerXml().contains("<offset><time>101.0</time><value>-0.25</value></offset>"));
        }
    }

    @Test
    void neverOverwrites() throws Exception {
        Path file = dir.resolve("taken.xdf");
        Files.writeString(file, "precious");
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class,
                () -> XdfWriter.create(file, Map.of()));
        assertEquals(file + ": refusing to overwrite an existing recording; choose another file name",
                e.getMessage());
        assertEquals("precious", Files.readString(file));
    }

    @Test
    void wrongShapesAndUnknownStreamsAreNamed() throws Exception {
        try (XdfWriter writer = XdfWriter.create(dir.resolve("shape.xdf"), Map.of())) {
            int id = writer.addStream(StreamInfo.builder("eeg", 2, 250, ChannelFormat.FLOAT32).build());
            assertEquals("chunk must have 2 float32 channels like stream 1 ('eeg'), got 2 int16",
                    assertThrows(IllegalArgumentException.class,
                            () -> writer.writeSamples(id, Chunk.allocate(ChannelFormat.INT16, 2, 1))).getMessage());
            assertEquals("streamId must be one that addStream returned [1], got 9",
                    assertThrows(IllegalArgumentException.class,
                            () -> writer.writeClockOffset(9, 1, 0)).getMessage());
            assertEquals("header field names must be XML element names, got 'bad name'",
                    assertThrows(IllegalArgumentException.class,
                            () -> XdfWriter.create(dir.resolve("x.xdf"), Map.of("bad name", "v"))).getMessage());
        }
    }

    /** A process killed mid-write leaves bytes up to some point: every prefix reads cleanly, up to its last chunk. */
    @Test
    @Timeout(60)
    void everyPrefixOfAFileReadsUpToItsLastCompleteChunk() throws Exception {
        Path file = dir.resolve("whole.xdf");
        try (XdfWriter writer = XdfWriter.create(file, Map.of())) {
            int eeg = writer.addStream(StreamInfo.builder("eeg", 4, 2000, ChannelFormat.FLOAT32).build());
            int markers = writer.addStream(StreamInfo.builder("cues", 1, 0, ChannelFormat.STRING).build());
            for (int k = 0; k < 10; k++) {
                writer.writeSamples(eeg, data(ChannelFormat.FLOAT32, 4, 20, k * 0.01));
                writer.writeSamples(markers, Chunk.ofStrings(1, new double[] {k * 0.01}, new String[] {"cue " + k}));
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.xdf");
        int previousSamples = 0;
        for (int length = 0; length <= bytes.length; length++) {
            Files.deleteIfExists(cut);
            Files.write(cut, java.util.Arrays.copyOf(bytes, length));
            if (length < 4) {
                assertThrows(XdfFormatException.class, () -> XdfReader.read(cut, XdfReader.Options.raw()));
                continue;
            }
            XdfRecording recording = XdfReader.read(cut, XdfReader.Options.raw());
            int samples = recording.streams().stream().mapToInt(XdfStream::sampleCount).sum();
            assertTrue(samples >= previousSamples, "a longer prefix never reads less (" + length + " bytes)");
            previousSamples = samples;
            if (length < bytes.length) {
                assertTrue(recording.problems().size() <= 1, recording.problems().toString());
            }
        }
        assertEquals(210, previousSamples, "the whole file: 200 EEG samples and 10 markers");
    }

    /** Flipped bytes anywhere: a partial read or an XdfFormatException, never anything else, never a hang. */
    @Test
    @Timeout(120)
    void flippedBytesNeverCrashTheReader() throws Exception {
        Path file = dir.resolve("fuzz-source.xdf");
        try (XdfWriter writer = XdfWriter.create(file, Map.of())) {
            int eeg = writer.addStream(StreamInfo.builder("eeg", 3, 500, ChannelFormat.INT16).build());
            int markers = writer.addStream(StreamInfo.builder("cues", 2, 0, ChannelFormat.STRING).build());
            for (int k = 0; k < 5; k++) {
                writer.writeSamples(eeg, data(ChannelFormat.INT16, 3, 10, k));
                writer.writeSamples(markers, data(ChannelFormat.STRING, 2, 2, k));
                writer.writeClockOffset(eeg, k, 0.001);
            }
        }
        byte[] original = Files.readAllBytes(file);
        SplittableRandom random = new SplittableRandom(2026);
        Path mutant = dir.resolve("mutant.xdf");
        for (int trial = 0; trial < 400; trial++) {
            byte[] bytes = original.clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
            }
            Files.deleteIfExists(mutant);
            Files.write(mutant, bytes);
            try {
                XdfReader.read(mutant, XdfReader.Options.defaults());
            } catch (XdfFormatException expected) {
                assertTrue(expected.getMessage().startsWith(mutant + ", byte "), expected.getMessage());
            }
        }
    }

    /** A 160 MB file walked by a JVM with a 48 MB heap: streaming mode holds one chunk at a time. */
    @Test
    @Timeout(120)
    void aFileLargerThanTheHeapIsReadChunkByChunk() throws Exception {
        Path file = dir.resolve("large.xdf");
        int channels = 256;
        Chunk chunk = Chunk.allocate(ChannelFormat.FLOAT32, channels, 200);
        java.util.Arrays.fill(chunk.float32Values(), 0.5f);
        long samples = 0;
        try (XdfWriter writer = XdfWriter.create(file, Map.of())) {
            int id = writer.addStream(StreamInfo.builder("large", channels, 2000, ChannelFormat.FLOAT32).build());
            for (int k = 0; k < 780; k++) {
                for (int s = 0; s < 200; s++) {
                    chunk.timestamps()[s] = samples + s;
                }
                writer.writeSamples(id, chunk);
                samples += 200;
            }
        }
        assertTrue(Files.size(file) > 150_000_000L, "bigger than the child's heap: " + Files.size(file));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx48m", "-cp", System.getProperty("java.class.path"), StreamingReadChild.class.getName(),
                file.toString()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes()).strip();
        assertEquals(0, child.waitFor(), output);
        assertEquals(samples + " " + (samples * channels * 0.5), output);
    }

    @Test
    void dataReachesTheDiskWithinASecondWhileRecording() throws Exception {
        Path file = dir.resolve("live.xdf");
        try (XdfWriter writer = XdfWriter.create(file, Map.of())) {
            int id = writer.addStream(StreamInfo.builder("eeg", 2, 100, ChannelFormat.FLOAT32).build());
            writer.writeSamples(id, data(ChannelFormat.FLOAT32, 2, 7, 1.0));
            Thread.sleep(XdfWriter.FLUSH_INTERVAL_MILLIS * 2);
            XdfRecording midway = XdfReader.read(file, XdfReader.Options.raw());
            assertEquals(7, midway.streams().get(0).sampleCount(), "readable before the writer closes");
            assertEquals("", midway.streams().get(0).footerXml(), "no footer yet");
        }
    }

    private static Chunk concat(Chunk a, Chunk b) {
        Chunk all = Chunk.allocate(a.format(), a.channelCount(), a.sampleCount() + b.sampleCount());
        System.arraycopy(a.timestamps(), 0, all.timestamps(), 0, a.sampleCount());
        System.arraycopy(b.timestamps(), 0, all.timestamps(), a.sampleCount(), b.sampleCount());
        System.arraycopy(a.valueArray(), 0, all.valueArray(), 0, a.sampleCount() * a.channelCount());
        System.arraycopy(b.valueArray(), 0, all.valueArray(), a.sampleCount() * a.channelCount(),
                b.sampleCount() * b.channelCount());
        return all;
    }
}
