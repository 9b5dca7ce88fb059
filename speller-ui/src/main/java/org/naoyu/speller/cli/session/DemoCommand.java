package org.naoyu.speller.cli.session;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.ResolvedStream;
import org.naoyu.speller.cli.options.LanguageModelOptions;
import org.naoyu.decoder.model.ModelFile;
import org.naoyu.decoder.model.TrainedModel;
import org.naoyu.speller.cli.options.HelpOption;
import org.naoyu.speller.cli.options.ServeOptions;
import org.naoyu.speller.cli.options.SimulatedSignalOptions;
import org.naoyu.speller.launch.DemoSetup;
import org.naoyu.speller.launch.SessionLauncher;
import org.naoyu.speller.launch.SimulatedParticipant;
import org.naoyu.speller.session.OnlineSession;
import org.naoyu.speller.support.Numbers;
import org.naoyu.speller.training.ModelTraining;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code naoyu demo}: the whole speller on the built-in simulator. The decoder is the shipped model of the simulated
 * participant (generative templates fitted on an hour of its calibration plan, every syllable of the inventory), or,
 * for another signal, its calibration plan simulated as fast as the CPU allows and the templates fitted on it; then
 * the same participant goes live over LSL speaking sentences no calibration used, and {@code naoyu run}'s session
 * spells what it says.
 */
@Command(name = "demo", defaultValueProvider = DemoCommand.SignalDefaults.class,
        description = "The speller on the built-in simulator: loads the shipped model of the simulated participant "
                + "(any of the 1,391 toned syllables; for other --channels, --rate or --snr it simulates the "
                + "calibration plan and fits one), publishes the participant live over LSL on this machine speaking "
                + "held-out sentences, and runs the online session with the web speller (or --headless: sentences on "
                + "stdout).")
public final class DemoCommand implements Callable<Integer> {
    /** The simulated signal this command makes unless told otherwise. */
    public static final class SignalDefaults extends SimulatedSignalOptions.Defaults {
        public SignalDefaults() {
            super(64, "1000", "6");
        }
    }


    @Mixin
    HelpOption help;

    @Option(names = "--model", paramLabel = "MODEL.zip",
            description = "Use this model instead of training one (it must fit the simulated grid and rate).")
    Path model;

    @Mixin
    SimulatedSignalOptions signal;

    @Option(names = "--calibration-seconds", paramLabel = "S", defaultValue = "600",
            description = "Length of the calibration simulated when the shipped model does not fit the signal "
                    + "(default ${DEFAULT-VALUE} s; 3600 gives about twice the accuracy of 600).")
    double calibrationSeconds;

    @Option(names = "--phase", paramLabel = "PHASE", defaultValue = "cued-sentences",
            description = "Start in this phase: cued-sentences (default) or free-spelling.")
    String phase;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Where the calibration and the model are written (default: a new temporary folder).")
    Path work;

    @ArgGroup(exclusive = false)
    ServeOptions serve = new ServeOptions();

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
        int channels = signal.channels();
        double rate = signal.rateHz();
        double snr = signal.snr();
        Path dir = work != null ? Files.createDirectories(work) : Files.createTempDirectory("naoyu-demo-");
        Path modelFile = model != null ? model
                : DemoSetup.fullInventoryModel(dir, channels, rate, snr, calibrationSeconds, out);

        // the live participant: another day's session of the same simulated person (another seed)
        LslConfig lsl = LslConfig.load();
        SimulatedParticipant participant = new SimulatedParticipant(DemoSetup.heldOutSpeaker(channels, rate, snr, 2), lsl,
                "naoyu-demo");
        try {
            Duration wait = Duration.ofSeconds(10);
            ResolvedStream signalStream = participant.signal(wait);
            ResolvedStream markers = participant.markers(wait);
            out.println("the simulated participant is live: " + signalStream.info().name() + " (" + channels + " ch at "
                    + Numbers.plain(rate) + " Hz) and " + markers.info().name() + ", source id " + participant.sourceId());
            OnlineSession.Options options = new OnlineSession.Options(signalStream, markers, lsl, dir, null,
                    Map.of("software", "naoyu demo"), ModelTraining.forSessionCalibration(TrainedModel.Kind.TEMPLATE), null, start);
            OnlineSession session = OnlineSession.start(options, ModelFile.load(modelFile),
                    LanguageModelOptions.standard(
                            spec.commandLine().getErr()).decoder());
            return SessionLauncher.serve(session, serve.serving(), out);
        } finally {
            participant.close();
            if (participant.failure() != null) {
                System.err.println("naoyu demo: the simulator stopped: " + participant.failure());
            }
        }
    }
}
