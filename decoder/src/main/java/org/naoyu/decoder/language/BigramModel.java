package org.naoyu.decoder.language;

import com.hankcs.hanlp.dictionary.CoreBiGramTableDictionary;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.utility.Predefine;

/**
 * A word bigram model: bigram counts from HanLP's statistics (the word-pair table of its core dictionary, estimated on
 * segmented People's Daily text), interpolated with the lexicon's unigram distribution (jieba frequencies, add-one
 * smoothed) so that every word has a probability:
 *
 * <pre>P(w | v) = λ · c(v, w) / c(v) + (1 − λ) · P_uni(w)</pre>
 *
 * — Jelinek-Mercer interpolation with a fixed weight, as HanLP's own segmenter smooths the same table, and like it
 * dividing by the history's word count c(v): the table's pairs after v do not add up to c(v), nor land only on
 * lexicon words, so P(· | v) sums to less than 1 after histories the table knows (about 0.3 after the sentence start,
 * 0.8 after 了) and to 1 after those it does not. HanLP does not expose the per-history pair totals that would fix this. (A weight that
 * grows with c(v) starves unseen pairs after frequent histories such as the sentence start: the table comes from
 * newspaper text, where 你好 never follows it.) Sentence ends use HanLP's begin and end tags. A history the table
 * does not know leaves the unigram term alone; that is also the character-level fallback, since every character is a
 * word of the lexicon. The sentence end has one probability after every word: the user, not the model, ends a
 * sentence.
 */
public final class BigramModel implements LanguageModel {
    private final Lexicon lexicon;
    private final double lambda;
    private final double logUniformFloor;

    /**
     * @param lambda the bigram's weight, in [0, 1)
     */
    public BigramModel(Lexicon lexicon, double lambda) {
        if (!(lambda >= 0 && lambda < 1)) {
            throw new IllegalArgumentException("lambda must be in [0, 1), got " + lambda);
        }
        if (lexicon.words() == 0) {
            throw new IllegalArgumentException("the language model needs a lexicon with words");
        }
        this.lexicon = lexicon;
        this.lambda = lambda;
        this.logUniformFloor = Math.log(1.0 / (lexicon.totalFrequency() + lexicon.words()));
        CoreBiGramTableDictionary.getBiFrequency(Predefine.TAG_BIGIN, "我"); // load HanLP's tables now, not mid-sentence
    }

    public BigramModel(Lexicon lexicon) {
        this(lexicon, DEFAULT_LAMBDA);
    }

    /** Chosen on the 332 task-corpus sentences, never on the held-out ones (see decoder/README.md). */
    public static final double DEFAULT_LAMBDA = 0.7;

    /** P(END | v), the same after every word. */
    static final double END_PROBABILITY = 0.1;

    /** P_uni(w): the lexicon's frequency, add-one smoothed over its words. */
    public double unigram(String word) {
        if (word.equals(END)) {
            return END_PROBABILITY;
        }
        return (lexicon.frequency(word) + 1.0) / (lexicon.totalFrequency() + lexicon.words());
    }

    @Override
    public double logProb(String previous, String word) {
        if (word.equals(END)) {
            // the same for every history: the newspaper table's sentence ends, normalised by its own counts, would
            // otherwise favour words the table knows over words only the lexicon knows (干 over 饼干)
            return Math.log(END_PROBABILITY);
        }
        String history = previous.equals(START) ? Predefine.TAG_BIGIN : previous;
        String next = word.equals(END) ? Predefine.TAG_END : word;
        double unigram = unigram(word);
        int historyCount = previous.equals(START) ? CoreDictionary.getTermFrequency(Predefine.TAG_BIGIN)
                : CoreDictionary.getTermFrequency(history);
        if (historyCount <= 0) {
            return Math.max(logUniformFloor, Math.log(unigram));
        }
        int pair = CoreBiGramTableDictionary.getBiFrequency(history, next);
        double bigram = Math.min(1.0, pair / (double) historyCount);
        return Math.log(lambda * bigram + (1 - lambda) * unigram);
    }
}
