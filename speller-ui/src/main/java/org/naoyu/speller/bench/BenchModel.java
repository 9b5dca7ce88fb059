package org.naoyu.speller.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.naoyu.datasets.simulate.SimulationRun;
import org.naoyu.decoder.model.Heads;
import org.naoyu.decoder.model.TrainedModel;
import org.naoyu.speller.launch.DemoSetup;
import org.naoyu.speller.training.DecoderChoice;
import org.naoyu.speller.training.ModelTraining;

/**
 * A model of the bench's shape: trained briefly on a short simulated calibration. Its accuracy does not matter here,
 * only that its size and work per attempt are those of a real one: part heads (initial, final, tone), so it answers
 * with all 1,391 toned syllables of the inventory and the language model searches a lattice over all of them.
 */
final class BenchModel {
    private static final double CALIBRATION_SECONDS = 60;

    private BenchModel() {
    }

    /** The model for {@code channels} in {@code work}, trained on the first call and reused after. */
    static Path trained(int channels, double rateHz, TrainedModel.Kind kind, Path work, PrintWriter progress)
            throws Exception {
        Path dir = work.resolve("ch" + channels);
        Path model = dir.resolve("model.zip");
        if (Files.exists(model)) {
            return model;
        }
        Files.createDirectories(dir);
        Path calibration = dir.resolve("calibration.xdf");
        progress.printf(Locale.ROOT, "  %d ch: simulating %.0f s of calibration and training a %s model%n", channels,
                CALIBRATION_SECONDS, decoderName(kind));
        progress.flush();
        new SimulationRun(DemoSetup.simulator(channels, rateHz, 6, 1), new SimulationRun.Outputs(calibration, null,
                "naoyu-bench-calibration", CALIBRATION_SECONDS, Double.POSITIVE_INFINITY, 0.01))
                .run(s -> { }, p -> { }, () -> false);
        // a fixed, unvalidated number of passes: the bench times the model, it does not judge it (a short calibration
        // has too few trials per syllable for a validation split, which naoyu train rightly refuses to do without)
        new ModelTraining(kind, kind == TrainedModel.Kind.LINEAR ? 20 : 3, 0, 1, ModelTraining.SESSION_WINDOW, true,
                Heads.PARTS)
                .train(List.of(calibration), model, new PrintWriter(new StringWriter(), true));
        Files.delete(calibration);
        return model;
    }

    /** The decoder's name in the bench's output: network, linear or templates, as --decoder names it. */
    static String decoderName(TrainedModel.Kind kind) {
        return DecoderChoice.name(kind);
    }
}
