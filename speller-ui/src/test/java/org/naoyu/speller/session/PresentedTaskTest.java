package org.naoyu.speller.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.datasets.Recording;
import org.naoyu.datasets.corpus.TaskMarker;
import org.naoyu.datasets.simulate.SimulationRun;
import org.naoyu.decoder.language.PinyinConverter;
import org.naoyu.decoder.model.TrainedModel;
import org.naoyu.speller.launch.DemoSetup;
import org.naoyu.speller.launch.SessionLauncher;
import org.naoyu.speller.launch.SimulatedParticipant;
import org.naoyu.speller.session.event.SessionEvent;
import org.naoyu.speller.signal.RecordingFiles;
import org.naoyu.speller.training.ModelTraining;

/** The session presents the calibration itself on naoyu-task, and a simulated participant follows it over LSL. */
@Timeout(120)
class PresentedTaskTest {
    private static final List<String> TRIALS = List.of("ma3", "ba1", "shi4", "lv4");
    private static final TaskPresentation.Timing QUICK = new TaskPresentation.Timing(0.3, 1.0, 0.3);

    @TempDir
    Path dir;

    @Test
    void theStepsComeOnTimeAndAHeldUpSessionDoesNotBurst() throws Exception {
        List<String> shown = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        int[] finished = {0};
        TaskPresenter.Listener listener = new TaskPresenter.Listener() {
            @Override
            public void presented(double time, TaskMarker marker) {
                shown.add(marker.format());
                times.add(time);
            }

            @Override
            public void finished(int trials) {
                finished[0] = trials;
            }
        };
        try (TaskPresenter presenter = TaskPresenter.open(new TaskPresentation(TRIALS.subList(0, 2), QUICK, 1, 0, "test"),
                "unit", LslConfig.defaults())) {
            assertEquals("naoyu-task", presenter.info().name());
            assertEquals("naoyu-task-unit", presenter.info().sourceId());
            presenter.start(100);
            presenter.tick(101.9, listener);
            assertTrue(shown.isEmpty(), "nothing during the lead-in");
            presenter.tick(102.0, listener);
            presenter.tick(102.29, listener);
            assertEquals(List.of("cue ma3"), shown);
            presenter.tick(102.3, listener);
            assertEquals(List.of("cue ma3", "go ma3"), shown);
            presenter.tick(110, listener); // held up 7 s: the rest now, the next cue a rest interval later
            assertEquals(List.of("cue ma3", "go ma3", "rest"), shown);
            assertEquals(110, times.get(2));
            presenter.tick(110.2, listener);
            assertEquals(3, shown.size(), "the rest lasts 0.24-0.36 s");
            presenter.tick(110.4, listener);
            assertEquals("cue ba1", shown.get(3));
            presenter.stop(110.5, listener); // leaving calibration mid-trial closes it with a rest
            assertEquals("rest", shown.get(4));
            assertEquals(2, presenter.shown());
            presenter.start(120);
            assertTrue(!presenter.running(), "every trial was shown: nothing left to present");
            assertEquals(0, finished[0], "stopped early, so never finished");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TaskPresentation(List.of("ma3", "m a"), QUICK, 1, 0, "x"));
        assertEquals("trials[1] must be a toned syllable such as ma3, got 'm a'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TaskPresentation.Timing(0.3, 0.1, 1));
        assertEquals("attemptSeconds must be in [0.5, 10.0] s, got 0.1", e.getMessage());
    }

    @Test
    void aSimulatedParticipantAttemptsWhatTheSessionPresents() throws Exception {
        LslConfig lsl = LslConfig.defaults();
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        try (SimulatedParticipant participant = new SimulatedParticipant(DemoSetup.simulator(16, 1000, 8, 5), lsl,
                "naoyu-test", true)) {
            OnlineSession.Options options = new OnlineSession.Options(
                    SessionLauncher.resolve(lsl, participant.signalQuery(), Duration.ofSeconds(10)),
                    SessionLauncher.resolve(lsl, participant.markerQuery(), Duration.ofSeconds(10)), lsl, dir, null,
                    Map.of(), ModelTraining.forSessionCalibration(TrainedModel.Kind.LINEAR), null, OnlineSession.Phase.CALIBRATION,
                    new TaskPresentation(TRIALS, QUICK, 1, 40, "plan trials 40-43"));
            try (OnlineSession session = OnlineSession.start(options, null, PinyinConverter.shipped().decoder())) {
                session.addObserver(events::add);
                long deadline = System.nanoTime() + 40_000_000_000L;
                while (!String.valueOf(session.operatorStatus().log()).contains("all 4 presented trials shown")
                        && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                Thread.sleep(500); // the last attempt's markers reach the recording
                String log = String.valueOf(session.operatorStatus().log());
                assertTrue(log.contains("all 4 presented trials shown (plan trials 40-43; the next session goes on "
                        + "with --plan-from 44)"), log);
                session.setPhase(OnlineSession.Phase.WATCHING).get(5, TimeUnit.SECONDS);
            }
            assertTrue(participant.failure() == null, String.valueOf(participant.failure()));
        }
        List<String> steps = events.stream().filter(e -> e instanceof SessionEvent.Cue)
                .map(e -> ((SessionEvent.Cue) e).kind() + " " + ((SessionEvent.Cue) e).text()).toList();
        assertTrue(steps.containsAll(List.of("cue ma3", "go ma3", "rest ", "cue lv4", "go lv4")),
                "the participant view shows cue, go and rest: " + steps);

        Recording calibration = RecordingFiles.open(dir.resolve("calibration-1.xdf"));
        List<String> presented = labels(calibration.stream("naoyu-task").samples());
        List<String> expected = new ArrayList<>();
        for (String trial : TRIALS) {
            expected.addAll(List.of("cue " + trial, "go " + trial, "rest"));
        }
        assertEquals(expected, presented, "the presented task is recorded as presented");
        Chunk followed = calibration.stream(SimulationRun.MARKER_NAME).samples();
        List<String> onsets = labels(followed).stream().filter(l -> l.startsWith("speech_onset ")).toList();
        assertEquals(TRIALS.stream().map(t -> "speech_onset " + t).toList(), onsets,
                "the participant attempted each presented syllable, in order");
        Chunk task = calibration.stream("naoyu-task").samples();
        for (int trial = 0; trial < TRIALS.size(); trial++) {
            double go = task.timestamps()[3 * trial + 1];
            double onset = onsetOf(followed, TRIALS.get(trial));
            assertTrue(onset - go > 0.1 && onset - go < 1.0, TRIALS.get(trial) + ": speech " + (onset - go)
                    + " s after go");
        }
    }

    private static List<String> labels(Chunk markers) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < markers.sampleCount(); i++) {
            labels.add(markers.valueAsString(i, 0));
        }
        return labels;
    }

    private static double onsetOf(Chunk markers, String syllable) {
        for (int i = 0; i < markers.sampleCount(); i++) {
            if (markers.valueAsString(i, 0).equals("speech_onset " + syllable)) {
                return markers.timestamps()[i];
            }
        }
        throw new AssertionError("no speech onset for " + syllable);
    }
}
