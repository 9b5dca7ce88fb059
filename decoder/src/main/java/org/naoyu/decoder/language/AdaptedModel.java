package org.naoyu.decoder.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

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
    private final double gamma;
    private final int words;

    /** The general model adapted with the shipped corpus counts. */
    public static AdaptedModel shipped(LanguageModel general) {
        try (InputStream in = AdaptedModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the corpus counts " + RESOURCE + " are missing from the build");
            }
            return new AdaptedModel(general, new GZIPInputStream(in));
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + " is unreadable: " + e.getMessage(), e);
        }
    }

    /** Reads {@code previous<TAB>word<TAB>count} lines. */
    public AdaptedModel(LanguageModel general, InputStream counts) throws IOException {
        this.general = general;
        BufferedReader reader = new BufferedReader(new InputStreamReader(counts, StandardCharsets.UTF_8));
        int total = 0;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            String[] fields = line.split("\t");
            int count;
            try {
                count = fields.length == 3 ? Integer.parseInt(fields[2]) : -1;
            } catch (NumberFormatException e) {
                count = -1;
            }
            if (count < 1) {
                throw new IOException("corpus counts line " + lineNumber + ": expected previous, word and a count >= 1 "
                        + "separated by tabs, got '" + line + "'");
            }
            if (fields[1].equals(END)) {
                continue; // sentence ends belong to the general model (see logProb): P(· | v) spreads over words
            }
            pairs.computeIfAbsent(fields[0], k -> new HashMap<>()).merge(fields[1], count, Integer::sum);
            historyCounts.merge(fields[0], count, Integer::sum);
            wordCounts.merge(fields[1], count, Integer::sum);
            total += count;
        }
        this.words = total;
        this.gamma = Math.max(1, total);
    }

    @Override
    public double logProb(String previous, String word) {
        if (word.equals(END)) {
            return general.logProb(previous, END); // the corpus's sentence ends would favour some last words
        }
        double generalProb = Math.exp(general.logProb(previous, word));
        double backoff = (wordCounts.getOrDefault(word, 0) + gamma * generalProb) / (words + gamma);
        Map<String, Integer> after = pairs.get(previous);
        if (after == null) {
            return Math.log(backoff);
        }
        return Math.log((after.getOrDefault(word, 0) + BETA * backoff) / (historyCounts.get(previous) + BETA));
    }
}
