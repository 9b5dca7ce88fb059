package org.naoyu.speller.launch;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.naoyu.datasets.corpus.Sentence;
import org.naoyu.datasets.corpus.SyllableInventory;
import org.naoyu.datasets.simulate.ElectrodeGrid;
import org.naoyu.datasets.simulate.SimulationRun;
import org.naoyu.datasets.simulate.SimulatorConfig;
import org.naoyu.decoder.model.TrainedModel;
import org.naoyu.speller.calibration.CalibrationPlan;
import org.naoyu.speller.support.Numbers;
import org.naoyu.speller.training.ModelTraining;

/**
 * What {@code naoyu demo}, {@code naoyu bench} and the session tests share: the simulated participant speaking the
 * demo sentences, and a model trained on its simulated calibration.
 */
public final class DemoSetup {
    /** Short everyday sentences, with the readings the simulated participant speaks. */
    public static final List<Sentence> SENTENCES = List.of(
            new Sentence("demo", "我想喝水", List.of("wo3", "xiang3", "he1", "shui3")),
            new Sentence("demo", "请帮我开灯", List.of("qing3", "bang1", "wo3", "kai1", "deng1")),
            new Sentence("demo", "谢谢你", List.of("xie4", "xie5", "ni3")),
            new Sentence("demo", "我很好", List.of("wo3", "hen3", "hao3")));

    private DemoSetup() {
    }

    /**
     * Simulates the calibration and trains the linear baseline with the onset detector on it, or reuses the model
     * already in {@code dir}.
     */
    public static Path model(Path dir, int channels, double rate, double snr, double calibrationSeconds, PrintWriter out)
            throws Exception {
        Files.createDirectories(dir);
        Path calibration = dir.resolve("demo-calibration.xdf");
        Path modelFile = dir.resolve("demo-model.zip");
        if (Files.exists(modelFile)) {
            out.println("using the demo model trained before: " + modelFile);
            return modelFile;
        }
        long begin = System.nanoTime();
        out.printf(Locale.ROOT, "simulating %.0f s of calibration (%d ch at %s Hz, the demo sentences) into %s%n",
                calibrationSeconds, channels, Numbers.plain(rate), calibration);
        out.flush();
        if (!Files.exists(calibration)) {
            new SimulationRun(simulator(channels, rate, snr, 1), new SimulationRun.Outputs(calibration, null, "naoyu-demo-calibration",
                    calibrationSeconds, Double.POSITIVE_INFINITY, 0.01)).run(s -> { }, p -> { }, () -> false);
        }
        out.println("training the demo model (linear baseline and onset detector)");
        out.flush();
        ModelTraining.forSessionCalibration(TrainedModel.Kind.LINEAR).train(List.of(calibration), modelFile, out);
        out.printf(Locale.ROOT, "demo model ready in %.1f s%n", (System.nanoTime() - begin) / 1e9);
        out.flush();
        return modelFile;
    }

    /**
     * The model naoyu demo ships, built by {@code speller-ui/scripts/build_demo_model.sh}: the generative template
     * decoder fitted on 60 minutes of the demo participant's calibration plan (64 channels at 1 kHz, SNR 6), with an
     * onset detector. It answers with all 1,391 toned syllables.
     */
    static final String SHIPPED_MODEL = "demo-model.zip";
    static final int SHIPPED_CHANNELS = 64;
    static final double SHIPPED_RATE_HZ = 1000;
    static final double SHIPPED_SNR = 6;

    /**
     * The model for naoyu demo: the shipped one when the simulated signal is the one it was built for; otherwise the
     * participant's calibration plan simulated for {@code calibrationSeconds} and the template decoder fitted on it
     * (a short calibration names fewer syllables: 10 minutes give about a quarter of attempts at SNR 6, an hour about
     * half). Reuses a model already in {@code dir}.
     */
    public static Path fullInventoryModel(Path dir, int channels, double rate, double snr, double calibrationSeconds,
            PrintWriter out) throws Exception {
        Files.createDirectories(dir);
        Path modelFile = dir.resolve("demo-model.zip");
        if (Files.exists(modelFile)) {
            out.println("using the demo model trained before: " + modelFile);
            return modelFile;
        }
        if (channels == SHIPPED_CHANNELS && rate == SHIPPED_RATE_HZ && snr == SHIPPED_SNR) {
            try (java.io.InputStream in = DemoSetup.class.getResourceAsStream(SHIPPED_MODEL)) {
                if (in != null) {
                    Files.copy(in, modelFile);
                    out.println("using the shipped demo model: generative templates fitted on 60 minutes of the "
                            + "simulated participant's calibration plan; it names any of the 1,391 toned syllables");
                    return modelFile;
                }
            }
        }
        long begin = System.nanoTime();
        Path calibration = dir.resolve("demo-calibration.xdf");
        CalibrationPlan plan = CalibrationPlan.of(SyllableInventory.standard(), 1);
        out.printf(Locale.ROOT, "simulating %.0f s of the calibration plan (%d ch at %s Hz, SNR %s) into %s%n",
                calibrationSeconds, channels, Numbers.plain(rate), Numbers.plain(snr), calibration);
        out.flush();
        SimulatorConfig config = demoParticipant(channels, rate, snr, 1).task(SimulatorConfig.Task.SYLLABLES)
                .cues(plan.slice(0, plan.trials().size())).build();
        new SimulationRun(config, new SimulationRun.Outputs(calibration, null, "naoyu-demo-calibration",
                calibrationSeconds, Double.POSITIVE_INFINITY, 0.01)).run(s -> { }, p -> { }, () -> false);
        out.println("fitting the demo model (generative templates and onset detector)");
        out.flush();
        ModelTraining.forSessionCalibration(TrainedModel.Kind.TEMPLATE).train(List.of(calibration), modelFile, out);
        out.printf(Locale.ROOT, "demo model ready in %.1f s%n", (System.nanoTime() - begin) / 1e9);
        out.flush();
        return modelFile;
    }

    /**
     * The demo participant live: sentences of the held-out evaluation set, which no calibration uses, spoken by
     * participant 1.
     */
    public static SimulatorConfig heldOutSpeaker(int channels, double rate, double snr, long seed) {
        return demoParticipant(channels, rate, snr, seed).task(SimulatorConfig.Task.SENTENCES).heldOutSentences(true)
                .build();
    }

    /** The simulated participant speaking the demo sentences; calibration and live session differ in seed. */
    public static SimulatorConfig simulator(int channels, double rate, double snr, long seed) {
        return demoParticipant(channels, rate, snr, seed).task(SimulatorConfig.Task.SENTENCES).sentences(SENTENCES)
                .build();
    }

    /** Participant 1, whose plan the shipped model was fitted on, with this signal; each session its own seed. */
    private static SimulatorConfig.Builder demoParticipant(int channels, double rate, double snr, long seed) {
        return SimulatorConfig.builder().grid(ElectrodeGrid.forChannels(channels)).sampleRateHz(rate).snr(snr)
                .seed(seed).participant(1);
    }
}
