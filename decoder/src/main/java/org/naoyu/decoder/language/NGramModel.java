package org.naoyu.decoder.language;

import java.util.Set;

/**
 * A language model over its own vocabulary, read from a file ({@link ArpaModel}, {@link SunpinyinModel}): its words
 * join the lexicon when it is mixed in ({@link PinyinConverter#shippedWith}), so the search can build the words its
 * n-grams are about.
 */
public interface NGramModel extends LanguageModel {
    /** The words the model has probabilities for, the sentence boundaries included. */
    Set<String> vocabulary();

    /** An n-gram model answers with up to two words of history; this is the one it implements. */
    @Override
    double logProb(String beforePrevious, String previous, String word);

    /** The bigram form: the word before {@code previous} unknown. */
    @Override
    default double logProb(String previous, String word) {
        return logProb(null, previous, word);
    }
}
