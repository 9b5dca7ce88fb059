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
}
