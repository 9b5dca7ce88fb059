package org.naoyu.speller.cli.model;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.FrameSeries;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.decoder.evaluation.Evaluation;
import org.naoyu.decoder.evaluation.FreeSpelling;
import org.naoyu.decoder.evaluation.FullInventory;
import org.naoyu.decoder.evaluation.LearningCurve;
import org.naoyu.speller.cli.options.LanguageModelOptions;
import org.naoyu.decoder.model.Accuracy;
import org.naoyu.decoder.model.LinearTrainer;
import org.naoyu.decoder.model.ModelFile;
import org.naoyu.decoder.model.NetworkTrainer;
import org.naoyu.decoder.model.Provenance;
import org.naoyu.decoder.model.TemplateTrainer;
import org.naoyu.decoder.model.TrainingRecipe;
import org.naoyu.decoder.onset.OnsetScore;
import org.naoyu.decoder.stream.AttemptDecoder;
import org.naoyu.speller.cli.options.HelpOption;
import org.naoyu.speller.cli.options.JsonOption;
import org.naoyu.speller.report.EvaluationReport;
import org.naoyu.speller.session.SpellerPipeline;
import org.naoyu.speller.support.CommandFailure;
import org.naoyu.speller.training.TrainingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code naoyu evaluate}: a model's accuracy on recordings it has not seen, as numbers, JSON or an HTML report. */
@Command(name = "evaluate",
        description = "Decode the speech attempts of recordings with a trained model, streaming the frames as a live "
                + "session would, and report top-1/top-5 toned-syllable accuracy, base-syllable and tone accuracy, "
                + "information transfer rate, onset-detection F1 and self-paced accuracy, decode time per attempt, the "
                + "confusion matrix and per-syllable accuracy; --learning-curve retrains on fewer trials to show "
                + "accuracy against training size. --report writes it all as an HTML page with pictures.")
