package org.naoyu.speller.cli.model;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.naoyu.datasets.corpus.Syllable;
import org.naoyu.datasets.corpus.SyllableInventory;
import org.naoyu.datasets.simulate.ElectrodeGrid;
import org.naoyu.datasets.simulate.IdealObserver;
import org.naoyu.datasets.simulate.SimulatorConfig;
import org.naoyu.speller.cli.options.HelpOption;
import org.naoyu.speller.cli.options.JsonOption;
import org.naoyu.speller.cli.options.SimulatedSignalOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code naoyu ideal-observer}: how much of the full inventory the simulated participant's high-gamma carries, as
 * the accuracy of observers that know the simulator's generative model ({@link IdealObserver}).
 */
@Command(name = "ideal-observer", defaultValueProvider = SimulatedSignalOptions.ParticipantDefaults.class,
        description = {"Bound the toned-syllable accuracy any high-gamma decoder can reach on the simulated "
                + "participant: observers that know the simulator's templates (somatotopic map, gestural scores, "
                + "speech amplitude, noise) name attempts drawn uniformly from all 1,391 toned syllables by the exact "
                + "likelihood of their high-gamma power.",
            "The oracle also knows each attempt's variability and gives an upper bound; the marginal observer "
                + "averages over it and gives an accuracy one can reach with the templates. Both know the speech "
                + "onset and see only each channel's own noise."})
public final class IdealObserverCommand implements Callable<Integer> {
    // the defaults are naoyu simulate's participant: the 256-ch grid at 2 kHz, SNR 2.5
    @Mixin
    HelpOption help;

    @Mixin
    SimulatedSignalOptions signal;

    @Option(names = "--participant", paramLabel = "N", defaultValue = "1",
            description = "Whose cortex (somatotopic map), as for naoyu simulate (default ${DEFAULT-VALUE}).")
    long participant;

    @Option(names = "--trials", paramLabel = "N", defaultValue = "400",
            description = "Attempts to classify, in [1, 100000] (default ${DEFAULT-VALUE}; 256 channels take about "
                    + "1.5 s each on two cores).")
    int trials;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "5",
            description = "Quadrature points per dimension (duration, amplitude) the marginal observer integrates "
                    + "with: 1, 3, 5 or 7 (default ${DEFAULT-VALUE}).")
    int nodes;

    @Option(names = "--bin-ms", paramLabel = "MS", defaultValue = "10",
            description = "Power bin length, in [2, 100] ms (default ${DEFAULT-VALUE}, the feature frame rate).")
    double binMs;

    @Option(names = "--seed", defaultValue = "1", description = "Attempts and noise (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SimulatorConfig config = SimulatorConfig.builder().grid(ElectrodeGrid.forChannels(signal.channels()))
                .sampleRateHz(signal.rateHz()).snr(signal.snr()).participant(participant).build();
        IdealObserver.Settings settings = new IdealObserver.Settings(trials, seed,
                SimulatedSignalOptions.inRange("--bin-ms", binMs, 2, 100) / 1000, 1.0, nodes);
        List<String> inventory = SyllableInventory.standard().syllables().stream().map(Syllable::toned).toList();
        PrintWriter err = spec.commandLine().getErr();
        int every = StrictMath.max(1, trials / 10);
        IdealObserver.Outcome outcome = new IdealObserver(config, inventory).run(settings, done -> {
            if (done % every == 0) {
                synchronized (err) {
                    err.printf(Locale.ROOT, "%d of %d attempts%n", done, trials);
                    err.flush();
                }
            }
        });
        PrintWriter out = spec.commandLine().getOut();
        if (json.requested()) {
            json.printLine(out, json(config, outcome));
        } else {
            print(out, config, outcome);
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, SimulatorConfig config, IdealObserver.Outcome outcome) {
        out.printf(Locale.ROOT, "participant %d, %d channels (%d responsive) at SNR %s; %d attempts over %d toned "
                        + "syllables; %.0f-ms power bins (%.1f degrees of freedom), speech/own noise power %.1f%n",
                config.participant(), config.grid().channelCount(), outcome.responsive(),
                org.naoyu.speller.support.Numbers.plain(config.snr()), outcome.settings().trials(), outcome.outputs(),
                outcome.settings().binSeconds() * 1000, outcome.degreesOfFreedom(), outcome.speechToNoise());
        for (IdealObserver.Score score : List.of(outcome.oracle(), outcome.marginal())) {
            double[] interval = score.tonedInterval();
            out.printf(Locale.ROOT, "%-8s toned %.3f [%.3f, %.3f]  base %.3f  tone %.3f  (%s)%n",
                    score.knowledge().name().toLowerCase(Locale.ROOT), score.tonedAccuracy(), interval[0], interval[1],
                    score.baseAccuracy(), score.toneAccuracy(), score.knowledge() == IdealObserver.Knowledge.ORACLE
                            ? "knows each attempt's variability: upper bound"
                            : "integrates duration and amplitude: reachable");
        }
    }

    private static Map<String, Object> json(SimulatorConfig config, IdealObserver.Outcome outcome) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("participant", config.participant());
        json.put("channels", config.grid().channelCount());
        json.put("responsive_channels", outcome.responsive());
        json.put("snr", config.snr());
        json.put("inventory", outcome.outputs());
        json.put("trials", outcome.settings().trials());
        json.put("bin_seconds", outcome.settings().binSeconds());
        json.put("degrees_of_freedom", outcome.degreesOfFreedom());
        json.put("speech_to_own_noise_power", outcome.speechToNoise());
        json.put("quadrature_nodes", outcome.settings().nodes());
        for (IdealObserver.Score score : List.of(outcome.oracle(), outcome.marginal())) {
            Map<String, Object> s = new LinkedHashMap<>();
            double[] interval = score.tonedInterval();
            s.put("toned", score.tonedAccuracy());
            s.put("toned_low", interval[0]);
            s.put("toned_high", interval[1]);
            s.put("base", score.baseAccuracy());
            s.put("tone", score.toneAccuracy());
            json.put(score.knowledge().name().toLowerCase(Locale.ROOT), s);
        }
        return json;
    }
}
