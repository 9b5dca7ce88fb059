package org.naoyu.speller;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.naoyu.decoder.language.PinyinConverter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code naoyu lm-eval}: character and sentence accuracy of pinyin-to-hanzi conversion against references. */
@Command(name = "lm-eval",
        description = "Convert each line of --in (pinyin) and compare it with the same line of --ref (hanzi): "
                + "character accuracy (1 - edit distance / reference length, over all lines) and sentence accuracy. "
                + "--toneless drops the tone digits first, to measure toneless input from the same files.")
final class LmEvalCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    HelpOption help;

    @Option(names = "--in", required = true, paramLabel = "PINYIN", description = "Pinyin, one sentence per line.")
    Path in;

    @Option(names = "--ref", required = true, paramLabel = "HANZI", description = "The sentences, line by line.")
    Path ref;

    @Option(names = "--toneless", description = "Drop tone digits (1-5) from the pinyin before converting.")
    boolean toneless;

    @Option(names = "--json", description = "One JSON object instead of the text summary.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (Path file : List.of(in, ref)) {
            if (!Files.isRegularFile(file)) {
                throw new CommandFailure(1, file + ": no such file");
            }
        }
        List<String> inputs = Files.readAllLines(in, StandardCharsets.UTF_8);
        List<String> references = Files.readAllLines(ref, StandardCharsets.UTF_8);
        if (inputs.size() != references.size()) {
            throw new CommandFailure(1, in + " has " + inputs.size() + " lines but " + ref + " has "
                    + references.size() + "; they must pair line by line");
        }
        PinyinConverter converter = PinyinConverter.shipped();
        long errors = 0;
        long characters = 0;
        int exact = 0;
        int failed = 0;
        List<String> wrong = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < inputs.size(); i++) {
            String input = toneless ? inputs.get(i).replaceAll("(?<=[a-zA-Zü:])[1-5]", "") : inputs.get(i);
            String reference = references.get(i).strip();
            String output;
            try {
                output = converter.convert(input, 1).get(0).text();
            } catch (IllegalArgumentException e) {
                output = "";
                failed++;
                wrong.add("line " + (i + 1) + ": " + e.getMessage());
            }
            int distance = editDistance(output, reference);
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
        if (json) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("sentences", inputs.size());
            summary.put("characters", characters);
            summary.put("toneless", toneless);
            summary.put("character_accuracy", Double.isFinite(characterAccuracy) ? characterAccuracy : null);
            summary.put("sentence_accuracy", Double.isFinite(sentenceAccuracy) ? sentenceAccuracy : null);
            summary.put("unconverted_lines", failed);
            summary.put("ms_per_sentence", inputs.isEmpty() ? null : 1000 * seconds / inputs.size());
            out.println(JSON.writeValueAsString(summary));
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
        return 0;
    }

    /** Levenshtein distance in code points. */
    static int editDistance(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int substitute = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length];
    }
}
