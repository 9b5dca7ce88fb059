package org.naoyu.speller.cli.model;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.naoyu.decoder.data.EpochConfig;
import org.naoyu.decoder.model.Heads;
import org.naoyu.decoder.model.ModelFile;
import org.naoyu.decoder.model.TrainedModel;
import org.naoyu.speller.cli.options.HelpOption;
import org.naoyu.speller.support.CommandFailure;
import org.naoyu.speller.training.DecoderChoice;
import org.naoyu.speller.training.ModelTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code naoyu train}: a syllable decoder from recorded or simulated sessions, saved with its provenance. */
@Command(name = "train",
        description = "Train a syllable + tone decoder (DL4J network, linear baseline or generative templates) on recordings "
                + "with task markers (e.g. from naoyu simulate or a calibration session): features as a live session "
                + "computes them, epochs at speech onsets, a validation split for early stopping; and a speech-onset "
                + "detector for self-paced spelling. Saves a model file with its provenance (feature config, channels, "
                + "syllables, data hashes, training recipe, metrics).")
public final class TrainCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "FILE", description = "Recordings.")
    List<Path> data;

    @Option(names = "--out", required = true, paramLabel = "MODEL.zip", description = "The model file to write.")
    Path out;

    @Option(names = "--decoder", paramLabel = "network|linear|templates",
            description = "The decoder: the DL4J network (default), the linear baseline (logistic regression on binned "
                    + "windows), or templates: a generative model whose syllable templates are built from initial, final "
                    + "and tone, fitted in closed form with its settings cross-validated (part heads only).")
    String decoder;

    @Option(names = "--baseline", description = "Train the linear baseline instead of the network (--decoder linear).")
    boolean baseline;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "80",
            description = "Passes over the training data at most (default ${DEFAULT-VALUE}).")
    int passes;

    @Option(names = "--validation", paramLabel = "SHARE", defaultValue = "0.2",
            description = "Share of each syllable's trials held out for early stopping (default ${DEFAULT-VALUE}).")
    double validationShare;

    @Option(names = "--seed", defaultValue = "1", description = "Weights, split and augmentation (default 1).")
    long seed;

    @Option(names = "--lock", paramLabel = "KIND", defaultValue = "speech_onset",
            description = "The marker each window is locked to: speech_onset (default), or go / cue for cue-locked "
                    + "windows when onsets are not marked.")
    String lock;

    @Option(names = "--window", paramLabel = "START,LENGTH", defaultValue = "-0.1,1.0", split = ",",
            description = "Window start relative to the marker and its length, seconds (default -0.1,1.0).")
    double[] windowSeconds;

    @Option(names = "--heads", paramLabel = "whole|parts|both", converter = HeadsConverter.class,
            description = "The decoder's heads: whole syllables (answers only with syllables it trained on), parts "
                    + "(initial, final, tone: answers with any syllable of the inventory, also ones never recorded), "
                    + "or both, mixed (default whole; parts for templates, which have no other).")
    Heads heads;

    @Option(names = "--no-onset", description = "Do not train the speech-onset detector (self-paced spelling needs "
            + "it; cued tasks do not).")
    boolean noOnset;

    @Option(names = "--init", paramLabel = "MODEL.zip",
            description = "Fine-tune the participant's previous model on this data instead of starting from random "
                    + "weights: it must be of the same kind and heads and read the same channels, features and "
                    + "window.")
    Path init;

    @Spec
    CommandSpec spec;

    /** Reads --heads, naming the choices when the value is none of them. */
    static final class HeadsConverter implements picocli.CommandLine.ITypeConverter<Heads> {
        @Override
        public Heads convert(String value) {
            try {
                return Heads.parse(value);
            } catch (IllegalArgumentException e) {
                // picocli prints this message as it is, after the option's name
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out)) {
            throw new CommandFailure(1, "refusing to overwrite " + out + "; choose another --out");
        }
        PrintWriter printer = spec.commandLine().getOut();
        if (windowSeconds.length != 2) {
            throw new IllegalArgumentException("--window takes START,LENGTH in seconds, got " + windowSeconds.length
                    + " numbers");
        }
        EpochConfig window;
        try {
            window = new EpochConfig(lock, windowSeconds[0], windowSeconds[1], 0, 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--lock/--window: " + e.getMessage(), e);
        }
        ModelFile.Loaded start = null;
        if (init != null) {
            try {
                start = ModelFile.load(init);
            } catch (java.io.IOException e) {
                throw new CommandFailure(1, "--init: " + e.getMessage());
            }
        }
        TrainedModel.Kind kind = DecoderChoice.resolve(decoder, TrainedModel.Kind.NETWORK, baseline, "--baseline",
                TrainedModel.Kind.LINEAR);
        Heads chosenHeads = heads != null ? heads : kind == TrainedModel.Kind.TEMPLATE ? Heads.PARTS : Heads.WHOLE;
        new ModelTraining(kind, passes, validationShare, seed, window, !noOnset, chosenHeads).train(data, out,
                printer, start);
        return 0;
    }
}
