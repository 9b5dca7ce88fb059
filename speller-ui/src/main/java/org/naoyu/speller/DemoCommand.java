package org.naoyu.speller;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.ResolvedStream;
import org.naoyu.datasets.corpus.Sentence;
import org.naoyu.datasets.simulate.ElectrodeGrid;
import org.naoyu.datasets.simulate.SimulationRun;
import org.naoyu.datasets.simulate.SimulatorConfig;
import org.naoyu.decoder.language.PinyinConverter;
import org.naoyu.decoder.model.ModelFile;
import org.naoyu.speller.session.OnlineSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code naoyu demo}: the whole speller on the built-in simulator. A simulated participant's calibration (the demo
 * sentences, spoken syllable by syllable) is simulated as fast as the CPU allows, a model is trained on it, then the
 * same simulated participant goes live over LSL and {@code naoyu run}'s session spells what it says.
 */
@Command(name = "demo",
        description = "The speller on the built-in simulator: simulates a calibration session, trains a model on it "
                + "(about 15 s), publishes the simulated participant live over LSL on this machine, and runs the "
                + "online session with the web speller (or --headless: sentences on stdout).")
final class DemoCommand implements Callable<Integer> {

    /** Short everyday sentences, with the readings the simulated participant speaks. */
    static final List<Sentence> SENTENCES = List.of(
            new Sentence("demo", "我想喝水", List.of("wo3", "xiang3", "he1", "shui3")),
            new Sentence("demo", "请帮我开灯", List.of("qing3", "bang1", "wo3", "kai1", "deng1")),
            new Sentence("demo", "谢谢你", List.of("xie4", "xie5", "ni3")),
            new Sentence("demo", "我很好", List.of("wo3", "hen3", "hao3")));

    @Mixin
    HelpOption help;

    @Option(names = "--model", paramLabel = "MODEL.zip",
            description = "Use this model instead of training one (it must fit the simulated grid and rate).")
    Path model;

    @Option(names = "--channels", paramLabel = "N", defaultValue = "64",
            description = "Simulated channels (default ${DEFAULT-VALUE}, an 8x8 grid; 256 is a 16x16 grid).")
    int channels;

    @Option(names = "--rate", paramLabel = "HZ", defaultValue = "1000",
            description = "Simulated sampling rate (default ${DEFAULT-VALUE} Hz).")
    double rate;

    @Option(names = "--snr", paramLabel = "X", defaultValue = "6",
            description = "Simulated signal-to-noise ratio of speech responses (default ${DEFAULT-VALUE}).")
    double snr;

    @Option(names = "--calibration-seconds", paramLabel = "S", defaultValue = "300",
            description = "Length of the simulated calibration (default ${DEFAULT-VALUE} s).")
    double calibrationSeconds;

    @Option(names = "--phase", paramLabel = "PHASE", defaultValue = "cued-sentences",
            description = "Start in this phase: cued-sentences (default) or free-spelling.")
    String phase;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Where the calibration and the model are written (default: a new temporary folder).")
    Path work;

    @ArgGroup(exclusive = false)
    SessionLauncher.ServeOptions serve = new SessionLauncher.ServeOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!(calibrationSeconds >= 30 && calibrationSeconds <= 3600)) {
            throw new IllegalArgumentException("--calibration-seconds must be in [30, 3600], got "
                    + calibrationSeconds);
        }
        OnlineSession.Phase start = OnlineSession.Phase.parse(phase);
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("naoyu-demo-");
        Path modelFile = model != null ? model : demoModel(dir, channels, rate, snr, calibrationSeconds, out);

        // the live participant: another day's session of the same simulated person (another seed)
        LslConfig lsl = LslConfig.load();
        SimulatedParticipant participant = new SimulatedParticipant(simulator(channels, rate, snr, 2), lsl,
                "naoyu-demo");
        try {
            Duration wait = Duration.ofSeconds(10);
            ResolvedStream signal = participant.signal(wait);
            ResolvedStream markers = participant.markers(wait);
            out.println("the simulated participant is live: " + signal.info().name() + " (" + channels + " ch at "
                    + Json.number(rate) + " Hz) and " + markers.info().name() + ", source id " + participant.sourceId());
            OnlineSession.Options options = new OnlineSession.Options(signal, markers, lsl, dir, null,
                    Map.of("software", "naoyu demo"), RunCommand.calibrationTraining(false), null, start);
            OnlineSession session = OnlineSession.start(options, ModelFile.load(modelFile),
                    PinyinConverter.shipped().decoder());
            return SessionLauncher.serve(session, serve, out);
        } finally {
            participant.close();
            if (participant.failure() != null) {
                System.err.println("naoyu demo: the simulator stopped: " + participant.failure());
            }
        }
    }

    /**
     * Simulates the calibration and trains the linear baseline with the onset detector on it, or reuses the model
     * already in {@code dir}.
     */
    static Path demoModel(Path dir, int channels, double rate, double snr, double calibrationSeconds, PrintWriter out)
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
                calibrationSeconds, channels, Json.number(rate), calibration);
        out.flush();
        if (!Files.exists(calibration)) {
            new SimulationRun(simulator(channels, rate, snr, 1), new SimulationRun.Outputs(calibration, null, "naoyu-demo-calibration",
                    calibrationSeconds, Double.POSITIVE_INFINITY, 0.01)).run(s -> { }, p -> { }, () -> false);
        }
        out.println("training the demo model (linear baseline and onset detector)");
        out.flush();
        RunCommand.calibrationTraining(false).train(List.of(calibration), modelFile, out);
        out.printf(Locale.ROOT, "demo model ready in %.1f s%n", (System.nanoTime() - begin) / 1e9);
        out.flush();
        return modelFile;
    }

    /** The simulated participant speaking the demo sentences; calibration and live session differ in seed. */
    static SimulatorConfig simulator(int channels, double rate, double snr, long seed) {
        return SimulatorConfig.builder().grid(ElectrodeGrid.forChannels(channels)).sampleRateHz(rate)
                .task(SimulatorConfig.Task.SENTENCES).sentences(SENTENCES).snr(snr).seed(seed).build();
    }
}
