package org.naoyu.speller.session;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.naoyu.decoder.model.ModelFile;
import org.naoyu.speller.training.ModelTraining;

/**
 * Trains a model on a calibration just recorded, on its own thread, so the session thread never waits for it. The
 * trainer's progress goes to the session log; the model is written under a {@code .part} name and renamed when
 * complete, so a session closed mid-save never leaves a truncated model.
 */
final class CalibrationTraining {
    /** What becomes of the training, told from the training thread. */
    interface Outcome {
        /** The model is trained and loaded: use it; the future fails if it cannot be used. */
        CompletableFuture<Object> use(ModelFile.Loaded trained);

        /** Training failed, or its model could not be used (already logged). */
        void giveUp();
    }

    private final Path workDir;
    private final ModelTraining training;
    private final SessionLog log;

    CalibrationTraining(Path workDir, ModelTraining training, SessionLog log) {
        this.workDir = workDir;
        this.training = training;
        this.log = log;
    }

    /** Starts training on {@code calibration} ({@code calibration-N.xdf} gives {@code calibration-N-model.zip}). */
    void start(Path calibration, Outcome outcome) {
        Path out = workDir.resolve(calibration.getFileName().toString().replace(".xdf", "-model.zip"));
        Path part = out.resolveSibling(out.getFileName() + ".part");
        Thread thread = new Thread(() -> {
            try (PrintWriter printer = new PrintWriter(log.lineWriter(), true)) {
                log.add("training on " + calibration.getFileName() + " …");
                Files.deleteIfExists(part);
                training.train(List.of(calibration), part, printer);
                Files.move(part, out, StandardCopyOption.ATOMIC_MOVE);
                ModelFile.Loaded trained = ModelFile.load(out);
                outcome.use(trained).exceptionally(failed -> {
                    Throwable cause = failed.getCause() != null ? failed.getCause() : failed;
                    log.add("ERROR: the trained model could not be used: " + cause.getMessage());
                    outcome.giveUp();
                    return null;
                });
            } catch (Exception | Error failed) {
                log.add("ERROR: training failed: " + failed.getMessage());
                outcome.giveUp();
            }
        }, "naoyu-session-training");
        thread.setDaemon(true);
        thread.start();
    }
}
