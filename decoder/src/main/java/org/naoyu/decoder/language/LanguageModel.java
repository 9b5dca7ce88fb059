package org.naoyu.decoder.language;

/** Log-probabilities of a word after the one before it; {@link #START} and {@link #END} mark the sentence's ends. */
public interface LanguageModel {
    String START = "<s>";
    String END = "</s>";

    /** Natural log of P(word | previous). */
    double logProb(String previous, String word);
}
