package org.naoyu.decoder.language;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * Two n-gram models mixed as {@link InterpolatedModel} mixes any two (λ·P_first + (1 − λ)·P_second, a word one of them
 * lacks keeping the other's share), over the union of their words: so that the mixture can itself join the shipped
 * model with its words added to the lexicon ({@link PinyinConverter#shippedWith}).
 */
public final class NGramMixture implements NGramModel {
    private final InterpolatedModel mix;
    private final Set<String> vocabulary;

    /** @param share λ, the first model's weight, in [0, 1] */
    public NGramMixture(NGramModel first, NGramModel second, double share) {
        mix = new InterpolatedModel(first, second, share);
        Set<String> words = new HashSet<>(first.vocabulary());
        words.addAll(second.vocabulary());
        vocabulary = Collections.unmodifiableSet(words);
    }

    @Override
    public Set<String> vocabulary() {
        return vocabulary;
    }

    @Override
    public double logProb(String beforePrevious, String previous, String word) {
        return mix.logProb(beforePrevious, previous, word);
    }
}
