package org.naoyu.speller.cli.language;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.naoyu.decoder.language.PinyinConverter;
import org.naoyu.speller.cli.options.HelpOption;
import org.naoyu.speller.cli.options.LanguageModelOptions;
import org.naoyu.speller.support.CommandFailure;
import org.naoyu.speller.support.TextFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code naoyu pinyin2hanzi}: one pinyin sentence per line in, the best hanzi sentence (or the n best) out. */
@Command(name = "pinyin2hanzi",
        description = "Convert pinyin to Chinese characters with naoyu's lexicon and language model, one sentence "
                + "per line (stdin by default). Syllables may be separated or run together, with tones as digits "
                + "(wo3), marks (wǒ) or none, ü as ü, v or u:, any case, erhua (wanr); punctuation, numbers and hanzi "
                + "pass through. A line that is not pinyin gives an empty output line and a message on stderr naming "
                + "the line and column; the other lines are converted.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:every line converted, or some (the others named on stderr)",
                "1:the input cannot be read, or an option is out of range",
                "2:the command line is wrong (an unknown option, a missing value)",
                "3:lines were given and none of them is pinyin"})
public final class Pinyin2hanziCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    LanguageModelOptions languageModel;

    @Option(names = "--in", paramLabel = "FILE", description = "Read this UTF-8 file instead of stdin.")
    Path in;

    @Option(names = "--n-best", paramLabel = "K", defaultValue = "1",
            description = "Print the K best sentences per line, with scores (default ${DEFAULT-VALUE}).")
    int nBest;

    @Option(names = "--tones", description = "Also print the toned pinyin of the words chosen.")
    boolean tones;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (nBest < 1 || nBest > 100) {
            throw new IllegalArgumentException("--n-best must be in [1, 100], got " + nBest);
        }
        if (in != null && !Files.isRegularFile(in)) {
            throw new CommandFailure(1, in + ": no such file");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PinyinConverter converter = languageModel.converter(spec.commandLine().getErr());
        int failed = 0;
        int lineNumber = 0;
        try (TextFiles reader = TextFiles.open(in)) {
            for (String line = reader.next(); line != null; line = reader.next()) {
                lineNumber++;
                List<PinyinConverter.Conversion> conversions;
                try {
                    conversions = converter.convert(line, nBest);
                } catch (IllegalArgumentException e) {
                    err.println("naoyu pinyin2hanzi: line " + lineNumber + ": " + e.getMessage());
                    err.flush();
                    out.println();
                    failed++;
                    continue;
                }
                if (nBest == 1) {
                    PinyinConverter.Conversion best = conversions.get(0);
                    out.println(tones && !best.pinyin().isEmpty() ? best.text() + "\t" + best.pinyin() : best.text());
                } else {
                    for (int k = 0; k < conversions.size(); k++) {
                        PinyinConverter.Conversion c = conversions.get(k);
                        out.printf(Locale.ROOT, "%d\t%s\t%.2f%s%n", k + 1, c.text(), c.score(),
                                tones ? "\t" + c.pinyin() : "");
                    }
                    out.println();
                }
                out.flush();
            }
        }
        if (failed > 0) {
            err.printf(Locale.ROOT, "naoyu pinyin2hanzi: %d of %d lines are not pinyin (empty lines in the output)%n",
                    failed, lineNumber);
        }
        // one bad line among many is the user's typo, not a failed run; a run that converted nothing is
        return failed > 0 && failed == lineNumber ? 3 : 0;
    }
}
