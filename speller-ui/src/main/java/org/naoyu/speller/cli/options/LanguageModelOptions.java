package org.naoyu.speller.cli.options;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.naoyu.decoder.language.ArpaModel;
import org.naoyu.decoder.language.KenLmModel;
import org.naoyu.decoder.language.NGramModel;
import org.naoyu.decoder.language.PinyinConverter;
import org.naoyu.decoder.language.SunpinyinModel;
import org.naoyu.speller.support.CommandFailure;
import picocli.CommandLine.Option;

/** {@code --lm FILE|sunpinyin|libime [--lm-share λ]}: an n-gram model of the user's mixed into the shipped one. */
public final class LanguageModelOptions {
    @Option(names = "--lm", paramLabel = "FILE|sunpinyin|libime",
            description = "Mix this back-off n-gram model alone into the shipped language model, instead of the "
                    + "standard two trigrams: ARPA text (order 1-3, as SRILM, KenLM or an IME's tools write it; "
                    + "gzip'd if the name ends in .gz), a KenLM binary trie (build_binary trie), a sunpinyin "
                    + "lm_sc.t3g (its pydict_sc.bin beside it), 'sunpinyin' for the one Debian's sunpinyin-data "
                    + "installs (CC-BY-SA 3.0, open-gram) or 'libime' for the one of Debian's "
                    + "libime-data-language-model (LGPL-2.1+, fcitx).")
    String model;

    @Option(names = "--bundled-lm", description = "Use only the bundled bigram model, without the trigrams of "
            + "libime and sunpinyin (how naoyu converted before them; for comparisons).")
    boolean bundled;

    @Option(names = "--lm-share", paramLabel = "λ", defaultValue = "" + PinyinConverter.SUNPINYIN_SHARE,
            description = "The --lm model's weight in the mix, in [0, 1] (default ${DEFAULT-VALUE}, tuned on the "
                    + "development sentences with sunpinyin's trigram alone).")
    double share;

    /**
     * naoyu's language model ({@link PinyinConverter#standard}), saying on {@code err} when the build has no trigram:
     * what every command that converts uses unless told otherwise.
     */
    public static PinyinConverter standard(PrintWriter err) {
        return PinyinConverter.standard(notice -> {
            err.println("naoyu: " + notice);
            err.flush();
        });
    }

    /** naoyu's converter, the bundled bigram alone, or one with the user's model mixed in; notices on {@code err}. */
    public PinyinConverter converter(PrintWriter err) throws IOException {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("--lm-share must be in [0, 1], got " + share);
        }
        if (bundled && model != null) {
            throw new IllegalArgumentException("--bundled-lm and --lm exclude each other");
        }
        if (bundled) {
            return PinyinConverter.shipped();
        }
        if (model == null) {
            return standard(err);
        }
        try {
            if (model.equals("sunpinyin")) {
                if (!Files.isDirectory(SunpinyinModel.DEBIAN_DIRECTORY)) {
                    throw new CommandFailure(1, "--lm sunpinyin reads Debian's sunpinyin-data, which is not "
                            + "installed (" + SunpinyinModel.DEBIAN_DIRECTORY + "): apt-get install sunpinyin-data");
                }
                return PinyinConverter.shippedWith(SunpinyinModel.debian(), share);
            }
            if (model.equals("libime")) {
                if (!Files.isRegularFile(KenLmModel.DEBIAN_FILE)) {
                    throw new CommandFailure(1, "--lm libime reads Debian's libime-data-language-model, which is not "
                            + "installed (" + KenLmModel.DEBIAN_FILE + "): apt-get install libime-data-language-model");
                }
                return PinyinConverter.shippedWith(KenLmModel.read(KenLmModel.DEBIAN_FILE), share);
            }
            Path file = Path.of(model);
            if (!Files.isRegularFile(file)) {
                throw new CommandFailure(1, file + ": no such file");
            }
            NGramModel extra;
            if (file.getFileName().toString().endsWith(".t3g")) {
                extra = SunpinyinModel.read(file, file.resolveSibling("pydict_sc.bin"));
            } else if (KenLmModel.looksLike(file)) {
                extra = KenLmModel.read(file);
            } else {
                extra = ArpaModel.read(file);
            }
            return PinyinConverter.shippedWith(extra, share);
        } catch (IOException e) {
            throw new CommandFailure(1, e.getMessage());
        }
    }
}
