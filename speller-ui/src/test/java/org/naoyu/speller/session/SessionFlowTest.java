package org.naoyu.speller.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.datasets.Recording;
import org.naoyu.decoder.language.PinyinConverter;
import org.naoyu.decoder.model.TrainedModel;
import org.naoyu.speller.LiveParticipant;
import org.naoyu.speller.launch.SessionLauncher;
import org.naoyu.speller.session.event.SessionEvent;
import org.naoyu.speller.signal.RecordingFiles;
import org.naoyu.speller.training.ModelTraining;

/**
 * The clinical flow without leaving the session: start with no model, calibrate on the task's cues, train on the
 * calibration just recorded, and spell with the new model.
 */
@Timeout(240)
class SessionFlowTest {
    @TempDir
    Path dir;

    /** With the session's default decoder, and with templates (part heads, the plan's decoder). */
    @ParameterizedTest
    @EnumSource(value = TrainedModel.Kind.class, names = {"LINEAR", "TEMPLATE"})
    void calibrateTrainAndSpellInOneSession(TrainedModel.Kind kind) throws Exception {
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        try (LiveParticipant participant = new LiveParticipant(16, 1000, 8, 9)) {
            LslConfig lsl = LslConfig.defaults();
            OnlineSession.Options options = new OnlineSession.Options(
                    SessionLauncher.resolve(lsl, participant.signalQuery(), Duration.ofSeconds(10)),
                    SessionLauncher.resolve(lsl, participant.markerQuery(), Duration.ofSeconds(10)), lsl, dir, null,
                    Map.of(), ModelTraining.forSessionCalibration(kind), null, OnlineSession.Phase.WATCHING);
            try (OnlineSession session = OnlineSession.start(options, null, PinyinConverter.shipped().decoder())) {
                session.addObserver(events::add);
                ExecutionException noModel = assertThrows(ExecutionException.class,
                        () -> session.setPhase(OnlineSession.Phase.CUED_SENTENCES).get(5, TimeUnit.SECONDS));
                assertTrue(noModel.getCause().getMessage().contains("needs a model"), noModel.getMessage());
                assertThrows(ExecutionException.class, () -> session.train().get(5, TimeUnit.SECONDS),
                        "nothing to train on before calibration");

                session.setPhase(OnlineSession.Phase.CALIBRATION).get(5, TimeUnit.SECONDS);
                Thread.sleep(75_000); // about ten cued sentences
                assertTrue(events.stream().anyMatch(e -> "cue".equals(e.event())), "cues shown in calibration");
                session.train().get(5, TimeUnit.SECONDS);
                assertEquals(OnlineSession.Phase.TRAINING, session.phase());
                long deadline = System.nanoTime() + 90_000_000_000L;
                while (session.phase() == OnlineSession.Phase.TRAINING && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                }
                Object model = session.operatorStatus().model();
                assertTrue(String.valueOf(model).contains("trained on calibration-1.xdf"), model + "\n"
                        + session.operatorStatus().log());
                assertTrue(session.phase() == OnlineSession.Phase.FREE_SPELLING
                        || session.phase() == OnlineSession.Phase.CUED_SENTENCES, session.phase().id());
                int before = (int) events.stream().filter(e -> "attempt".equals(e.event())).count();
                Thread.sleep(15_000);
                long after = events.stream().filter(e -> "attempt".equals(e.event())).count();
                assertTrue(after > before, "the new model decodes attempts: " + before + " -> " + after);
            }
            Path calibration = dir.resolve("calibration-1.xdf");
            assertTrue(Files.isRegularFile(dir.resolve("calibration-1-model.zip")));
            Recording recorded = RecordingFiles.open(calibration);
            assertTrue(recorded.events().stream().anyMatch(e -> e.label().startsWith("speech_onset")),
                    "the calibration holds the task's speech onsets");
        }
    }
}
