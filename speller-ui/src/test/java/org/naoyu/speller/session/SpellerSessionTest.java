package org.naoyu.speller.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.ResolvedStream;
import org.naoyu.acquisition.lsl.StreamInlet;
import org.naoyu.acquisition.lsl.StreamResolver;
import org.naoyu.datasets.Recording;
import org.naoyu.speller.Cli;
import org.naoyu.speller.LiveParticipant;
import org.naoyu.speller.launch.DemoSetup;
import org.naoyu.speller.signal.RecordingFiles;

/**
 * The online session end to end: the demo's simulated participant live over LSL, {@code naoyu run} on its streams
 * with the demo model, and what comes out of the {@code naoyu-speller} marker stream and the recording.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class SpellerSessionTest {
    @TempDir
    static Path dir;

    Path model;

    @BeforeAll
    void trainTheDemoModel() throws Exception {
        StringWriter printed = new StringWriter();
        model = DemoSetup.model(dir.resolve("demo"), 64, 1000, 6, 300, new PrintWriter(printed, true));
        assertTrue(Files.isRegularFile(model), printed.toString());
    }

    @Test
    void runSpellsTheCuedSentencesIntoTheMarkerStreamAndTheRecording() throws Exception {
        List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
        AtomicBoolean listening = new AtomicBoolean(true);
        // the demo model (calibrated at SNR 6) on a live session at high SNR, as the end-to-end check asks:
        // at SNR 6 the first sentence, spelled while the z-score is still warming up, can cost it the 90 %
        try (LiveParticipant participant = new LiveParticipant(64, 1000, 10, 2)) {
            // a second program (LabRecorder's place) listens to naoyu-speller while naoyu run works
            Thread listener = new Thread(() -> listen(participant.spellerQuery(), events, listening), "listener");
            listener.start();
            Path record = dir.resolve("record");
            Cli.Run run = Cli.naoyu("run", "--stream", participant.signalQuery(), "--markers",
                    participant.markerQuery(), "--model", model.toString(), "--headless", "--seconds", "45",
                    "--record", record.toString(), "--participant", "P01", "--timeout", "10");
            listening.set(false);
            listener.join(5000);
            assertEquals(0, run.exitCode(), run.err());

            List<Map<String, Object>> sentences = events.stream().filter(e -> "sentence".equals(e.get("event")))
                    .toList();
            assertTrue(sentences.size() >= 4, "sentences in 45 s: " + sentences + "\n" + run.out());
            int right = 0;
            int of = 0;
            // the participant speaks from before naoyu run starts: the first sentence the session sees may have begun
            // before it (no cue then) and is spelled while the normalisation warms up; the rest are scored
            for (Map<String, Object> s : sentences.subList(1, sentences.size())) {
                String cued = (String) s.get("cued");
                String text = (String) s.get("text");
                assertTrue(DemoSetup.SENTENCES.stream().anyMatch(d -> d.text().equals(cued)), s.toString());
                for (int i = 0; i < cued.length(); i++) {
                    of++;
                    right += i < text.length() && text.charAt(i) == cued.charAt(i) ? 1 : 0;
                }
                assertEquals(((Number) s.get("of")).intValue(), cued.length());
            }
            assertTrue(right >= 0.9 * of, right + " of " + of + " characters: " + sentences);
            Map<String, Object> attempt = events.stream().filter(e -> "attempt".equals(e.get("event"))).findFirst()
                    .orElseThrow();
            assertEquals("cued", attempt.get("trigger"));
            assertEquals(5, ((List<?>) attempt.get("syllables")).size());
            assertFalse(((List<?>) attempt.get("candidates")).isEmpty());
            assertTrue(events.stream().anyMatch(e -> "cue".equals(e.get("event"))), "cues are published too");
            // stdout: one line per sentence, '(cued …)' for each whose cue the session saw
            assertTrue(run.out().lines().filter(l -> l.contains("(cued ")).count() >= sentences.stream()
                    .filter(s -> !"".equals(s.get("cued"))).count(), run.out());

            // the recording: signal, task markers and naoyu-speller, laid out under the pseudonym only
            List<Path> files;
            try (Stream<Path> walk = Files.walk(record)) {
                files = walk.filter(p -> p.toString().endsWith(".xdf")).toList();
            }
            assertEquals(1, files.size(), files.toString());
            assertTrue(record.relativize(files.get(0)).toString().startsWith("sub-P01"), files.toString());
            Recording recording = RecordingFiles.open(files.get(0));
            assertEquals(List.of("naoyu-sim", "naoyu-sim-markers", "naoyu-speller"),
                    recording.streams().stream().map(s -> s.info().name()).sorted().toList());
            long recordedSentences = recording.events().stream()
                    .filter(e -> e.label().startsWith("{\"event\":\"sentence\"")).count();
            assertTrue(recordedSentences >= sentences.size() - 1, "recorded " + recordedSentences + " of "
                    + sentences.size() + " sentences");
        }
    }

    @Test
    void runRefusesAModelThatDoesNotFitTheStream() throws Exception {
        try (LiveParticipant participant = new LiveParticipant(16, 1000, 6, 3)) {
            Cli.Run run = Cli.naoyu("run", "--stream", participant.signalQuery(), "--model", model.toString(),
                    "--headless", "--seconds", "5", "--timeout", "10");
            assertEquals(1, run.exitCode(), run.out());
            assertTrue(run.err().contains("does not fit stream 'naoyu-sim'") && run.err().contains("channels"),
                    run.err());
        }
    }

    @Test
    void aSessionThatCannotStartLeavesNoRecordingBehind() throws Exception {
        try (LiveParticipant participant = new LiveParticipant(16, 1000, 6, 6)) {
            Path record = dir.resolve("refused");
            Cli.Run run = Cli.naoyu("run", "--stream", participant.signalQuery(), "--phase", "calibration",
                    "--record", record.toString(), "--participant", "P02", "--headless", "--timeout", "10");
            assertEquals(1, run.exitCode(), run.out());
            assertTrue(run.err().contains("calibration needs the task's marker stream"), run.err());
            assertFalse(Files.exists(record), "nothing was opened, so nothing was written");
        }
    }

    @Test
    void runRefusesADecoderItCannotTrain() {
        Cli.Run run = Cli.naoyu("run", "--stream", "no-such-stream-here", "--decoder", "forest", "--headless",
                "--timeout", "0.5");
        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("--decoder must be linear, network or templates, got 'forest'"), run.err());
        Cli.Run both = Cli.naoyu("run", "--stream", "no-such-stream-here", "--decoder", "templates",
                "--train-network", "--headless", "--timeout", "0.5");
        assertEquals(1, both.exitCode(), both.err());
        assertTrue(both.err().contains("--train-network is --decoder network"), both.err());
    }

    @Test
    void runSaysWhichStreamItCouldNotFind() {
        Cli.Run run = Cli.naoyu("run", "--stream", "no-such-stream-here", "--headless", "--timeout", "0.5");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no stream matches 'no-such-stream-here'"), run.err());
    }

    private static void listen(String query, List<Map<String, Object>> events, AtomicBoolean listening) {
        try {
            List<ResolvedStream> found = List.of();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (found.isEmpty() && listening.get() && System.nanoTime() < deadline) {
                found = StreamResolver.resolve(LslConfig.defaults(), query, 1, Duration.ofSeconds(1));
            }
            if (found.isEmpty()) {
                return;
            }
            try (StreamInlet inlet = StreamInlet.open(found.get(0))) {
                while (listening.get() || inlet.samplesAvailable() > 0) {
                    Chunk chunk = inlet.pullChunk(64, Duration.ofMillis(200));
                    for (int i = 0; i < chunk.sampleCount(); i++) {
                        events.add(Events.parse(chunk.valueAsString(i, 0)));
                    }
                }
            }
        } catch (Exception e) {
            events.add(Map.of("event", "listener-failed", "error", e.toString()));
        }
    }
}
