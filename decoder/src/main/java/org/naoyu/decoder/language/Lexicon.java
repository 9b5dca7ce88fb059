package org.naoyu.decoder.language;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Words with their toned pinyin and frequencies (decoder/scripts/build_lexicon.py builds the shipped one), indexed by
 * base syllables in a trie so that the decoder walks syllable by syllable to every word that fits.
 */
public final class Lexicon {
    static final String RESOURCE = "/org/naoyu/decoder/language/lexicon.tsv.gz";

    /** A trie node: the words whose bases end here, and the bases that continue. */
    public static final class Node {
        private final Map<String, Node> children = new HashMap<>(4);
        private final List<LexiconEntry> words = new ArrayList<>(1);
        private double[] readingLogProbs = new double[0];

        public Node child(String base) {
            return children.get(base);
        }

        public List<LexiconEntry> words() {
            return words;
        }

        /**
         * log P(this reading | its word) for {@code words().get(k)}: the reading's share of the word's frequency,
         * add-one smoothed over the word's readings (行: xing2 0.9, hang2 0.1; 谁: shui2 0.99, shei2 0.01).
         */
        public double readingLogProb(int k) {
            return readingLogProbs[k];
        }
    }

    private final Node root = new Node();
    private final Map<String, Long> wordFrequency = new HashMap<>();
    private final Map<String, List<LexiconEntry>> byWord = new HashMap<>();
    private long totalFrequency;
    private int longestWord;

    private Lexicon() {
    }

    /** The lexicon shipped with naoyu. */
    public static Lexicon shipped() {
        Lexicon lexicon = new Lexicon();
        TabFile.readShipped(RESOURCE, "lexicon", 3, lexicon::addRow);
        lexicon.finish(lexicon.root);
        return lexicon;
    }

    /** Reads {@code word<TAB>pinyin<TAB>frequency} lines ({@code #} starts a comment). */
    public static Lexicon read(InputStream in) throws IOException {
        Lexicon lexicon = new Lexicon();
        TabFile.read(in, "lexicon", 3, lexicon::addRow);
        lexicon.finish(lexicon.root);
        return lexicon;
    }

    private void addRow(String[] fields) {
        String[] syllables = fields[1].split(" ");
        List<Syllable> pinyin = new ArrayList<>(syllables.length);
        for (String s : syllables) {
            Syllable syllable = Syllable.parse(s);
            if (!syllable.toned()) {
                throw new IllegalArgumentException("syllable '" + s + "' has no tone");
            }
            pinyin.add(syllable);
        }
        long frequency = TabFile.number(fields, 2, "the frequency");
        if (frequency < 0) {
            throw new IllegalArgumentException("frequency must be >= 0, got " + frequency);
        }
        add(new LexiconEntry(fields[0], pinyin, frequency));
    }

    private void add(LexiconEntry entry) {
        Node node = root;
        for (Syllable syllable : entry.pinyin()) {
            node = node.children.computeIfAbsent(syllable.base(), k -> new Node());
        }
        node.words.add(entry);
        wordFrequency.merge(entry.word(), entry.frequency(), Long::sum);
        byWord.computeIfAbsent(entry.word(), k -> new ArrayList<>(1)).add(entry);
        totalFrequency += entry.frequency();
        longestWord = Math.max(longestWord, entry.pinyin().size());
    }

    /** Each node's reading probabilities, once every reading of every word is known. */
    private void finish(Node node) {
        node.readingLogProbs = new double[node.words.size()];
        for (int k = 0; k < node.words.size(); k++) {
            LexiconEntry entry = node.words.get(k);
            node.readingLogProbs[k] = Math.log((entry.frequency() + 1.0)
                    / (frequency(entry.word()) + byWord.get(entry.word()).size()));
        }
        node.children.values().forEach(this::finish);
    }

    public Node root() {
        return root;
    }

    /** Whether {@code base} is a syllable some character reads. */
    public boolean isBase(String base) {
        Node node = root.child(base);
        return node != null && !node.words().isEmpty();
    }

    /** The bases some character reads. */
    public Set<String> bases() {
        Set<String> bases = new java.util.TreeSet<>();
        root.children.forEach((base, node) -> {
            if (!node.words().isEmpty()) {
                bases.add(base);
            }
        });
        return bases;
    }

    /** A word's frequency over all its readings (0 when unknown). */
    public long frequency(String word) {
        return wordFrequency.getOrDefault(word, 0L);
    }

    public long totalFrequency() {
        return totalFrequency;
    }

    public int words() {
        return wordFrequency.size();
    }

    /** The most syllables a word has. */
    public int longestWord() {
        return longestWord;
    }

    /** The readings of a word, e.g. 行: xing2 and hang2 (empty when unknown). */
    public List<LexiconEntry> readings(String word) {
        return List.copyOf(byWord.getOrDefault(word, List.of()));
    }
}
