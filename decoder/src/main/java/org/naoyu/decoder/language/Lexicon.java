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
    /** Syllables already parsed while reading (a few thousand distinct among 300k): parsing normalises Unicode. */
    private final Map<String, Syllable> parsed = new HashMap<>();

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
            Syllable syllable = parsed.computeIfAbsent(s, Syllable::parse);
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

    /**
     * This lexicon and the words of {@code words} it lacks (a language model's vocabulary: 前几天, 兴业银行), each
     * read as the longest of this lexicon's words that spell it, left to right, in their commonest readings, with
     * frequency 0. Words with a character outside the CJK ideographs, of one character, of more than
     * {@link #MAX_WORD} characters, or that no words spell are left out. So the search can produce every word a model
     * has n-grams for, and the model's contexts match the words the search builds.
     */
    public Lexicon withWords(java.util.Collection<String> words) {
        Lexicon extended = new Lexicon();
        byWord.values().forEach(entries -> entries.forEach(extended::add));
        extended.addWords(words);
        extended.finish(extended.root);
        return extended;
    }

    /**
     * The shipped lexicon {@link #withWords with the words} that {@code words} supplies, built in one pass (no copy);
     * the supplier is asked once the shipped words are read, so that a caller can load a model meanwhile.
     */
    public static Lexicon shippedWith(java.util.function.Supplier<? extends java.util.Collection<String>> words) {
        Lexicon lexicon = new Lexicon();
        TabFile.readShipped(RESOURCE, "lexicon", 3, lexicon::addRow);
        lexicon.addWords(words.get());
        lexicon.finish(lexicon.root);
        return lexicon;
    }

    /** Adds the words this lexicon lacks, each spelled by the words it had before (not by each other). */
    private void addWords(java.util.Collection<String> words) {
        // spelling reads only the words this lexicon had, so the words are spelled in parallel (two models' 230k
        // words take about a second on one core), then added in the collection's order
        List<LexiconEntry> added = new ArrayList<>(words).parallelStream().map(this::spelledEntry)
                .filter(java.util.Objects::nonNull).toList();
        added.forEach(this::add);
    }

    /** {@code word} as a new entry spelled by this lexicon's words, or null when it is not one to add. */
    private LexiconEntry spelledEntry(String word) {
        int length = word.codePointCount(0, word.length());
        if (length < 2 || length > MAX_WORD || byWord.containsKey(word) || !allHan(word)) {
            return null;
        }
        List<Syllable> reading = spelledByWords(word);
        return reading == null ? null : new LexiconEntry(word, reading, 0);
    }

    /** Longest words in a lexicon entry, e.g. 兴业银行's longest is eight characters. */
    static final int MAX_WORD = 8;

    private static boolean allHan(String word) {
        return word.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** The pinyin of {@code word} from the longest known words spelling it (its own entry excluded), or null. */
    private List<Syllable> spelledByWords(String word) {
        List<Syllable> reading = new ArrayList<>();
        int at = 0;
        while (at < word.length()) {
            LexiconEntry part = null;
            for (int end = word.length(); end > at && part == null; end = word.offsetByCodePoints(end, -1)) {
                if (at == 0 && end == word.length()) {
                    continue;
                }
                part = commonest(word.substring(at, end));
            }
            if (part == null) {
                return null;
            }
            reading.addAll(part.pinyin());
            at += part.word().length();
        }
        return reading;
    }

    private LexiconEntry commonest(String word) {
        LexiconEntry best = null;
        for (LexiconEntry entry : byWord.getOrDefault(word, List.of())) {
            if (best == null || entry.frequency() > best.frequency()) {
                best = entry;
            }
        }
        return best;
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
