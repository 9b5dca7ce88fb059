package org.naoyu.decoder.language;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A back-off n-gram model of order 1 to 3 read from the ARPA text format that SRILM, KenLM, IRSTLM and the sunpinyin
 * and libime tools write: log10 probabilities, back-off weights, {@code <s>} and {@code </s>} at a sentence's ends.
 * P(w | u v) is the trigram's when listed, else back-off(u v) · P(w | v); P(w | v) the bigram's, else back-off(v) ·
 * P(w) (Katz's scheme, as the format defines it). A word outside the vocabulary is {@code <unk>}, in the history too
 * (as KenLM reads it); without {@code <unk>} such a word has no probability ({@code -inf}, so that an interpolation
 * gives it to the other model) and as history cuts the context there.
 *
 * <p>Words are numbered and n-grams kept in primitive hash tables (a key of two or three 21-bit word numbers), so a
 * model of millions of n-grams costs tens of bytes each rather than a String map's hundreds.
 */
public final class ArpaModel implements NGramModel {
    private static final int MAX_WORDS = 1 << 21;
    private static final double LN10 = Math.log(10);

    private final Map<String, Integer> ids = new HashMap<>();
    private float[] unigram = new float[1024];
    private float[] unigramBackoff = new float[1024];
    private final LongFloatTable bigrams;
    private final LongFloatTable bigramBackoffs;
    private final LongFloatTable trigrams;
    private final int order;
    private Integer unknown;

    private ArpaModel(long[] counts) {
        order = counts.length - 1;
        bigrams = new LongFloatTable(order >= 2 ? counts[2] : 0);
        bigramBackoffs = new LongFloatTable(order >= 3 ? counts[2] : 0);
        trigrams = new LongFloatTable(order >= 3 ? counts[3] : 0);
    }

    /** Reads {@code file}, gzip'd when its name ends in {@code .gz}. */
    public static ArpaModel read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16)
                        : raw) {
            return read(in, file.toString());
        }
    }

    /**
     * @param name what to call the input in messages
     * @throws IOException naming the line for anything that is not ARPA: a missing header, a count that does not
     *                     match, an n-gram of the wrong order, a number that is not one, an order above 3
     */
    public static ArpaModel read(InputStream in, String name) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        ArpaReader parser = new ArpaReader(reader, name);
        long[] counts = parser.header();
        if (counts.length - 1 > 3) {
            throw new IOException(name + ": an order-" + (counts.length - 1) + " model; this reader takes 1 to 3");
        }
        ArpaModel model = new ArpaModel(counts);
        for (int n = 1; n < counts.length; n++) {
            parser.section(n, counts[n], model::add);
        }
        parser.end();
        model.unknown = model.ids.get("<unk>");
        return model;
    }

    /** The highest order the file has. */
    public int order() {
        return order;
    }

    /** Words in the vocabulary. */
    public int words() {
        return ids.size();
    }

    /** The vocabulary, {@code <s>}, {@code </s>} and {@code <unk>} included. */
    @Override
    public java.util.Set<String> vocabulary() {
        return java.util.Collections.unmodifiableSet(ids.keySet());
    }

    private void add(int n, String[] words, double logProb, double backoff) {
        int[] w = new int[n];
        for (int k = 0; k < n; k++) {
            w[k] = n == 1 ? newId(words[k]) : idOrFail(words[k]);
        }
        switch (n) {
            case 1 -> {
                unigram[w[0]] = (float) logProb;
                unigramBackoff[w[0]] = (float) backoff;
            }
            case 2 -> {
                bigrams.put(key(w[0], w[1]), (float) logProb);
                if (backoff != 0) {
                    bigramBackoffs.put(key(w[0], w[1]), (float) backoff);
                }
            }
            default -> trigrams.put(key(w[0], w[1], w[2]), (float) logProb);
        }
    }

    private int newId(String word) {
        if (ids.containsKey(word)) {
            throw new IllegalArgumentException("the unigram '" + word + "' is listed twice");
        }
        int id = ids.size();
        if (id >= MAX_WORDS) {
            throw new IllegalArgumentException("more than " + MAX_WORDS + " words");
        }
        ids.put(word, id);
        if (id >= unigram.length) {
            unigram = java.util.Arrays.copyOf(unigram, unigram.length * 2);
            unigramBackoff = java.util.Arrays.copyOf(unigramBackoff, unigramBackoff.length * 2);
        }
        return id;
    }

    private int idOrFail(String word) {
        Integer id = ids.get(word);
        if (id == null) {
            throw new IllegalArgumentException("'" + word + "' is not among the unigrams");
        }
        return id;
    }

    @Override
    public double logProb(String beforePrevious, String previous, String word) {
        Integer w = id(word);
        if (w == null) {
            return Double.NEGATIVE_INFINITY;
        }
        Integer v = previous == null ? null : id(previous);
        Integer u = beforePrevious == null || v == null ? null : id(beforePrevious);
        double log10;
        float trigram = u != null && order >= 3 ? trigrams.get(key(u, v, w)) : Float.NaN;
        if (v == null || order < 2) {
            log10 = unigram[w];
        } else if (!Float.isNaN(trigram)) {
            log10 = trigram;
        } else {
            double backoff = u != null && order >= 3 ? bigramBackoffs.getOrZero(key(u, v)) : 0;
            float bigram = bigrams.get(key(v, w));
            log10 = backoff + (Float.isNaN(bigram) ? unigramBackoff[v] + unigram[w] : bigram);
        }
        return Math.min(0, log10 * LN10);
    }

    /** A word's number: {@code <unk>}'s when the vocabulary lacks it, null when there is no {@code <unk>} either. */
    private Integer id(String word) {
        Integer id = ids.get(word);
        return id != null ? id : unknown;
    }

    private static long key(int a, int b) {
        return ((long) a << 21) | b;
    }

    private static long key(int a, int b, int c) {
        return ((long) a << 42) | ((long) b << 21) | c;
    }
}
