package org.naoyu.speller.cli.recordings;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.lsl.StreamOutlet;
import org.naoyu.datasets.corpus.SyllableInventory;
import org.naoyu.datasets.simulate.BadChannel;
import org.naoyu.datasets.simulate.ElectrodeGrid;
import org.naoyu.datasets.simulate.SimulationRun;
import org.naoyu.datasets.simulate.SimulatorConfig;
import org.naoyu.speller.calibration.CalibrationPlan;
import org.naoyu.speller.cli.options.HelpOption;
import org.naoyu.speller.cli.options.LslOptions;
import org.naoyu.speller.cli.options.SimulatedSignalOptions;
import org.naoyu.speller.launch.SessionLauncher;
import org.naoyu.speller.support.CommandFailure;
import org.naoyu.speller.support.Numbers;
import org.naoyu.speller.support.TextFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code naoyu simulate}: the ECoG speech simulator as live LSL streams, an XDF file, or both. */
@Command(name = "simulate", defaultValueProvider = SimulatedSignalOptions.ParticipantDefaults.class,
        description = {"Simulate a participant with an ECoG grid over the speech motor cortex attempting Mandarin "
                + "syllables or sentences: 1/f background, rhythms, line noise, artifacts, bad channels and high-gamma "
                + "speech activity, with a marker stream of cues and speech onsets as ground truth.",
            "Without --out it publishes LSL outlets '" + SimulationRun.SIGNAL_NAME + "' and '"
                + SimulationRun.MARKER_NAME + "' in real time until Ctrl-C; with --out alone it writes the XDF file "
                + "as fast as it can (the same seed gives the same bytes); with both it does both. "
                + "docs/SIMULATOR.md describes the model."})
