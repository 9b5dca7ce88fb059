package org.naoyu.speller.training;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.naoyu.datasets.corpus.SyllableInventory;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.EpochConfig;
import org.naoyu.decoder.data.EpochSplits;
import org.naoyu.decoder.data.FrameSeries;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.decoder.model.Accuracy;
import org.naoyu.decoder.model.DecoderTrainer;
import org.naoyu.decoder.model.Heads;
import org.naoyu.decoder.model.LinearTrainer;
import org.naoyu.decoder.model.ModelFile;
import org.naoyu.decoder.model.NetworkTrainer;
import org.naoyu.decoder.model.Provenance;
import org.naoyu.decoder.model.TemplateTrainer;
import org.naoyu.decoder.model.TrainedModel;
import org.naoyu.decoder.model.TrainingRecipe;
import org.naoyu.decoder.onset.OnsetSpec;
import org.naoyu.decoder.onset.OnsetTrainer;
import org.naoyu.decoder.onset.SpeechSegment;
import org.naoyu.speller.support.CommandFailure;
import org.naoyu.speller.support.VersionInfo;

/**
 * Trains a syllable decoder (and the onset detector) from recordings and saves the model file with its provenance:
 * what {@code naoyu train} runs, and what the online session runs on the calibration it has just recorded.
 *
 * @param kind          the decoder: the network, the linear baseline or the generative templates
 * @param passes        passes over the training data at most (the templates make none: they are fitted in closed form)
 * @param onsetDetector whether to train the speech-onset detector too (self-paced spelling needs it)
 * @param heads         the decoder's heads: whole syllables, their parts (any syllable of the inventory), or both
 */
