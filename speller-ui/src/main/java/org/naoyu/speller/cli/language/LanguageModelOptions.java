package org.naoyu.speller.cli.language;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.naoyu.decoder.language.ArpaModel;
import org.naoyu.decoder.language.PinyinConverter;
import org.naoyu.speller.support.CommandFailure;
import picocli.CommandLine.Option;

/** {@code --lm FILE [--lm-share λ]}: an ARPA n-gram model of the user's mixed into the shipped one. */
public final class LanguageModelOptions {
    @Option(names = "--lm", paramLabel = "FILE.arpa[.gz]",
            description = "Mix this back-off n-gram model (ARPA text, order 1-3, as SRILM, KenLM or sunpinyin's tools "
                    + "write it; gzip'd if the name ends in .gz) into the shipped language model.")
    Path arpa;

    @Option(names = "--lm-share", paramLabel = "λ", defaultValue = "0.5",
            description = "The --lm model's weight in the mix, in [0, 1] (default ${DEFAULT-VALUE}).")
    double share;

    /** The shipped converter, or the one with the user's model mixed in. */
    PinyinConverter converter() throws IOException {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("--lm-share must be in [0, 1], got " + share);
        }
        if (arpa == null) {
            return PinyinConverter.shipped();
        }
        if (!Files.isRegularFile(arpa)) {
            throw new CommandFailure(1, arpa + ": no such file");
        }
        try {
            return PinyinConverter.shippedWith(ArpaModel.read(arpa), share);
        } catch (IOException e) {
            throw new CommandFailure(1, e.getMessage());
        }
    }
}
