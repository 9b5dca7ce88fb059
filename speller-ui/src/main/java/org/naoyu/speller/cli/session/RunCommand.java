package org.naoyu.speller.cli.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.ResolvedStream;
import org.naoyu.datasets.corpus.SyllableInventory;
import org.naoyu.datasets.record.SessionInfo;
import org.naoyu.decoder.language.PinyinConverter;
import org.naoyu.speller.cli.options.LanguageModelOptions;
import org.naoyu.decoder.model.ModelFile;
import org.naoyu.decoder.model.TrainedModel;
import org.naoyu.speller.calibration.CalibrationPlan;
import org.naoyu.speller.cli.options.HelpOption;
import org.naoyu.speller.cli.options.LslOptions;
import org.naoyu.speller.cli.options.ServeOptions;
import org.naoyu.speller.launch.SessionLauncher;
import org.naoyu.speller.session.OnlineSession;
import org.naoyu.speller.session.SpellerPipeline;
import org.naoyu.speller.session.TaskPresentation;
import org.naoyu.speller.support.VersionInfo;
import org.naoyu.speller.training.DecoderChoice;
import org.naoyu.speller.training.ModelTraining;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code naoyu run}: the online speller session on a live LSL stream. */
@Command(name = "run",
        description = "The online speller: resolves the ECoG stream over LSL (and the task's marker stream), checks it "
                + "against the model, runs filters, decoder and language model in real time, publishes the "
                + "'naoyu-speller' marker stream, optionally records everything to XDF, and serves the participant and "
                + "operator views on 127.0.0.1. Without --model, calibrate and train from the operator view.")