public final class SimulateCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    LslOptions lsl;

    @Mixin
    SimulatedSignalOptions signal;

    @Option(names = "--out", paramLabel = "FILE.xdf", description = "Write the session to this XDF file.")
    Path out;

    @Option(names = "--lsl", description = "Publish LSL outlets as well when writing --out.")
    boolean publish;

    @Option(names = "--seconds", paramLabel = "S", description = "Duration (default: 60 with --out alone, else "
            + "until Ctrl-C).")
    Double seconds;

    @Option(names = "--speed", paramLabel = "X", description = "Outlets run X times faster than real time, in "
            + "(0, 1000] (default 1).")
    Double speed;

    @Option(names = "--grid", paramLabel = "RxC", description = "Grid layout such as 8x16 (overrides --channels).")
    String grid;

    @Option(names = "--task", paramLabel = "TASK", defaultValue = "syllables",
            description = "syllables (cued calibration), sentences (cued, syllable by syllable) or rest "
                    + "(default ${DEFAULT-VALUE}).")
    String task;

    @Option(names = "--cues", split = ",", paramLabel = "SYLLABLE",
            description = "Cue these toned syllables in turn (e.g. ba1,ma3,shi4); default: every base syllable.")
    List<String> cues;

    @Option(names = "--all-tones", description = "Calibrate every toned syllable, not every base syllable once.")
    boolean allTones;

    @Option(names = "--plan-from", paramLabel = "TRIAL",
            description = "Cue the participant's calibration plan (parts of syllables first, then every base, then "
                    + "every toned syllable) from this trial on: 0 for a first session; the end says where the next "
                    + "session goes on.")
    Integer planFrom;

    @Option(names = "--draw", paramLabel = "N",
            description = "Cue N different toned syllables drawn at random (uniformly, by --seed) from all 1,391 of "
                    + "the inventory: a test session over the whole language rather than a calibration.")
    Integer draw;

    @Option(names = "--follow", paramLabel = "QUERY",
            description = "Attempt what a task stream cues, when it cues it: a name or an LSL predicate, e.g. "
                    + "naoyu-task, which naoyu run --present-task publishes. The participant then schedules nothing "
                    + "itself (--task follow); live outlets in real time only. The stream may appear later.")
    String follow;

    @Option(names = "--held-out", description = "The sentence task uses the held-out evaluation sentences.")
    boolean heldOut;

    @Option(names = "--sentences", paramLabel = "FILE",
            description = "The sentence task uses these sentences: one per line, the hanzi, a tab, and the toned "
                    + "pinyin (我想喝水<TAB>wo3 xiang3 he1 shui3).")
    Path sentencesFile;

    @Option(names = "--seed", defaultValue = "1", description = "Noise, trials and artifacts (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--participant", paramLabel = "N", defaultValue = "1",
            description = "The simulated cortex (articulator map, gains); keep it and change --seed for another "
                    + "session of the same participant (default ${DEFAULT-VALUE}).")
    long participant;

    @Option(names = "--line", paramLabel = "HZ", defaultValue = "50", description = "Mains frequency, 50 or 60 "
            + "(default ${DEFAULT-VALUE}).")
    double lineHz;

    @Option(names = "--line-noise", paramLabel = "UV", defaultValue = "20",
            description = "Amplitude of the mains fundamental in µV, 0 for none (default ${DEFAULT-VALUE}).")
    double lineMicrovolts;

    @Option(names = "--bad", split = ",", paramLabel = "CH:KIND",
            description = "Bad channels such as G017:flat,G100:noisy (kinds flat, railed, noisy).")
    List<String> bad;

    @Option(names = "--random-bad", paramLabel = "N", defaultValue = "2",
            description = "More bad channels chosen by the seed (default ${DEFAULT-VALUE}).")
    int randomBad;

    @Option(names = "--no-artifacts", description = "No movement artifacts or electrode pops.")
    boolean noArtifacts;

    @Option(names = "--source-id", paramLabel = "ID", description = "Source id of the signal outlet "
            + "(default naoyu-sim-<participant>-<seed>).")
    String sourceId;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SimulatorConfig config = follow == null ? config()
                : config().toBuilder().task(SimulatorConfig.Task.FOLLOW).build();
        boolean live = out == null || publish;
        double duration = seconds != null ? seconds : out != null && !live ? 60 : Double.POSITIVE_INFINITY;
        if ("follow".equals(task) && follow == null) {
            throw new IllegalArgumentException("--task follow needs --follow QUERY: the task stream to follow");
        }
        if (follow != null) {
            if (!live || (speed != null && speed != 1)) {
                throw new IllegalArgumentException("--follow attempts cues as they come, in real time: give it "
                        + "without --speed, and with --lsl when writing --out");
            }
            if (!"syllables".equals(task) && !"follow".equals(task) || cues != null || allTones || planFrom != null
                    || draw != null) {
                throw new IllegalArgumentException("--follow takes its cues from the task stream; give it without "
                        + "--task, --cues, --all-tones, --plan-from or --draw");
            }
        }
        if (seconds != null && !(seconds > 0 && seconds <= 7 * 86_400)) {
            throw new IllegalArgumentException("--seconds must be in (0, 604800], got " + seconds);
        }
        if (live && out != null && seconds == null) {
            throw new IllegalArgumentException("--out with --lsl needs --seconds: how long to record");
        }
        double rate = config.sampleRateHz();
        if (seconds != null && seconds * rate < 1) {
            throw new IllegalArgumentException("--seconds must cover at least one sample (" + 1 / rate + " s at "
                    + Numbers.plain(rate) + " Hz), got " + seconds);
        }
        if (speed != null && !(speed > 0 && speed <= 1000)) {
            throw new IllegalArgumentException("--speed must be in (0, 1000], got " + Numbers.plain(speed));
        }
        if (speed != null && !live) {
            throw new IllegalArgumentException("--speed paces live outlets; a file alone is written as fast as "
                    + "possible (add --lsl to publish while writing)");
        }
        if (cues != null && config.task() != SimulatorConfig.Task.SYLLABLES) {
            throw new IllegalArgumentException("--cues applies to --task syllables, not " + task);
        }
        if ((sentencesFile != null || heldOut) && config.task() != SimulatorConfig.Task.SENTENCES) {
            throw new IllegalArgumentException((sentencesFile != null ? "--sentences" : "--held-out")
                    + " applies to --task sentences, not " + task);
        }
        if (sentencesFile != null && heldOut) {
            throw new IllegalArgumentException("give either --sentences or --held-out");
        }
        if (cues != null && allTones) {
            throw new IllegalArgumentException("--all-tones chooses the cues itself; give either it or --cues");
        }
        double pace = speed != null ? speed : live ? 1 : Double.POSITIVE_INFINITY;
        String id = sourceId != null ? sourceId : "naoyu-sim-" + participant + "-" + seed;
        SimulationRun run = new SimulationRun(config, new SimulationRun.Outputs(out, live ? lsl.config() : null, id,
                duration, pace, 0.01), follow == null ? null : SessionLauncher.predicate(follow));

        PrintWriter printer = spec.commandLine().getOut();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                finished.await(5, TimeUnit.SECONDS); // let the run close its file and outlets
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "simulate-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        SimulationRun.Progress last;
        try {
            last = run.run(started -> printStart(printer, config, started, duration, pace),
                    progress -> {
                        printer.println(progressLine(progress));
                        printer.flush();
                    }, stop::get);
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook waited for the run to finish
            }
        }
        if (out != null) {
            printer.printf(Locale.ROOT, "wrote %s: %.1f s, %d ch at %s Hz, %d trials, %d markers%n", out,
                    last.simulatedSeconds(), config.grid().channelCount(), Numbers.plain(config.sampleRateHz()),
                    last.trials(), last.markers());
        }
        if (planFrom != null) {
            CalibrationPlan plan = plan();
            int next = (int) Math.min(plan.trials().size() - 1, planFrom + last.trials());
            printer.printf(Locale.ROOT, "calibration plan: trials %d to %d of %d (%s to %s); the next session goes on "
                    + "with --plan-from %d%n", planFrom, planFrom + last.trials() - 1, plan.trials().size(),
                    plan.blockAt(planFrom).name(), plan.blockAt(Math.max(planFrom, next - 1)).name(), next);
        }
        printer.flush();
        return 0;
    }

    /** The plan of the simulated participant: one per --participant, the same in every session of theirs. */
    private CalibrationPlan plan() {
        return CalibrationPlan.of(SyllableInventory.standard(), participant);
    }

    private List<String> chosenCues() {
        if (draw != null) {
            return drawnCues();
        }
        if (planFrom == null) {
            return cues == null ? List.of() : cues;
        }
        if (cues != null || allTones) {
            throw new IllegalArgumentException("--plan-from chooses the cues itself; give it without --cues or "
                    + "--all-tones");
        }
        if (!"syllables".equals(task)) {
            throw new IllegalArgumentException("--plan-from applies to --task syllables, not " + task);
        }
        CalibrationPlan plan = plan();
        if (planFrom < 0 || planFrom >= plan.trials().size()) {
            throw new IllegalArgumentException("--plan-from must be in [0, " + (plan.trials().size() - 1)
                    + "], got " + planFrom);
        }
        return plan.slice(planFrom, plan.trials().size() - planFrom);
    }

    /** --draw: toned syllables of the inventory, each at most once, in a random order the seed fixes. */
    private List<String> drawnCues() {
        List<String> all = new java.util.ArrayList<>(SyllableInventory.standard().syllables().stream()
                .map(s -> s.toned()).toList());
        if (draw < 1 || draw > all.size()) {
            throw new IllegalArgumentException("--draw must be in [1, " + all.size() + "], got " + draw);
        }
        if (cues != null || allTones || planFrom != null) {
            throw new IllegalArgumentException("--draw chooses the cues itself; give it without --cues, --all-tones "
                    + "or --plan-from");
        }
        if (!"syllables".equals(task)) {
            throw new IllegalArgumentException("--draw applies to --task syllables, not " + task);
        }
        java.util.Collections.shuffle(all, new java.util.Random(seed));
        return List.copyOf(all.subList(0, draw));
    }

    private ElectrodeGrid parsedGrid() {
        try {
            return ElectrodeGrid.parse(grid);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--grid: " + e.getMessage(), e);
        }
    }

    private SimulatorConfig config() throws java.io.IOException {
        ElectrodeGrid layout = grid != null ? parsedGrid() : ElectrodeGrid.forChannels(signal.channels());
        List<BadChannel> badChannels = new ArrayList<>();
        if (bad != null) {
            for (String entry : bad) {
                badChannels.add(BadChannel.parse(entry, layout));
            }
        }
        if (lineHz != 50 && lineHz != 60) {
            throw new IllegalArgumentException("--line must be 50 or 60, got " + Numbers.plain(lineHz));
        }
        SimulatedSignalOptions.inRange("--line-noise", lineMicrovolts, 0, SimulatorConfig.MAX_LINE_NOISE_MICROVOLTS);
        int maxRandom = SimulatorConfig.maxRandomBadChannels(layout.channelCount(), badChannels.size());
        if (randomBad < 0 || randomBad > maxRandom) {
            throw new IllegalArgumentException("--random-bad must be in [0, " + maxRandom + "] for "
                    + layout.channelCount() + " channels, got " + randomBad);
        }
        SimulatorConfig.Builder builder = SimulatorConfig.builder().grid(layout).sampleRateHz(signal.rateHz())
                .task(SimulatorConfig.Task.parse(task)).cues(chosenCues()).allTones(allTones)
                .heldOutSentences(heldOut).sentences(chosenSentences()).snr(signal.snr()).seed(seed).participant(participant)
                .lineFrequencyHz(lineHz)
                .lineNoiseMicrovolts(lineMicrovolts).badChannels(badChannels).randomBadChannels(randomBad);
        if (noArtifacts) {
            builder.movementsPerMinute(0).popsPerMinute(0);
        }
        return builder.build();
    }

    private static void printStart(PrintWriter printer, SimulatorConfig config, SimulationRun.Started started,
            double duration, double pace) {
        printer.printf(Locale.ROOT, "simulating %s, %s at %s Hz, task %s, snr %s, seed %d, participant %d%n",
                Double.isInfinite(duration) ? "until Ctrl-C" : Numbers.plain(duration) + " s", config.grid(),
                Numbers.plain(config.sampleRateHz()), config.task().name().toLowerCase(Locale.ROOT),
                Numbers.plain(config.snr()), config.seed(), config.participant());
        printer.println("  bad channels: " + (started.bad().isEmpty() ? "none" : started.bad().stream()
                .map(b -> b.describe(config.grid())).collect(Collectors.joining(" "))));
        for (StreamOutlet outlet : started.outlets()) {
            StreamInfo info = outlet.info();
            printer.printf(Locale.ROOT, "  outlet %s (%s, %d ch), source id '%s', on %s:%d%n", info.name(),
                    info.type(), info.channelCount(), info.sourceId(),
                    outlet.dataAddress().getAddress().getHostAddress(), outlet.dataPort());
        }
        if (!started.outlets().isEmpty()) {
            printer.printf(Locale.ROOT, "  pace: %s real time%n", "x" + Numbers.plain(pace));
        }
        printer.flush();
    }

    static String progressLine(SimulationRun.Progress p) {
        return String.format(Locale.ROOT, "%8.1f%s s | %d trials, %d markers | x%.1f real time",
                p.simulatedSeconds(), Double.isInfinite(p.totalSeconds()) ? ""
                        : String.format(Locale.ROOT, " / %.1f", p.totalSeconds()), p.trials(), p.markers(),
                p.realTimeFactor());
    }

    private List<org.naoyu.datasets.corpus.Sentence> chosenSentences() throws java.io.IOException {
        if (sentencesFile == null) {
            return List.of();
        }
        List<org.naoyu.datasets.corpus.Sentence> chosen = new java.util.ArrayList<>();
        int lineNumber = 0;
        for (String line : TextFiles.lines(sentencesFile)) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            try {
                if (fields.length != 2) {
                    throw new IllegalArgumentException("expected the hanzi, a tab and the toned pinyin");
                }
                chosen.add(new org.naoyu.datasets.corpus.Sentence("chosen", fields[0].strip(),
                        List.of(fields[1].strip().split("\\s+"))));
            } catch (IllegalArgumentException e) {
                throw new CommandFailure(1, sentencesFile + ": line " + lineNumber + ": " + e.getMessage());
            }
        }
        if (chosen.isEmpty()) {
            throw new CommandFailure(1, sentencesFile + ": no sentences");
        }
        return chosen;
    }
}