public final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Option(names = "--model", required = true, paramLabel = "MODEL.zip", description = "A model from naoyu train.")
    Path modelFile;

    @Option(names = "--data", required = true, arity = "1..*", paramLabel = "FILE", description = "Test recordings.")
    List<Path> data;

    @Mixin
    JsonOption json;

    @Option(names = "--report", paramLabel = "OUT.html", description = "Also write an HTML report with pictures.")
    Path report;

    @Option(names = "--learning-curve", arity = "1..*", paramLabel = "TRAINING_FILE",
            description = "The model's training recordings: retrain the network and the linear baseline on 25, 50, 75 "
                    + "and 100 %% of each syllable's trials and test each on --data (takes several trainings' time).")
    List<Path> learningCurveData;

    @Option(names = "--spell", description = "Also spell the sentences of the recordings (the sentence task) freely: the "
            + "onset detector finds the attempts, the language model writes the sentence; reports characters "
            + "correct and characters per minute. Needs a model with a speech-onset detector.")
    boolean spell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (report != null && Files.exists(report)) {
            throw new CommandFailure(1, "refusing to overwrite " + report + "; choose another --report");
        }
        ModelFile.Loaded loaded;
        try {
            loaded = ModelFile.load(modelFile);
        } catch (java.io.IOException e) {
            throw new CommandFailure(1, e.getMessage());
        }
        Provenance provenance = loaded.provenance();
        // what the model answers with: the syllables it trained on, or with part heads every one of the inventory
        List<TonedSyllable> inventory = loaded.model().outputs();
        List<TonedSyllable> trained = provenance.inventory().stream().map(TonedSyllable::parse).toList();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Epoch> epochs = new ArrayList<>();
        List<Epoch> everyAttempt = new ArrayList<>();
        List<FrameSeries> sessions = new ArrayList<>();
        double intervals = 0;
        int gaps = 0;
        for (Path file : data) {
            TrainingData.FileEpochs test = TrainingData.load(file, provenance.featureConfig(), provenance.epochConfig());
            List<String> problems = provenance.mismatches(test.channels(), test.sampleRateHz(), test.config());
            if (!problems.isEmpty()) {
                throw new CommandFailure(1, file + " does not fit the model: " + String.join("; ", problems));
            }
            everyAttempt.addAll(test.epochs().epochs());
            List<Epoch> fileEpochs = test.epochs().epochs().stream()
                    .filter(e -> inventory.contains(e.label())).toList();
            for (int i = 1; i < fileEpochs.size(); i++) {
                intervals += fileEpochs.get(i).lockSeconds() - fileEpochs.get(i - 1).lockSeconds();
                gaps++;
            }
            epochs.addAll(fileEpochs);
            sessions.add(test.series());
        }
        if (epochs.isEmpty()) {
            throw new CommandFailure(1, "no attempts at syllables the model knows in " + data);
        }
        Evaluation.Cued cued = Evaluation.cued(loaded.model(), epochs, inventory, gaps == 0 ? Double.NaN
                : intervals / gaps);
        FullInventory full = FullInventory.measure(loaded.model(), everyAttempt, trained);
        AttemptDecoder decoder = new AttemptDecoder(loaded.model(), provenance.epochConfig(),
                provenance.featureConfig().frameRateHz(), loaded.onset(), a -> { });
        Evaluation.Streaming streaming = Evaluation.streaming(decoder, sessions, inventory,
                provenance.epochConfig().lockKind(), loaded.onset() == null ? null : loaded.onset().rule());
        List<LearningCurve.Point> curve = learningCurveData == null ? List.of()
                : learningCurve(provenance, epochs, inventory, err);
        FreeSpelling.Result spelled = spell ? spell(loaded, decoder, sessions, inventory) : null;
        if (json.requested()) {
            Map<String, Object> summary = jsonSummary(provenance, cued, full, streaming, curve);
            if (spelled != null) {
                summary.put("free_spelling", jsonSpelling(spelled));
            }
            json.printLine(out, summary);
        } else {
            printSummary(out, provenance, cued, full, streaming, curve);
            if (spelled != null) {
                printSpelling(out, spelled);
            }
        }
        if (report != null) {
            String html = EvaluationReport.html(modelFile.getFileName().toString(), provenance,
                    data.stream().map(p -> p.getFileName().toString()).toList(), inventory, cued, full, streaming,
                    curve, loaded.onset() == null ? null : sessions.get(0), loaded.onset());
            Files.writeString(report, html, java.nio.file.StandardOpenOption.CREATE_NEW);
            if (!json.requested()) {
                out.println("wrote " + report);
            }
        }
        out.flush();
        return 0;
    }

    private List<LearningCurve.Point> learningCurve(Provenance provenance, List<Epoch> test,
            List<TonedSyllable> inventory, PrintWriter err) throws java.io.IOException {
        List<Epoch> training = new ArrayList<>();
        for (Path file : learningCurveData) {
            TrainingData.FileEpochs loaded = TrainingData.load(file, provenance.featureConfig(),
                    provenance.epochConfig());
            List<String> problems = provenance.mismatches(loaded.channels(), loaded.sampleRateHz(), loaded.config());
            if (!problems.isEmpty()) {
                throw new CommandFailure(1, file + " does not fit the model: " + String.join("; ", problems));
            }
            if (provenance.data().stream().noneMatch(d -> d.sha256().equals(loaded.sha256()))) {
                err.println("naoyu evaluate: note: " + file + " is not among the model's training files (by SHA-256); "
                        + "the learning curve trains on it anyway");
            }
            training.addAll(loaded.epochs().epochs().stream().filter(e -> inventory.contains(e.label())).toList());
        }
        TrainingRecipe recipe = provenance.recipe();
        if (recipe == null) {
            err.println("naoyu evaluate: note: " + modelFile + " does not record how it was trained (an older model "
                    + "file); the learning curve uses today's default trainers");
            recipe = TrainingRecipe.of(switch (provenance.kind()) {
                case NETWORK -> NetworkTrainer.DEFAULT;
                case LINEAR -> LinearTrainer.DEFAULT;
                case TEMPLATE -> TemplateTrainer.DEFAULT;
            }, 0.2);
        }
        return LearningCurve.measure(training, recipe, test, inventory, line -> {
            err.println(line);
            err.flush();
        });
    }

    private void printSummary(PrintWriter out, Provenance provenance, Evaluation.Cued cued, FullInventory full,
            Evaluation.Streaming streaming, List<LearningCurve.Point> curve) {
        Accuracy accuracy = cued.accuracy();
        int n = full.inventory();
        out.printf(Locale.ROOT, "%s (%s) on %d attempts at %d toned syllables:%n", modelFile,
                provenance.kind().name().toLowerCase(Locale.ROOT), accuracy.count(), n);
        out.printf(Locale.ROOT, "  toned syllable  top-1 %.3f  top-5 %.3f  (chance %.4f)%n", accuracy.toned(),
                accuracy.topFiveToned(), 1.0 / n);
        out.printf(Locale.ROOT, "  base syllable   %.3f%n  tone            %.3f%n", accuracy.base(), accuracy.tone());
        out.printf(Locale.ROOT, "  every attempt   %d, %d at syllables never trained on (it answers with %d): top-1 "
                + "%.3f (seen %.3f, unseen %.3f); initial %.3f, final %.3f, tone %.3f%n", full.attempts(),
                full.unseenAttempts(), full.inventory(), full.toned(), full.tonedSeen(), full.tonedUnseen(),
                full.initial(), full.fin(), full.tone());
        out.printf(Locale.ROOT, "  information transfer rate  %.2f bits per attempt, %.1f bits per minute%n",
                cued.bitsPerAttempt(), cued.bitsPerMinute());
        out.printf(Locale.ROOT, "  decode time per attempt    median %.2f ms, p99 %.2f ms, max %.2f ms (%d streamed)%n",
                streaming.decodeMillis().median(), streaming.decodeMillis().p99(), streaming.decodeMillis().max(),
                streaming.decodeMillis().count());
        if (streaming.onset() == null) {
            out.println("  onset detection            (not measured: the model has no onset detector or is not "
                    + "onset-locked)");
        } else if (streaming.onset().attempts() == 0) {
            out.println("  onset detection            (not measured: no speech_onset markers in the test data)");
        } else {
            OnsetScore onset = streaming.onset();
            out.printf(Locale.ROOT, "  onset detection            F1 %.3f (precision %.3f, recall %.3f; %d of %d "
                    + "attempts, %d detections), onset error %.0f ms median%n", onset.f1(), onset.precision(),
                    onset.recall(), onset.hits(), onset.attempts(), onset.detections(), 1000 * onset.medianAbsError());
            out.printf(Locale.ROOT, "  self-paced toned syllable  %.3f of all attempts (detected and decoded right)%n",
                    streaming.selfPacedToned());
        }
        for (LearningCurve.Point point : curve) {
            out.printf(Locale.ROOT, "  learning curve  %-8s %3d trials per syllable (%4d epochs): toned %.3f%n",
                    point.kind().name().toLowerCase(Locale.ROOT), point.trialsPerSyllable(), point.trainingEpochs(),
                    point.test().toned());
        }
    }

    private Map<String, Object> jsonSummary(Provenance provenance, Evaluation.Cued cued, FullInventory full,
            Evaluation.Streaming streaming, List<LearningCurve.Point> curve) {
        Accuracy accuracy = cued.accuracy();
        int n = full.inventory();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("model", modelFile.getFileName().toString());
        json.put("kind", provenance.kind().name().toLowerCase(Locale.ROOT));
        json.put("attempts", accuracy.count());
        json.put("syllables", n);
        json.put("toned", number(accuracy.toned()));
        json.put("toned_top5", number(accuracy.topFiveToned()));
        json.put("base", number(accuracy.base()));
        json.put("tone", number(accuracy.tone()));
        json.put("chance", number(1.0 / n));
        json.put("itr_bits_per_selection", number(cued.bitsPerAttempt()));
        json.put("itr_bits_per_minute", number(cued.bitsPerMinute()));
        json.put("inventory", full.inventory());
        json.put("attempts_all", full.attempts());
        json.put("attempts_unseen", full.unseenAttempts());
        json.put("toned_all", number(full.toned()));
        json.put("toned_seen", number(full.tonedSeen()));
        json.put("toned_unseen", number(full.tonedUnseen()));
        json.put("initial", number(full.initial()));
        json.put("final", number(full.fin()));
        json.put("tone_all", number(full.tone()));
        Map<String, Object> decode = new LinkedHashMap<>();
        decode.put("attempts", streaming.decodeMillis().count());
        decode.put("median", number(streaming.decodeMillis().median()));
        decode.put("p99", number(streaming.decodeMillis().p99()));
        decode.put("max", number(streaming.decodeMillis().max()));
        json.put("decode_ms", decode);
        if (streaming.onset() != null) {
            OnsetScore onset = streaming.onset();
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("f1", number(onset.f1()));
            o.put("precision", number(onset.precision()));
            o.put("recall", number(onset.recall()));
            o.put("attempts", onset.attempts());
            o.put("detections", onset.detections());
            o.put("hits", onset.hits());
            o.put("onset_error_ms", number(1000 * onset.medianAbsError()));
            json.put("onset", o);
            json.put("self_paced_toned", number(streaming.selfPacedToned()));
        }
        if (!curve.isEmpty()) {
            List<Map<String, Object>> points = new ArrayList<>();
            for (LearningCurve.Point point : curve) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("kind", point.kind().name().toLowerCase(Locale.ROOT));
                p.put("trials_per_syllable", point.trialsPerSyllable());
                p.put("training_epochs", point.trainingEpochs());
                p.put("toned", number(point.test().toned()));
                p.put("base", number(point.test().base()));
                p.put("tone", number(point.test().tone()));
                points.add(p);
            }
            json.put("learning_curve", points);
        }
        Map<String, Object> perClass = new LinkedHashMap<>();
        for (int i = 0; i < cued.labels().size(); i++) {
            perClass.put(cued.labels().get(i), number(cued.perClass()[i]));
        }
        json.put("per_syllable", perClass);
        return json;
    }

    /** JSON cannot hold NaN or infinities: they become null. */
    private FreeSpelling.Result spell(ModelFile.Loaded loaded, AttemptDecoder decoder, List<FrameSeries> sessions,
            List<TonedSyllable> inventory) {
        if (!SpellerPipeline.canSpellSelfPaced(loaded)) {
            throw new CommandFailure(1, "--spell needs a model that finds attempts itself: windows locked to "
                    + "speech_onset and a speech-onset detector; this one has " + (loaded.onset() == null
                    ? "no onset detector" : "windows locked to " + loaded.provenance().epochConfig().lockKind()));
        }
        try {
            return FreeSpelling.measure(decoder, sessions, inventory, LanguageModelOptions.standard(
                    spec.commandLine().getErr()).decoder());
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(1, "--spell: " + e.getMessage());
        }
    }

    private static void printSpelling(PrintWriter out, FreeSpelling.Result spelled) {
        int characters = spelled.sentences().stream().mapToInt(FreeSpelling.Sentence::length).sum();
        out.printf(Locale.ROOT, "  free spelling  %d sentences, %d characters in %.1f min: characters correct %.3f, "
                        + "sentences exact %.3f; %.1f characters a minute (%.1f correct)%n", spelled.sentences().size(),
                characters, spelled.minutes(), spelled.characterAccuracy(), spelled.sentenceAccuracy(),
                spelled.charactersPerMinute(), spelled.correctPerMinute());
        for (FreeSpelling.Sentence sentence : spelled.sentences().subList(0, Math.min(5, spelled.sentences().size()))) {
            out.printf(Locale.ROOT, "    %s -> %s  (%d/%d)%n", sentence.meant(), sentence.written().isEmpty()
                    ? "(nothing)" : sentence.written(), sentence.correct(), sentence.length());
        }
    }

    private static Map<String, Object> jsonSpelling(FreeSpelling.Result spelled) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sentences", spelled.sentences().size());
        json.put("characters", spelled.sentences().stream().mapToInt(FreeSpelling.Sentence::length).sum());
        json.put("minutes", number(spelled.minutes()));
        json.put("characters_correct", number(spelled.characterAccuracy()));
        json.put("sentences_exact", number(spelled.sentenceAccuracy()));
        json.put("characters_per_minute", number(spelled.charactersPerMinute()));
        json.put("correct_per_minute", number(spelled.correctPerMinute()));
        List<Map<String, Object>> each = new ArrayList<>();
        for (FreeSpelling.Sentence sentence : spelled.sentences()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("meant", sentence.meant());
            one.put("written", sentence.written());
            one.put("correct", sentence.correct());
            one.put("attempts", sentence.attempts());
            one.put("syllables", sentence.syllables());
            one.put("seconds", number(sentence.seconds()));
            each.add(one);
        }
        json.put("each", each);
        return json;
    }

    private static Double number(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