public final class RunCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    LslOptions lsl;

    @Option(names = "--stream", required = true, paramLabel = "QUERY",
            description = "The ECoG stream: a name, or an LSL predicate such as type='ECoG'.")
    String stream;

    @Option(names = "--markers", paramLabel = "QUERY",
            description = "The task's marker stream (cues, speech onsets, sentences) from a stimulus program or "
                    + "naoyu simulate (naoyu-sim-markers); calibration and cued sentences need it.")
    String markers;

    @Option(names = "--model", paramLabel = "MODEL.zip", description = "A model from naoyu train.")
    Path model;

    @Option(names = "--record", paramLabel = "DIR",
            description = "Record the session (signal, task markers, naoyu-speller) to an XDF file in DIR.")
    Path record;

    @Option(names = "--participant", paramLabel = "PSEUDONYM",
            description = "The participant's pseudonym (never a name): the recording is laid out BIDS-style under "
                    + "--record as sub-PSEUDONYM/…; without it the file is session-DATE-TIME.xdf.")
    String participant;

    @Option(names = "--phase", paramLabel = "PHASE",
            description = "Start in this phase: watching, calibration, free-spelling, cued-sentences (default: "
                    + "cued-sentences with a model and a task stream, free-spelling with a model alone, else "
                    + "watching).")
    String phase;

    @Option(names = "--work", paramLabel = "DIR",
            description = "Where calibration recordings and models trained in the session go (default: --record, "
                    + "else naoyu-work in the current directory).")
    Path work;

    @Option(names = "--decoder", paramLabel = "linear|network|templates",
            description = "What the session trains from its calibration: the linear baseline (default, whole "
                    + "syllables, trains in seconds), the DL4J network, or templates (part heads: any syllable of the "
                    + "inventory; the right choice after a --present-task calibration along the plan).")
    String decoder;

    @Option(names = "--train-network", description = "Train the DL4J network from calibration (--decoder network).")
    boolean trainNetwork;

    @Option(names = "--commit-syllable", paramLabel = "SYLLABLE",
            description = "A toned syllable that, decoded in free spelling, ends the sentence (e.g. hao3).")
    String commitSyllable;

    @Option(names = "--undo-syllable", paramLabel = "SYLLABLE",
            description = "A toned syllable that, decoded in free spelling, takes back the last one (e.g. cuo4).")
    String undoSyllable;

    @Option(names = "--present-task", description = "Present the calibration task on the participant view (cue, go, "
            + "rest) and publish it as markers on naoyu-task, for when no stimulus program runs (a real amplifier); "
            + "without --markers, naoyu-task is the task stream. Starts in calibration unless --model or --phase "
            + "says otherwise.")
    boolean presentTask;

    @Option(names = "--plan-from", paramLabel = "TRIAL", defaultValue = "0",
            description = "With --present-task: where in the participant's calibration plan to start (default "
                    + "${DEFAULT-VALUE}; the previous session's log says where it stopped).")
    int planFrom;

    @Option(names = "--plan-seed", paramLabel = "N", defaultValue = "1",
            description = "With --present-task: the participant's plan (the order of its rounds; default "
                    + "${DEFAULT-VALUE}, the same in every session of one participant).")
    long planSeed;

    @Option(names = "--present-trials", paramLabel = "N",
            description = "With --present-task: at most N trials (default: the rest of the plan).")
    Integer presentTrials;

    @ArgGroup(exclusive = false)
    ServeOptions serve = new ServeOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        // a wrong --decoder is refused before any stream is looked for
        TrainedModel.Kind training = DecoderChoice.resolve(decoder, TrainedModel.Kind.LINEAR, trainNetwork,
                "--train-network", TrainedModel.Kind.NETWORK);
        // the language model (a few seconds with the trigrams) loads while the streams are looked for and the
        // decoder is read, so that the session starts, and its normalisation warms up, as early as before
        java.util.concurrent.CompletableFuture<PinyinConverter> language = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> LanguageModelOptions.standard(spec.commandLine().getErr()));
        LslConfig config = lsl.config();
        ResolvedStream signal = SessionLauncher.resolve(config, stream, lsl.timeout());
        ResolvedStream task = markers == null ? null : SessionLauncher.resolve(config, markers, lsl.timeout());
        ModelFile.Loaded loaded = model == null ? null : ModelFile.load(model);
        Map<String, String> header = new LinkedHashMap<>();
        Path file = null;
        if (record != null) {
            String now = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            if (participant != null) {
                SessionInfo info = new SessionInfo(participant, now.substring(0, 8), "speller", 1);
                while (Files.exists(info.bidsPath(record))) {
                    info = info.nextRun();
                }
                header.putAll(info.headerFields());
                file = info.bidsPath(record);
            } else {
                file = record.resolve("session-" + now + ".xdf");
            }
        }
        header.put("software", "naoyu " + VersionInfo.ofThisBuild().version());
        if (model != null) {
            header.put("model", model.getFileName().toString());
        }
        TaskPresentation presentation = presentTask ? presentation() : null;
        OnlineSession.Phase start = phase != null ? OnlineSession.Phase.parse(phase) : loaded == null
                ? (presentTask ? OnlineSession.Phase.CALIBRATION : OnlineSession.Phase.WATCHING)
                : task != null ? OnlineSession.Phase.CUED_SENTENCES : OnlineSession.Phase.FREE_SPELLING;
        SpellerPipeline.CommandSyllables commands = commitSyllable == null && undoSyllable == null ? null
                : new SpellerPipeline.CommandSyllables(commitSyllable, undoSyllable, 0.5);
        Path workDir = work != null ? work : record != null ? record : Path.of("naoyu-work");
        OnlineSession.Options options = new OnlineSession.Options(signal, task, config, workDir, file, header,
                ModelTraining.forSessionCalibration(training), commands, start, presentation);
        PinyinConverter converter;
        try {
            converter = language.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        OnlineSession session = OnlineSession.start(options, loaded, converter.decoder());
        return SessionLauncher.serve(session, serve.serving(), spec.commandLine().getOut());
    }

    /** The stretch of the participant's calibration plan --present-task shows, checked against the plan. */
    private TaskPresentation presentation() {
        CalibrationPlan plan = CalibrationPlan.of(SyllableInventory.standard(), planSeed);
        int size = plan.trials().size();
        if (planFrom < 0 || planFrom >= size) {
            throw new IllegalArgumentException("--plan-from must be in [0, " + (size - 1) + "], got " + planFrom);
        }
        if (presentTrials != null && presentTrials < 1) {
            throw new IllegalArgumentException("--present-trials must be at least 1, got " + presentTrials);
        }
        List<String> trials = plan.slice(planFrom, presentTrials == null ? size - planFrom : presentTrials);
        return new TaskPresentation(trials, TaskPresentation.Timing.DEFAULT, planSeed, planFrom, "plan trials "
                + planFrom
                + "-" + (planFrom + trials.size() - 1) + " of " + size + ", from the " + plan.blockAt(planFrom).name()
                + " block");
    }
}
