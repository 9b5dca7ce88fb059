package org.naoyu.speller.cli.language;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.naoyu.decoder.language.CharacterErrors;
import org.naoyu.decoder.language.NoisyInputExperiment;
import org.naoyu.decoder.language.PinyinConverter;
import org.naoyu.decoder.language.PinyinInput;
import org.naoyu.speller.cli.options.HelpOption;
import org.naoyu.speller.cli.options.LanguageModelOptions;
import org.naoyu.speller.cli.options.JsonOption;
import org.naoyu.speller.report.ReportSvg;
import org.naoyu.speller.support.CommandFailure;
import org.naoyu.speller.support.TextFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code naoyu lm-eval}: character and sentence accuracy of pinyin-to-hanzi conversion against references. */
@Command(name = "lm-eval",
        description = "Convert each line of --in (pinyin) and compare it with the same line of --ref (hanzi): "
                + "character accuracy (1 - edit distance / reference length, over all lines) and sentence accuracy. "
                + "--toneless drops the tones (digits and marks) first, to measure toneless input from the same files. "
                + "Exits with 3 when some line could not be converted (it counts as all wrong).")
public final class LmEvalCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Mixin
    LanguageModelOptions languageModel;

    @Option(names = "--in", required = true, paramLabel = "PINYIN", description = "Pinyin, one sentence per line.")
    Path in;

    @Option(names = "--ref", required = true, paramLabel = "HANZI", description = "The sentences, line by line.")
    Path ref;

    @Option(names = "--toneless", description = "Drop tone digits (1-5) from the pinyin before converting.")
    boolean toneless;

    @Mixin
    JsonOption json;

    @Option(names = "--simulate", split = ",", paramLabel = "ACCURACY",
            description = "Instead of exact pinyin, simulate a syllable decoder with this top-1 accuracy (e.g. "
                    + "0.5,0.7,0.9; errors are similar-sounding syllables) and report characters with and without "
                    + "the language model. --in must be toned, space-separated syllables.")
    List<Double> simulate;

    @Option(names = "--repeats", defaultValue = "5", paramLabel = "N",
            description = "Simulated passes over the sentences per accuracy (default ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the simulated decoder noise (default 1).")
    long seed;

    @Option(names = "--curve", paramLabel = "OUT.svg",
            description = "With --simulate: also draw character accuracy against syllable accuracy, with and "
                    + "without the language model.")
    Path curve;

    @Spec
    CommandSpec spec;

    /** What {@code --json} prints for a conversion run; accuracies are null when nothing was measured. */
    record Summary(int sentences, long characters, boolean toneless,
            @JsonProperty("character_accuracy") double characterAccuracy,
            @JsonProperty("sentence_accuracy") double sentenceAccuracy,
            @JsonProperty("unconverted_lines") int unconvertedLines,
            @JsonProperty("ms_per_sentence") double msPerSentence) {
    }

    /** What {@code --json} prints with {@code --simulate}: characters against simulated syllable accuracy. */
    record Curve(int sentences, int repeats, List<CurvePoint> points) {
    }

    record CurvePoint(@JsonProperty("target_syllable_accuracy") double targetAccuracy,
            @JsonProperty("syllable_accuracy") double syllableAccuracy,
            @JsonProperty("characters_without_lm") double charactersWithout,
            @JsonProperty("characters_with_lm") double charactersWith) {
        static CurvePoint of(NoisyInputExperiment.Point p) {
            return new CurvePoint(p.targetAccuracy(), p.syllableAccuracy(), p.charactersWithout(),
                    p.charactersWith());
        }
    }

    @Override
    public Integer call() throws Exception {
        for (Path file : List.of(in, ref)) {
            if (!Files.isRegularFile(file)) {
                throw new CommandFailure(1, file + ": no such file");
            }
        }
        List<String> inputs = TextFiles.lines(in);
        List<String> references = TextFiles.lines(ref);
        if (inputs.size() != references.size()) {
            throw new CommandFailure(1, in + " has " + inputs.size() + " lines but " + ref + " has "
                    + references.size() + "; they must pair line by line");
        }
        PinyinConverter converter = languageModel.converter(spec.commandLine().getErr());
        if (simulate != null) {
            return simulated(converter, inputs, references);
        }
        if (curve != null) {
            throw new IllegalArgumentException("--curve needs --simulate");
        }
        long errors = 0;
        long characters = 0;
        int exact = 0;
        int failed = 0;
        List<String> wrong = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < inputs.size(); i++) {
            String input = toneless ? PinyinInput.withoutTones(inputs.get(i)) : inputs.get(i);
            String reference = references.get(i).strip();
            String output;
            try {
                output = converter.convert(input, 1).get(0).text();
            } catch (IllegalArgumentException e) {
                output = "";
                failed++;
                wrong.add("line " + (i + 1) + ": " + e.getMessage());
            }
            int distance = CharacterErrors.editDistance(output, reference);
            errors += distance;
            characters += reference.codePointCount(0, reference.length());
            if (distance == 0) {
                exact++;
            } else if (!output.isEmpty()) {
                wrong.add("line " + (i + 1) + ": " + reference + " -> " + output);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double characterAccuracy = characters == 0 ? Double.NaN : Math.max(0, 1 - errors / (double) characters);
        double sentenceAccuracy = inputs.isEmpty() ? Double.NaN : exact / (double) inputs.size();
        PrintWriter out = spec.commandLine().getOut();
        if (json.requested()) {
            json.printLine(out, new Summary(inputs.size(), characters, toneless, characterAccuracy,
                    sentenceAccuracy, failed, inputs.isEmpty() ? Double.NaN : 1000 * seconds / inputs.size()));
        } else {
            out.printf(Locale.ROOT, "%d sentences, %d characters (%s input): character accuracy %.3f, sentence "
                    + "accuracy %.3f, %.1f ms per sentence%n", inputs.size(), characters, toneless ? "toneless"
                    : "as given", characterAccuracy, sentenceAccuracy, inputs.isEmpty() ? 0 : 1000 * seconds
                    / inputs.size());
            for (String line : wrong.subList(0, Math.min(20, wrong.size()))) {
                out.println("  " + line);
            }
            if (wrong.size() > 20) {
                out.println("  (" + (wrong.size() - 20) + " more)");
            }
        }
        out.flush();
        return failed == 0 ? 0 : 3;
    }

    private int simulated(PinyinConverter converter, List<String> inputs, List<String> references)
            throws java.io.IOException {
        if (repeats < 1 || repeats > 100) {
            throw new IllegalArgumentException("--repeats must be in [1, 100], got " + repeats);
        }
        if (curve != null && Files.exists(curve)) {
            throw new CommandFailure(1, "refusing to overwrite " + curve + "; choose another --curve");
        }
        List<NoisyInputExperiment.Point> points = new ArrayList<>();
        for (double accuracy : simulate) {
            points.add(NoisyInputExperiment.run(converter, inputs, references, accuracy, repeats, seed));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.requested()) {
            json.printLine(out, new Curve(inputs.size(), repeats, points.stream().map(CurvePoint::of).toList()));
        } else {
            out.printf(Locale.ROOT, "%d sentences x %d repeats; characters from simulated syllable posteriors:%n",
                    inputs.size(), repeats);
            out.println("  syllable top-1   characters without LM   characters with LM");
            for (NoisyInputExperiment.Point p : points) {
                out.printf(Locale.ROOT, "  %.3f            %.3f                   %.3f%n", p.syllableAccuracy(),
                        p.charactersWithout(), p.charactersWith());
            }
        }
        if (curve != null) {
            double[] x = points.stream().mapToDouble(NoisyInputExperiment.Point::syllableAccuracy).toArray();
            Files.writeString(curve, ReportSvg.lines("syllable top-1 accuracy of the decoder",
                    "character accuracy", List.of(
                            new ReportSvg.Line("with the language model", "#2e86c1", x, points.stream()
                                    .mapToDouble(NoisyInputExperiment.Point::charactersWith).toArray()),
                            new ReportSvg.Line("without (top syllable, commonest character)", "#e67e22", x,
                                    points.stream().mapToDouble(NoisyInputExperiment.Point::charactersWithout)
                                            .toArray())), 0), java.nio.file.StandardOpenOption.CREATE_NEW);
            if (!json.requested()) {
                out.println("wrote " + curve);
            }
        }
        out.flush();
        return 0;
    }
}