public record ModelTraining(TrainedModel.Kind kind, int passes, double validationShare, long seed, EpochConfig window,
        boolean onsetDetector, Heads heads) {

    /**
     * The window a session decodes: 0.6 s from 0.1 s before each speech onset (syllables spoken in sentences follow
     * each other closely; a longer window reaches into the next one).
     */
    public static final EpochConfig SESSION_WINDOW = new EpochConfig("speech_onset", -0.1, 0.6, 0, 0);

    /** The toned syllables a decoder with part heads answers with: every one the shipped inventory holds. */
    static final List<TonedSyllable> LANGUAGE = SyllableInventory.standard().syllables().stream()
            .map(s -> TonedSyllable.parse(s.toned())).toList();

    public ModelTraining {
        if (kind == null) {
            throw new IllegalArgumentException("kind must be given: network, linear or template");
        }
        if (heads == null) {
            throw new IllegalArgumentException("heads must be given: whole, parts or both");
        }
        if (kind == TrainedModel.Kind.TEMPLATE && heads != Heads.PARTS) {
            throw new IllegalArgumentException("the template decoder has part heads only (it builds every syllable's "
                    + "template from its initial, final and tone), got --heads " + heads.label());
        }
        if (!(validationShare >= 0 && validationShare < 0.9)) {
            throw new IllegalArgumentException("--validation must be in [0, 0.9), got " + validationShare);
        }
        if (passes < 1 || passes > 1000) {
            throw new IllegalArgumentException("--epochs must be in [1, 1000], got " + passes);
        }
    }

    /** Trains on {@code data} and writes {@code out}, printing progress to {@code printer}. */
    public void train(List<Path> data, Path out, PrintWriter printer) throws IOException {
        train(data, out, printer, null);
    }

    /**
     * As {@link #train(List, Path, PrintWriter)}, fine-tuning {@code start} (the participant's previous model) when
     * it is not null: it must read the same channels, features and window, and be of this training's kind and heads.
     */
    public void train(List<Path> data, Path out, PrintWriter printer, ModelFile.Loaded start) throws IOException {
        List<Epoch> all = new ArrayList<>();
        List<FrameSeries> series = new ArrayList<>();
        List<Provenance.DataFile> files = new ArrayList<>();
        TrainingData.FileEpochs first = null;
        for (Path file : data) {
            TrainingData.FileEpochs loaded;
            try {
                loaded = TrainingData.load(file, first == null ? null : first.config(), window);
            } catch (OutOfMemoryError e) { // nothing is written yet: say what to do instead of a JVM stack trace
                throw new CommandFailure(1, file + ": out of memory loading it (" + all.size() + " epochs loaded "
                        + "before it, a heap of " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB); give Java "
                        + "more, e.g. NAOYU_JAVA_OPTS=-Xmx16g, or train on fewer sessions");
            }
            if (first == null) {
                first = loaded;
            } else if (!loaded.channels().equals(first.channels())) {
                throw new CommandFailure(1, file + ": its channels differ from " + first.file() + "'s; train on "
                        + "sessions of one montage");
            }
            all.addAll(loaded.epochs().epochs());
            series.add(loaded.series());
            files.add(new Provenance.DataFile(file.getFileName().toString(), loaded.sha256(),
                    loaded.epochs().epochs().size()));
            printer.printf(Locale.ROOT, "%s: %d epochs (%d skipped), bad channels %s%n", file,
                    loaded.epochs().epochs().size(), loaded.epochs().skipped().size(),
                    loaded.badChannels().stream().map(c -> loaded.channels().get(c)).toList());
            printer.flush();
        }
        if (start != null) {
            checkStart(start, first);
        }
        if (all.size() < 2) {
            throw new CommandFailure(1, "found " + all.size() + " epochs at '" + window.lockKind() + "' markers; "
                    + "training needs trials (a calibration session or naoyu simulate)");
        }
        DecoderTrainer trainer = switch (kind) {
            case LINEAR -> LinearTrainer.DEFAULT.withPasses(passes).withSeed(seed).withHeads(heads);
            // the stretch of an attempt is about its speech onset: the frame the window's lock is at
            case TEMPLATE -> TemplateTrainer.DEFAULT.withSeed(seed).withOnsetFrame((int) Math.max(0,
                    Math.round(-window.startSeconds() * first.config().frameRateHz())));
            case NETWORK -> NetworkTrainer.defaults(heads).withMaxPasses(passes).withSeed(seed);
        };
        TrainingRecipe recipe = TrainingRecipe.of(trainer, validationShare);
        EpochSplits.Coverage coverage = EpochSplits.coverage(all);
        // part heads are validated on whole syllables held out (what they are for) when too few syllables repeat
        boolean grouped = heads.parts() && validationShare > 0 && !coverage.supportsValidation();
        EpochSplits.Split split = grouped ? EpochSplits.groupedBySyllable(all, validationShare, seed)
                : EpochSplits.split(all, validationShare, seed);
        if (grouped && split.validation().isEmpty()) {
            throw new CommandFailure(1, "cannot validate the part heads on this data: no syllable can be held out "
                    + "while its initial, final and tone keep " + EpochSplits.MIN_TRIALS_TO_VALIDATE
                    + " trials in training (" + coverage.describe() + "). Record more trials, or accept an "
                    + "unvalidated model with --validation 0");
        }
        if (kind == TrainedModel.Kind.NETWORK && validationShare > 0 && !grouped && !coverage.supportsValidation()) {
            // a network without a validation score stops at an arbitrary pass and nobody can tell how good it is
            throw new CommandFailure(1, "cannot train the network on this data: " + coverage.describe()
                    + ". Without validation it would stop at an arbitrary pass and could not be checked. Record "
                    + "each syllable at least " + EpochSplits.MIN_TRIALS_TO_VALIDATE + " times (cue fewer "
                    + "syllables, or train on several calibration sessions that repeat them), train the linear baseline "
                    + "(--baseline), use part heads (--heads parts), which are validated on syllables held out whole, "
                    + "or accept an unvalidated network with --validation 0");
        }
        List<TonedSyllable> inventory = all.stream().map(Epoch::label).distinct().sorted(
                java.util.Comparator.comparing(TonedSyllable::toned)).toList();
        printer.printf(Locale.ROOT, "training the %s (%s heads) on %d epochs of %d toned syllables, validating on "
                + "%d%s%n", kind.description(), heads.label(), split.train().size(),
                inventory.size(), split.validation().size(), grouped ? " of " + split.validation().stream()
                        .map(Epoch::label).distinct().count() + " syllables held out whole" : "");
        if (heads.parts()) {
            printer.printf(Locale.ROOT, "  it answers with any of the %d toned syllables of the inventory%n",
                    LANGUAGE.size());
        }
        if (!grouped && coverage.validatable() < coverage.syllables()) {
            printer.printf(Locale.ROOT, "  %s; the validation score covers only those%s%n", coverage.describe(),
                    split.validation().isEmpty() ? " (none here: no early stopping, every pass is trained)" : "");
        }
        printer.flush();
        if (start != null) {
            printer.printf(Locale.ROOT, "  starting from the previous model (trained on %s)%n",
                    start.provenance().data().stream().map(Provenance.DataFile::name).toList());
        }
        long began = System.nanoTime();
        TrainedModel previous = start == null ? null : start.model();
        TrainedModel model = trainer.train(split.train(), split.validation(), LANGUAGE, previous, p -> {
            if (p.note() != null) { // a closed-form fit: no passes, a setting tried or chosen
                printer.printf(Locale.ROOT, "  %s%n", p.note());
            } else {
                printer.printf(Locale.ROOT, "  pass %3d/%d %s loss %.3f  %s%n", p.epoch(), passes,
                        bar(p.epoch(), passes), p.trainLoss(), Double.isNaN(p.validationToned()) ? "validation: none"
                                : String.format(Locale.ROOT, "validation: toned %.2f  base %.2f  tone %.2f",
                                        p.validationToned(), p.validationBase(), p.validationTone()));
            }
            printer.flush();
        });
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("training_epochs", (double) split.train().size());
        metrics.put("validation_epochs", (double) split.validation().size());
        if (!split.validation().isEmpty()) {
            Accuracy accuracy = Accuracy.of(model.predict(split.validation()), split.validation(),
                    model.outputs());
            metrics.put("validation_toned", accuracy.toned());
            metrics.put("validation_toned_top5", accuracy.topFiveToned());
            metrics.put("validation_base", accuracy.base());
            metrics.put("validation_tone", accuracy.tone());
        }
        if (kind != TrainedModel.Kind.NETWORK && heads != Heads.BOTH && !split.validation().isEmpty()) {
            // the baseline trains a fixed number of passes and the templates choose their settings by their own
            // cross-validation: validation only measured them and chose nothing (with both kinds of head it chooses
            // their mix), so the model kept is fitted again on every trial (a grouped split would otherwise leave whole
            // syllables out)
            printer.printf(Locale.ROOT, "  refitting on all %d trials (validation chose nothing for the %s)%n",
                    all.size(), kind.description());
            printer.flush();
            model = trainer.train(split.all(), List.of(), LANGUAGE, previous, p -> {
                if (p.note() != null && p.note().startsWith("fitted")) {
                    printer.printf(Locale.ROOT, "  %s%n", p.note());
                    printer.flush();
                }
            });
            metrics.put("training_epochs", (double) all.size());
        }
        metrics.put("training_seconds", (System.nanoTime() - began) / 1e9);
        if (start != null) { // how much the model it started from had seen, beside what this training adds
            metrics.put("start_model_training_epochs", start.provenance().metrics().getOrDefault("training_epochs",
                    Double.NaN));
        }
        OnsetTrainer.Result onset = null;
        if (onsetDetector && !window.lockKind().equals(SpeechSegment.ONSET)) {
            printer.println("no onset detector: self-paced decoding needs windows locked to speech_onset, these are "
                    + "locked to " + window.lockKind());
        } else if (onsetDetector) {
            onset = trainOnsetDetector(series, printer);
        }
        if (onset != null) {
            metrics.put("onset_tuning_f1", onset.tuning().f1());
            metrics.put("onset_lag_seconds", onset.detector().rule().lagSeconds());
        }
        VersionInfo version = VersionInfo.ofThisBuild();
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("naoyu", version.version() + " " + version.commit());
        versions.put("deeplearning4j", "1.0.0-M2.1");
        versions.put("java", System.getProperty("java.version"));
        Provenance provenance = new Provenance(Provenance.FORMAT, model.kind(),
                first.config().withBadChannels(List.of()), first.channels(), window,
                inventory.stream().map(TonedSyllable::toned).toList(), files, seed, metrics, versions, recipe,
                onset == null ? null : OnsetSpec.of(onset));
        ModelFile.save(model, onset == null ? null : onset.detector(), provenance, out);
        printer.printf(Locale.ROOT, "wrote %s: %s, answers with %d toned syllables (trained on %d), validation toned "
                + "accuracy %s (chance %.4f)%s%n",
                out, model.kind().name().toLowerCase(Locale.ROOT), model.outputs().size(), inventory.size(),
                metrics.containsKey("validation_toned") ? String.format(Locale.ROOT, "%.2f",
                        metrics.get("validation_toned")) : "not measured", 1.0 / model.outputs().size(),
                onset == null ? ", no onset detector" : String.format(Locale.ROOT, ", onset detector F1 %.2f",
                        onset.tuning().f1()));
        printer.flush();
    }

    /** The onset detector for self-paced spelling, or null (with the reason printed) when the data cannot make one. */
    private OnsetTrainer.Result trainOnsetDetector(List<FrameSeries> series, PrintWriter printer) {
        OnsetTrainer trainer = OnsetTrainer.DEFAULT.withSeed(seed);
        printer.println("training the speech-onset detector");
        try {
            OnsetTrainer.Result result = trainer.train(series, line -> { });
            printer.printf(Locale.ROOT, "  onset detector: F1 %.2f on the last %.0f%% of each session (%d of %d "
                    + "attempts found, %d detections), lag %.0f ms, onset error %.0f ms (median)%n",
                    result.tuning().f1(), 100 * trainer.tuneShare(), result.tuning().hits(), result.tuning().attempts(),
                    result.tuning().detections(), 1000 * result.detector().rule().lagSeconds(),
                    1000 * result.tuning().medianAbsError());
            return result;
        } catch (IllegalArgumentException e) {
            printer.println("  no onset detector: " + e.getMessage());
            return null;
        } finally {
            printer.flush();
        }
    }

    /** A text progress bar, {@code [#####-----]}, so a long training shows how far it has come. */
    static String bar(int done, int total) {
        int width = 20;
        int filled = (int) Math.round(width * Math.min(1.0, done / (double) Math.max(1, total)));
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "]";
    }

    /** Refuses a model to start from that reads other channels, features or windows, or is of another kind. */
    private void checkStart(ModelFile.Loaded start, TrainingData.FileEpochs first) {
        List<String> problems = new ArrayList<>(start.provenance().mismatches(first.channels(), first.sampleRateHz(),
                first.config()));
        if (!start.provenance().epochConfig().equals(window)) {
            problems.add("window: the model's is " + start.provenance().epochConfig() + ", this training's " + window);
        }
        if (kind == TrainedModel.Kind.TEMPLATE) {
            problems.add("kind: the template decoder is fitted in closed form and does not start from a model; train "
                    + "it on the earlier sessions and the new ones together");
        } else if (start.model().kind() != kind) {
            problems.add("kind: the model is " + start.model().kind().name().toLowerCase(Locale.ROOT)
                    + ", this training makes " + kind.name().toLowerCase(Locale.ROOT) + " (--decoder "
                    + start.model().kind().name().toLowerCase(Locale.ROOT) + ")");
        }
        if (start.model().heads() != heads) {
            problems.add("heads: the model's are " + start.model().heads().label() + ", this training's "
                    + heads.label() + " (--heads " + start.model().heads().label() + ")");
        }
        if (!problems.isEmpty()) {
            throw new CommandFailure(1, "--init: the model cannot be fine-tuned on this data: "
                    + String.join("; ", problems));
        }
    }

    /**
     * How a model is trained from a calibration recorded in the session: windows of 0.6 s from 0.1 s before each
     * speech onset (syllables spoken in sentences follow each other closely; a longer window reaches into the next
     * one), the onset detector for free spelling. The network and the baseline get whole-syllable heads (a session
     * calibrates the syllables it will spell); the templates part heads and no validation split, since they
     * cross-validate their own settings and a short plan calibration repeats too little to hold syllables out whole.
     */
    public static ModelTraining forSessionCalibration(TrainedModel.Kind kind) {
        return switch (kind) {
            case NETWORK -> new ModelTraining(kind, 80, 0.2, 1, SESSION_WINDOW, true, Heads.WHOLE);
            case LINEAR -> new ModelTraining(kind, 40, 0.2, 1, SESSION_WINDOW, true, Heads.WHOLE);
            case TEMPLATE -> new ModelTraining(kind, 1, 0, 1, SESSION_WINDOW, true, Heads.PARTS);
        };
    }
}
