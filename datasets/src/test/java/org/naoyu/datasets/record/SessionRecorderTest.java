package org.naoyu.datasets.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.LocalClock;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.ResolvedStream;
import org.naoyu.acquisition.lsl.StreamOutlet;
import org.naoyu.acquisition.lsl.StreamResolver;
import org.naoyu.acquisition.lsl.TestSignal;
import org.naoyu.datasets.xdf.XdfReader;
import org.naoyu.datasets.xdf.XdfRecording;
import org.naoyu.datasets.xdf.XdfStream;

/** Live LSL streams on loopback recorded to XDF and read back. */
@Timeout(60)
class SessionRecorderTest {
    private static final LslConfig CONFIG = LslConfig.defaults();
    @TempDir
    Path dir;

    private static StreamInfo info(String name, ChannelFormat format, int channels, double rate) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        return StreamInfo.builder(name + "-" + id, channels, rate, format).type("ECOG")
                .sourceId("naoyu-test-" + id).build();
    }

    private static ResolvedStream resolve(StreamInfo info) throws Exception {
        return StreamResolver.resolveByProperty(CONFIG, "source_id", info.sourceId(), 1, Duration.ofSeconds(10))
                .get(0);
    }

    /** Pushes the test signal in 10-ms chunks for {@code seconds}, numbering samples from {@code first}. */
    private static long push(StreamOutlet outlet, long first, double seconds) throws InterruptedException {
        int channels = outlet.info().channelCount();
        long n = first;
        double end = LocalClock.now() + seconds;
        while (LocalClock.now() < end) {
            Chunk chunk = Chunk.allocate(outlet.info().format(), channels, 5);
            for (int s = 0; s < 5; s++) {
                chunk.timestamps()[s] = LocalClock.now();
            }
            TestSignal.fill(chunk, n);
            outlet.push(chunk);
            n += 5;
            Thread.sleep(10);
        }
        return n - first;
    }

    @Test
    void recordsEverySampleOfTwoStreamsWithClockOffsetsAndFooters() throws Exception {
        StreamInfo eegInfo = info("rec-eeg", ChannelFormat.FLOAT32, 16, 500);
        StreamInfo markerInfo = info("rec-markers", ChannelFormat.STRING, 1, 0);
        Path file = new SessionInfo("P07", "01", "calibration", 1).bidsPath(dir);
        try (StreamOutlet eeg = StreamOutlet.open(eegInfo, CONFIG);
             StreamOutlet markers = StreamOutlet.open(markerInfo, CONFIG)) {
            long pushed;
            try (SessionRecorder recorder = SessionRecorder.start(List.of(resolve(eegInfo), resolve(markerInfo)),
                    CONFIG, file, new SessionInfo("P07", "01", "calibration", 1).headerFields(),
                    Duration.ofMillis(500))) {
                assertTrue(eeg.waitForConsumers(Duration.ofSeconds(5)));
                assertTrue(markers.waitForConsumers(Duration.ofSeconds(5)));
                markers.pushSample("cue:ma3");
                pushed = push(eeg, 0, 2.5);
                markers.pushSample("rest");
                Thread.sleep(300);
                List<StreamProgress> progress = recorder.progress();
                assertEquals(2, progress.size());
                assertEquals(pushed, progress.get(0).samples(), "the progress line counts what was written");
                assertTrue(progress.get(0).connected());
            }
            assertTrue(file.toString().endsWith("sub-P07/ses-01/ieeg/sub-P07_ses-01_task-calibration_run-01_ieeg.xdf"));
            XdfRecording recording = XdfReader.read(file, XdfReader.Options.raw());
            assertEquals(List.of(), recording.problems());
            assertTrue(recording.fileHeaderXml().contains("<participant>P07</participant><session>01</session>"
                    + "<task>calibration</task><run>1</run>"), recording.fileHeaderXml());
            XdfStream recordedEeg = recording.stream(eegInfo.name()).orElseThrow();
            assertEquals(pushed, recordedEeg.sampleCount(), "nothing lost");
            for (int s = 0; s < recordedEeg.sampleCount(); s++) {
                assertTrue(TestSignal.matches(recordedEeg.samples(), s, s), "sample " + s + " in order and intact");
            }
            assertTrue(recordedEeg.clockTimes().length >= 3, "a clock offset every 0.5 s: "
                    + recordedEeg.clockTimes().length);
            for (double offset : recordedEeg.clockValues()) {
                assertEquals(0.0, offset, 0.005, "one machine, one clock");
            }
            assertTrue(recordedEeg.footerXml().contains("<sample_count>" + pushed + "</sample_count>"));
            XdfStream recordedMarkers = recording.stream(markerInfo.name()).orElseThrow();
            assertEquals(List.of("cue:ma3", "rest"), List.of(recordedMarkers.samples().stringValues()));
            assertEquals(16, recordedEeg.info().channelCount());
            assertEquals(eeg.info().uid(), recordedEeg.info().uid(), "the full info of the outlet is kept");
        }
    }

    @Test
    void aStreamThatDropsAndReturnsIsRecordedOnBothSidesOfTheGap() throws Exception {
        StreamInfo eegInfo = info("rec-gap", ChannelFormat.INT16, 4, 500);
        Path file = dir.resolve("gap.xdf");
        StreamOutlet first = StreamOutlet.open(eegInfo, CONFIG);
        long before;
        long after;
        try (SessionRecorder recorder = SessionRecorder.start(List.of(resolve(eegInfo)), CONFIG, file, java.util.Map.of(),
                Duration.ofSeconds(5))) {
            assertTrue(first.waitForConsumers(Duration.ofSeconds(5)));
            before = push(first, 0, 0.5);
            Thread.sleep(200);
            first.close();
            try (StreamOutlet second = StreamOutlet.open(eegInfo, CONFIG)) {
                assertTrue(second.waitForConsumers(Duration.ofSeconds(20)), "the recorder's inlet came back");
                after = push(second, 10_000, 0.5);
                Thread.sleep(300);
                assertEquals(1, recorder.progress().get(0).gaps());
            }
        } finally {
            first.close();
        }
        XdfStream stream = XdfReader.read(file, XdfReader.Options.raw()).streams().get(0);
        assertEquals(before + after, stream.sampleCount());
        assertTrue(TestSignal.matches(stream.samples(), (int) before, 10_000), "the second outlet's first sample");
    }

    /** kill -9 of the recording process: the file reads cleanly up to at most about a second before the kill. */
    @Test
    void aKilledRecorderLeavesAReadableFile() throws Exception {
        StreamInfo eegInfo = info("rec-kill", ChannelFormat.FLOAT32, 8, 500);
        Path file = dir.resolve("killed.xdf");
        try (StreamOutlet eeg = StreamOutlet.open(eegInfo, CONFIG)) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), RecorderChild.class.getName(),
                    eegInfo.sourceId(), file.toString()).redirectErrorStream(true).start();
            try {
                String line = new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()))
                        .readLine();
                assertEquals("recording", line);
                assertTrue(eeg.waitForConsumers(Duration.ofSeconds(10)));
                long pushed = push(eeg, 0, 3.0);
                child.destroyForcibly().waitFor();
                XdfRecording recording = XdfReader.read(file, XdfReader.Options.raw());
                XdfStream stream = recording.streams().get(0);
                assertTrue(recording.problems().size() <= 1, recording.problems().toString());
                assertTrue(stream.sampleCount() >= pushed - 2 * 500 && stream.sampleCount() <= pushed,
                        "at most about a second lost of " + pushed + ": " + stream.sampleCount());
                for (int s = 0; s < stream.sampleCount(); s++) {
                    assertTrue(TestSignal.matches(stream.samples(), s, s), "sample " + s);
                }
                assertEquals("", stream.footerXml(), "killed: no footer, and the reader does not need one");
            } finally {
                child.destroyForcibly();
            }
        }
    }

    @Test
    void neverOverwritesAndRefusesRealNamesInFileNames() throws Exception {
        Path file = dir.resolve("taken.xdf");
        Files.writeString(file, "earlier session");
        StreamInfo eegInfo = info("rec-taken", ChannelFormat.FLOAT32, 1, 100);
        try (StreamOutlet outlet = StreamOutlet.open(eegInfo, CONFIG)) {
            assertThrows(FileAlreadyExistsException.class, () -> SessionRecorder.start(List.of(resolve(eegInfo)),
                    CONFIG, file, java.util.Map.of(), Duration.ofSeconds(5)));
        }
        assertEquals("earlier session", Files.readString(file));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SessionInfo("Zhang San", "01", "task", 1));
        assertEquals("participant must be a BIDS label of 1-64 letters and digits (a pseudonym, not a name), got "
                + "'Zhang San'", e.getMessage());
        assertEquals("run must be in [1, 999], got 0", assertThrows(IllegalArgumentException.class,
                () -> new SessionInfo("P1", "01", "task", 0)).getMessage());
    }
}
