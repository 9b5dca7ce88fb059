package org.naoyu.decoder.language;

/** Log-probabilities of a word after the one before it; {@link #START} and {@link #END} mark the sentence's ends. */
public interface LanguageModel {
    String START = "<s>";
    String END = "</s>";

    /**
     * Natural log of P(word | previous): never above 0, a probability's log. The search relies on it: a partial
     * sentence that cannot make the beam even at log-probability 0 is skipped without asking.
     */
    double logProb(String previous, String word);

    /**
     * Natural log of P(word | beforePrevious previous), for models that remember two words ({@link #START} before
     * the first word, twice at a sentence's start; null when the word before is not known, as when the bigram form
     * is asked); a bigram model ignores {@code beforePrevious}. The search asks this one, so a trigram model need
     * only override it.
     */
    default double logProb(String beforePrevious, String previous, String word) {
        return logProb(previous, word);
    }
}
