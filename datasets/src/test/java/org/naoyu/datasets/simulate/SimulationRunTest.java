package org.naoyu.datasets.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.StreamInlet;
import org.naoyu.acquisition.lsl.StreamOutlet;
import org.naoyu.acquisition.lsl.StreamResolver;
import org.naoyu.datasets.Python;
import org.naoyu.datasets.RecordedStream;
import org.naoyu.datasets.Recording;
import org.naoyu.datasets.Recordings;
import org.naoyu.datasets.corpus.TaskMarker;

@Timeout(120)
class SimulationRunTest {
    @TempDir
    Path dir;

    private static SimulatorConfig config() {
        return SimulatorConfig.builder().channels(64).sampleRateHz(1000).seed(3).build();
    }

    private Path write(String name, SimulatorConfig config, double seconds) throws Exception {
        Path file = dir.resolve(name);
        new SimulationRun(config, new SimulationRun.Outputs(file, null, "naoyu-test", seconds,
                Double.POSITIVE_INFINITY, 0.01)).run(started -> { }, progress -> { }, () -> false);
        return file;
    }

    @Test
    void theSameConfigWritesTheSameBytes() throws Exception {
        Path a = write("a.xdf", config(), 12);
        Path b = write("b.xdf", config(), 12);
        Path other = write("c.xdf", config().toBuilder().seed(4).build(), 12);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(other)), "another seed differs");
    }

    @Test
    void theFileHoldsTheSignalWithChannelMetadataAndTheMarkersOnItsSamples() throws Exception {
        Path file = write("s.xdf", config(), 20);
        Recording recording = Recordings.open(file);
        RecordedStream signal = recording.stream(SimulationRun.SIGNAL_NAME);
        RecordedStream markers = recording.stream(SimulationRun.MARKER_NAME);
        assertEquals(64, signal.info().channelCount());
        assertEquals(1000, signal.info().nominalRateHz());
        assertEquals(20_000, signal.sampleCount());
        assertEquals("G01", signal.info().channels().get(0).label());
        assertEquals("microvolts", signal.info().channels().get(0).unit());
        assertNotNull(signal.info().channels().get(63).position(), "positions in desc/channels/channel/location");
        assertEquals(28.0, signal.info().channels().get(63).position().xMm(), 1e-9, "8x8 grid, 4 mm pitch");
        assertTrue(recording.metadata().get("simulator").contains("seed=3"), recording.metadata().toString());
        assertTrue(recording.metadata().containsKey("bad_channels"));

        Chunk events = markers.samples();
        assertTrue(events.sampleCount() > 20, "markers in 20 s: " + events.sampleCount());
        double[] sampleTimes = signal.samples().timestamps();
        for (int i = 0; i < events.sampleCount(); i++) {
            double t = events.timestamps()[i];
            int index = java.util.Arrays.binarySearch(sampleTimes, t);
            int nearest = index >= 0 ? index : Math.min(sampleTimes.length - 1, -index - 1);
            if (index < 0 && nearest > 0 && t - sampleTimes[nearest - 1] < sampleTimes[nearest] - t) {
                nearest--;
            }
            // the reader dejitters the signal's timestamps by regression, which moves them by rounding only
            assertEquals(sampleTimes[nearest], t, 1e-9, "marker " + events.stringValues()[i] + " at " + t
                    + " s carries the timestamp of a signal sample");
            TaskMarker.parse(events.stringValues()[i]); // every marker reads back
        }
        assertEquals("cue", events.stringValues()[0].split(" ")[0]);
        assertEquals(sampleTimes[2000], events.timestamps()[0], 1e-9, "the first cue after two seconds of rest");
    }

    @Test
    void anIndependentXdfReaderAgrees() throws Exception {
        Path file = write("p.xdf", config(), 10);
        String json = Python.run("scripts/xdf_summary.py", file.toString(), "--markers", "3");
        assertTrue(json.contains("\"name\": \"naoyu-sim\""), json);
        assertTrue(json.contains("\"samples\": 10000"), json);
        assertTrue(json.contains("\"footer_sample_count\": 10000"), json);
        assertTrue(json.contains("\"channel_count\": 64"), json);
        assertTrue(json.contains("\"G64\""), json);
        assertTrue(json.contains("\"cue "), "markers with labels: " + json);
        assertTrue(json.contains("\"datetime\": \"1970-01-01T00:00:00Z\""), json);
    }

    @Test
    void outletsPublishTheSignalAndItsMarkersLive() throws Exception {
        LslConfig lsl = LslConfig.defaults();
        String sourceId = "naoyu-test-" + UUID.randomUUID();
        SimulationRun run = new SimulationRun(config().toBuilder().timing(new SimulatorConfig.TaskTiming(0.2, 0.1,
                0.2, 0.1)).build(), new SimulationRun.Outputs(null, lsl, sourceId, 8, 2, 0.01));
        List<SimulationRun.Progress> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread runner = inBackground(run, reports);
        StreamInlet signal = StreamInlet.open(StreamResolver.resolveByProperty(lsl, "source_id", sourceId, 1,
                Duration.ofSeconds(5)).get(0), lsl, StreamInlet.Options.defaults());
        StreamInlet markers = StreamInlet.open(StreamResolver.resolveByProperty(lsl, "source_id",
                sourceId + "-markers", 1, Duration.ofSeconds(5)).get(0), lsl, StreamInlet.Options.defaults());
        assertEquals("ECoG", signal.info().type());
        assertEquals(64, signal.info().channelCount());
        runner.join();
        Chunk samples = signal.pullChunk(100_000, Duration.ofSeconds(1));
        Chunk events = markers.pullChunk(1000, Duration.ofSeconds(1));
        signal.close();
        markers.close();
        assertTrue(samples.sampleCount() > 4000, "most of 8000 samples in 4 s at speed 2: " + samples.sampleCount());
        assertEquals(0.0005, samples.timestamps()[1] - samples.timestamps()[0], 1e-6,
                "1 kHz at twice real time: timestamps 0.5 ms apart");
        assertTrue(events.sampleCount() >= 5, "markers arrive: " + events.sampleCount());
        SimulationRun.Progress last = reports.get(reports.size() - 1);
        assertEquals(8.0, last.simulatedSeconds(), 1e-9);
        assertTrue(last.realTimeFactor() > 1.7 && last.realTimeFactor() < 2.2, "paced at x2: " + last.realTimeFactor());
    }

    @Test
    void aFollowingParticipantAttemptsWhatTheTaskStreamCuesWhenItCuesIt() throws Exception {
        LslConfig lsl = LslConfig.defaults();
        String id = "naoyu-follow-test-" + UUID.randomUUID();
        Path file = dir.resolve("follow.xdf");
        SimulatorConfig config = config().toBuilder().task(SimulatorConfig.Task.FOLLOW).randomBadChannels(0).snr(6)
                .movementsPerMinute(0).popsPerMinute(0).build();
        List<SimulationRun.Progress> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
        double go;
        try (StreamOutlet task = StreamOutlet.open(EcogSimulator.markerInfo("naoyu-task", id), lsl)) {
            SimulationRun run = new SimulationRun(config, new SimulationRun.Outputs(file, lsl, id + "-participant", 5,
                    1, 0.01), "source_id='" + id + "'");
            Thread runner = inBackground(run, reports);
            assertTrue(task.waitForConsumers(Duration.ofSeconds(5)), "the participant subscribes to the task stream");
            Thread.sleep(1000);
            task.pushSample(new TaskMarker(TaskMarker.Kind.CUE, "ba1").format());
            Thread.sleep(600);
            go = org.naoyu.acquisition.LocalClock.now();
            task.pushSample(new TaskMarker(TaskMarker.Kind.GO, "ba1").format());
            task.pushSample(new TaskMarker(TaskMarker.Kind.GO, "xx9").format()); // no such syllable: ignored
            task.pushSample("not a task marker");
            Thread.sleep(1500);
            task.pushSample(TaskMarker.of(TaskMarker.Kind.REST).format());
            runner.join();
        }
        Chunk markers = Recordings.open(file).stream(SimulationRun.MARKER_NAME).samples();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < markers.sampleCount(); i++) {
            labels.add(markers.valueAsString(i, 0));
        }
        TaskMarker goMarker = new TaskMarker(TaskMarker.Kind.GO, "ba1");
        assertEquals(List.of(new TaskMarker(TaskMarker.Kind.CUE, "ba1").format(), goMarker.format(),
                new TaskMarker(TaskMarker.Kind.SPEECH_ONSET, "ba1").format(),
                new TaskMarker(TaskMarker.Kind.SPEECH_OFFSET, "ba1").format(),
                TaskMarker.of(TaskMarker.Kind.REST).format()), labels, "the cues echoed, the attempt in between");
        double echoedGo = markers.timestamps()[1];
        double onset = markers.timestamps()[2];
        assertEquals(go, echoedGo, 0.03, "the go cue lands where it was given, on the sample clock");
        assertTrue(onset - echoedGo > 0.2 && onset - echoedGo < 1.0, "a reaction time after go: " + (onset - echoedGo));
        assertEquals(2, reports.get(reports.size() - 1).ignoredCues(), "the unknown syllable and the stray text");

        // the attempt is in the signal: high-frequency power at the jaw's electrode rises while the open vowel lasts
        RecordedStream signal = Recordings.open(file).stream(SimulationRun.SIGNAL_NAME);
        int jaw = new EcogSimulator(config).map().peakChannel(Articulator.JAW);
        double during = differencePower(signal, jaw, onset + 0.05, onset + 0.3);
        double before = differencePower(signal, jaw, onset - 1.5, onset - 1.0);
        assertTrue(during > 2 * before, "speech at the jaw's electrode: " + during + " vs " + before);
    }

    @Test
    void followingNeedsTheFollowTaskAndRealTime() {
        LslConfig lsl = LslConfig.defaults();
        String cues = "name='naoyu-task'";
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new SimulationRun(config(), new SimulationRun.Outputs(null, lsl, "x", 5, 1, 0.01), cues));
        assertEquals("following a task stream needs the follow task, got SYLLABLES", e.getMessage());
        SimulatorConfig follow = config().toBuilder().task(SimulatorConfig.Task.FOLLOW).build();
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new SimulationRun(follow, new SimulationRun.Outputs(null, lsl, "x", 5, 2, 0.01), cues));
        assertTrue(e.getMessage().startsWith("following a task stream needs live outlets at speed 1"), e.getMessage());
    }

    /** Starts {@code run} on a thread of its own, its progress reports going to {@code reports}. */
    private static Thread inBackground(SimulationRun run, List<SimulationRun.Progress> reports) {
        Thread runner = new Thread(() -> {
            try {
                run.run(started -> { }, reports::add, () -> false);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        runner.start();
        return runner;
    }

    /** Mean squared second difference of one channel between two times: its high frequencies, little of the 1/f. */
    private static double differencePower(RecordedStream signal, int channel, double from, double to) {
        Chunk samples = signal.samples();
        double sum = 0;
        int count = 0;
        for (int i = 2; i < samples.sampleCount(); i++) {
            double t = samples.timestamps()[i];
            if (t >= from && t < to) {
                double d = samples.valueAsDouble(i, channel) - 2 * samples.valueAsDouble(i - 1, channel)
                        + samples.valueAsDouble(i - 2, channel);
                sum += d * d;
                count++;
            }
        }
        assertTrue(count > 100, "samples between " + from + " and " + to + ": " + count);
        return sum / count;
    }
}
