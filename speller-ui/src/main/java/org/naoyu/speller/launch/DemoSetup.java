package org.naoyu.speller.launch;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.naoyu.datasets.corpus.Sentence;
import org.naoyu.datasets.simulate.ElectrodeGrid;
import org.naoyu.datasets.simulate.SimulationRun;
import org.naoyu.datasets.simulate.SimulatorConfig;
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
        ModelTraining.forSessionCalibration(false).train(List.of(calibration), modelFile, out);
        out.printf(Locale.ROOT, "demo model ready in %.1f s%n", (System.nanoTime() - begin) / 1e9);
        out.flush();
        return modelFile;
    }

    /** The simulated participant speaking the demo sentences; calibration and live session differ in seed. */
    public static SimulatorConfig simulator(int channels, double rate, double snr, long seed) {
        return SimulatorConfig.builder().grid(ElectrodeGrid.forChannels(channels)).sampleRateHz(rate)
                .task(SimulatorConfig.Task.SENTENCES).sentences(SENTENCES).snr(snr).seed(seed).build();
    }
}
