package org.naoyu.decoder.language;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * A general model adapted to the speller's domain with the word pairs of naoyu's task corpus (everyday
 * patient-communication sentences; decoder/scripts/build_corpus_bigrams.py, never the held-out sentences), by nested
 * Dirichlet (MAP) smoothing: the domain's pair counts, backed off to its word counts, backed off to the general model.
 *
 * <pre>P(w | v) = (c(v, w) + β · Q(w | v)) / (c(v) + β),   Q(w | v) = (c(w) + γ · P_general(w | v)) / (N + γ)</pre>
 *
 * where c counts the corpus and N is its number of words. With β = 2 a pair seen once in the corpus counts about as
 * much as everything the general model says after that history; γ = N gives the corpus's word frequencies and the
 * general model equal say. Both were set before any evaluation, not fitted.
 */
public final class AdaptedModel implements LanguageModel {
    static final String RESOURCE = "/org/naoyu/decoder/language/corpus-bigrams.tsv.gz";
    private static final double BETA = 2;

    private final LanguageModel general;
    private final Map<String, Map<String, Integer>> pairs = new HashMap<>();
    private final Map<String, Integer> historyCounts = new HashMap<>();
    private final Map<String, Integer> wordCounts = new HashMap<>();
    private double gamma;
    private int words;

    /** The general model adapted with the shipped corpus counts. */
    public static AdaptedModel shipped(LanguageModel general) {
        AdaptedModel model = new AdaptedModel(general);
        TabFile.readShipped(RESOURCE, "corpus counts", 3, model::addRow);
        return model.finish();
    }

    /** Reads {@code previous<TAB>word<TAB>count} lines. */
    public static AdaptedModel read(LanguageModel general, InputStream counts) throws IOException {
        AdaptedModel model = new AdaptedModel(general);
        TabFile.read(counts, "corpus counts", 3, model::addRow);
        return model.finish();
    }

    private AdaptedModel(LanguageModel general) {
        this.general = general;
    }

    private void addRow(String[] fields) {
        long number = TabFile.number(fields, 2, "the count");
        if (number < 1 || number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a count must be in [1, " + Integer.MAX_VALUE + "], got " + number);
        }
        int count = (int) number;
        if (fields[1].equals(END)) {
            return; // sentence ends belong to the general model (see logProb): P(· | v) spreads over words
        }
        pairs.computeIfAbsent(fields[0], k -> new HashMap<>()).merge(fields[1], count, Integer::sum);
        historyCounts.merge(fields[0], count, Integer::sum);
        wordCounts.merge(fields[1], count, Integer::sum);
        words += count;
    }

    private AdaptedModel finish() {
        gamma = Math.max(1, words);
        return this;
    }

    @Override
    public double logProb(String previous, String word) {
        return logProb(null, previous, word);
    }

    /** As above, the general model asked with both words of history (the corpus adds pairs only). */
    @Override
    public double logProb(String beforePrevious, String previous, String word) {
        if (word.equals(END)) {
            // the corpus's sentence ends would favour some last words
            return general.logProb(beforePrevious, previous, END);
        }
        double generalProb = Math.exp(general.logProb(beforePrevious, previous, word));
        double backoff = (wordCounts.getOrDefault(word, 0) + gamma * generalProb) / (words + gamma);
        Map<String, Integer> after = pairs.get(previous);
        if (after == null) {
            return Math.log(backoff);
        }
        return Math.log((after.getOrDefault(word, 0) + BETA * backoff) / (historyCounts.get(previous) + BETA));
    }
}
