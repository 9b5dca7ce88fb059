package org.naoyu.decoder.language;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The open-gram word trigram that Debian's {@code sunpinyin-data} installs (CC-BY-SA 3.0; 71,759 words with unigrams,
 * 2.5 M bigrams, 1 M trigrams), read from its own files without sunpinyin's code: {@code lm_sc.t3g}, a "threaded"
 * back-off model, and the word table of {@code pydict_sc.bin}. Both are little-endian:
 * <ul>
 * <li>{@code lm_sc.t3g}: u32 order (3), u32 "log probabilities" flag (0: plain ones), u32 node counts per level
 * (each with a trailing sentinel), f32 probability table [65,536], f32 back-off table [16,384], then the levels.
 * Nodes of levels 0-2 are three u32 words: word id (bits 0-17) and back-off index (18-31); probability index (0-15)
 * and the low 16 bits of the first child (16-31); the back-off state (0-24, not needed here) and the child's high 7
 * bits (25-31). Leaves (level 3) are two: word id (0-17) and the probability index's low 14 bits (18-31); its high
 * 2 bits are bits 25-26 of the second. A node's children are the next level's entries from its first child to the
 * next node's, sorted by word id.</li>
 * <li>{@code pydict_sc.bin}: u32 word count, u32 trie nodes, u32 offset of the word table; the table holds the words
 * in id order as NUL-terminated UTF-32 strings. Id 0 is the sentence boundary (both {@code <s>} and {@code </s>}).</li>
 * </ul>
 * P(w | u v) is the trigram's when listed, else back-off(u v) · P(w | v), P(w | v) the bigram's, else back-off(v) ·
 * P(w): the same Katz back-off as {@link ArpaModel}. A word the model has no unigram for has no probability
 * ({@code -inf}), so that an {@link InterpolatedModel} gives it to the other model.
 */
public final class SunpinyinModel implements NGramModel {
    /** Where Debian's {@code sunpinyin-data} puts the files (amd64). */
    public static final Path DEBIAN_DIRECTORY = Path.of("/usr/lib/x86_64-linux-gnu/sunpinyin/data");

    private static final int PR_TABLE = 1 << 16;
    private static final int BOW_TABLE = 1 << 14;
    private static final int BOUNDARY = 0;

    private final Map<String, Integer> ids;
    private final float[] prTable;
    private final float[] bowTable;
    private final Level unigrams;
    private final Level bigrams;
    private final Level trigrams;
    private final int rootEnd;

    /** One level's entries: word ids, probability indices, back-off indices and first children (last two: nodes). */
    private record Level(int[] word, int[] pr, int[] bow, int[] firstChild) {
        /** The entry of {@code id} among {@code [from, to)}, or −1. */
        int find(int from, int to, int id) {
            return (int) SortedKeys.find(from, to, id, i -> word[(int) i]);
        }

        /** Node {@code i}'s children range end (the sentinel of the last level before the leaves may read 0). */
        int childEnd(int i) {
            return Math.max(firstChild[i], firstChild[i + 1]);
        }
    }

    /** Where the build puts the package's files in the jar (decoder/scripts/fetch_debian_model.sh), with COPYRIGHT. */
    static final String RESOURCE_DIRECTORY = "/org/naoyu/decoder/language/sunpinyin/";

    /** Reads the model of Debian's {@code sunpinyin-data} from {@link #DEBIAN_DIRECTORY}. */
    public static SunpinyinModel debian() throws IOException {
        return read(DEBIAN_DIRECTORY.resolve("lm_sc.t3g"), DEBIAN_DIRECTORY.resolve("pydict_sc.bin"));
    }

    /**
     * The model the build put into the jar, else the one Debian's {@code sunpinyin-data} installed, else empty (a
     * build on a machine that could neither find nor download the package).
     */
    public static java.util.Optional<SunpinyinModel> available() throws IOException {
        if (!present()) {
            return java.util.Optional.empty();
        }
        try (java.io.InputStream model = SunpinyinModel.class.getResourceAsStream(RESOURCE_DIRECTORY + "lm_sc.t3g");
                java.io.InputStream words = SunpinyinModel.class.getResourceAsStream(RESOURCE_DIRECTORY
                        + "pydict_sc.bin")) {
            if (model != null && words != null) {
                return java.util.Optional.of(new SunpinyinModel(model.readAllBytes(), "the jar's lm_sc.t3g",
                        words.readAllBytes(), "the jar's pydict_sc.bin"));
            }
        }
        if (Files.isRegularFile(DEBIAN_DIRECTORY.resolve("lm_sc.t3g"))) {
            return java.util.Optional.of(debian());
        }
        return java.util.Optional.empty();
    }

    /** Whether {@link #available} finds a model, without reading it (the jar's, or Debian's). */
    public static boolean present() {
        return SunpinyinModel.class.getResource(RESOURCE_DIRECTORY + "lm_sc.t3g") != null
                && SunpinyinModel.class.getResource(RESOURCE_DIRECTORY + "pydict_sc.bin") != null
                || Files.isRegularFile(DEBIAN_DIRECTORY.resolve("lm_sc.t3g"));
    }

    /**
     * @throws IOException naming the file and what in it is not as described above (a wrong order, counts that do
     *                     not fit the file's size, a child outside its level, a word table that does not end)
     */
    public static SunpinyinModel read(Path model, Path dictionary) throws IOException {
        return new SunpinyinModel(Files.readAllBytes(model), model.toString(), Files.readAllBytes(dictionary),
                dictionary.toString());
    }

    private SunpinyinModel(byte[] model, String name, byte[] dictionary, String dictionaryName) throws IOException {
        String[] words = words(dictionary, dictionaryName);
        ByteBuffer in = ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN);
        if (in.remaining() < 24 || in.getInt(0) != 3) {
            throw new IOException(name + ": not a sunpinyin trigram (lm_sc.t3g starts with the order 3)");
        }
        if (in.getInt(4) != 0) {
            throw new IOException(name + ": holds log probabilities; only the plain-probability form Debian ships "
                    + "is read");
        }
        long[] sizes = new long[4];
        for (int l = 0; l < 4; l++) {
            sizes[l] = Integer.toUnsignedLong(in.getInt(8 + 4 * l));
        }
        long expected = 24L + 4L * (PR_TABLE + BOW_TABLE) + 12L * (sizes[0] + sizes[1] + sizes[2]) + 8L * sizes[3];
        if (sizes[0] != 2 || expected != in.capacity()) {
            throw new IOException(name + ": " + in.capacity() + " bytes, but its level counts " + java.util.Arrays
                    .toString(sizes) + " make " + expected);
        }
        in.position(24);
        prTable = new float[PR_TABLE];
        in.asFloatBuffer().get(prTable);
        in.position(24 + 4 * PR_TABLE);
        bowTable = new float[BOW_TABLE];
        in.asFloatBuffer().get(bowTable);
        in.position(24 + 4 * (PR_TABLE + BOW_TABLE));
        Level root = nodes(in, (int) sizes[0]);
        unigrams = nodes(in, (int) sizes[1]);
        bigrams = nodes(in, (int) sizes[2]);
        trigrams = leaves(in, (int) sizes[3]);
        rootEnd = root.childEnd(0);
        check(name, root, unigrams.word.length);
        check(name, unigrams, bigrams.word.length);
        check(name, bigrams, trigrams.word.length);
        ids = new HashMap<>(words.length * 2);
        for (int i = 0; i < rootEnd; i++) {
            int id = unigrams.word[i];
            if (id >= words.length) {
                throw new IOException(name + ": word id " + id + " is beyond the dictionary's " + words.length);
            }
            if (id != BOUNDARY && !words[id].isEmpty()) {
                ids.put(words[id], id);
            }
        }
        ids.put(START, BOUNDARY);
        ids.put(END, BOUNDARY);
    }

    private static Level nodes(ByteBuffer in, int count) {
        int[] word = new int[count];
        int[] pr = new int[count];
        int[] bow = new int[count];
        int[] child = new int[count];
        for (int i = 0; i < count; i++) {
            int w0 = in.getInt();
            int w1 = in.getInt();
            int w2 = in.getInt();
            word[i] = w0 & 0x3FFFF;
            bow[i] = w0 >>> 18;
            pr[i] = w1 & 0xFFFF;
            child[i] = ((w2 >>> 25) << 16) | (w1 >>> 16);
        }
        return new Level(word, pr, bow, child);
    }

    private static Level leaves(ByteBuffer in, int count) {
        int[] word = new int[count];
        int[] pr = new int[count];
        for (int i = 0; i < count; i++) {
            int w0 = in.getInt();
            int w1 = in.getInt();
            word[i] = w0 & 0x3FFFF;
            pr[i] = (((w1 >>> 25) & 3) << 14) | (w0 >>> 18);
        }
        return new Level(word, pr, null, null);
    }

    /** Every node's children lie inside the next level (its sentinel excluded). */
    private static void check(String name, Level level, int next) throws IOException {
        for (int i = 0; i + 1 < level.firstChild.length; i++) {
            int from = level.firstChild[i];
            int to = level.childEnd(i);
            if (from < 0 || to > next - 1) {
                throw new IOException(name + ": node " + i + " has children " + from + "-" + to + " beyond the next "
                        + "level's " + (next - 1));
            }
        }
    }

    /** The word table of {@code pydict_sc.bin}: the words in id order. */
    private static String[] words(byte[] bytes, String dictionary) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (in.capacity() < 12) {
            throw new IOException(dictionary + ": too short for a sunpinyin dictionary header");
        }
        int count = in.getInt(0);
        int offset = in.getInt(8);
        if (count < 1 || offset < 12 || offset > in.capacity() || (in.capacity() - offset) % 4 != 0) {
            throw new IOException(dictionary + ": its header (" + count + " words from byte " + offset + ") does not "
                    + "fit its " + in.capacity() + " bytes");
        }
        String[] words = new String[count];
        StringBuilder word = new StringBuilder();
        int id = 0;
        for (int at = offset; at < in.capacity(); at += 4) {
            int codePoint = in.getInt(at);
            if (codePoint != 0) {
                if (!Character.isValidCodePoint(codePoint)) {
                    throw new IOException(dictionary + ": byte " + at + " is not a character (" + codePoint + ")");
                }
                word.appendCodePoint(codePoint);
                continue;
            }
            if (id == count) {
                throw new IOException(dictionary + ": more words than its header's " + count);
            }
            words[id++] = word.toString();
            word.setLength(0);
        }
        if (id != count || word.length() > 0) {
            throw new IOException(dictionary + ": " + id + " words end in its table, the header says " + count);
        }
        return words;
    }

    /** The words the model has a unigram for, {@code <s>} and {@code </s>} included. */
    @Override
    public Set<String> vocabulary() {
        return java.util.Collections.unmodifiableSet(ids.keySet());
    }

    @Override
    public double logProb(String beforePrevious, String previous, String word) {
        Integer w = ids.get(word);
        if (w == null) {
            return Double.NEGATIVE_INFINITY;
        }
        int v = unigram(previous);
        int u = v < 0 ? -1 : unigram(beforePrevious);
        double backoff = 1;
        if (u >= 0) {
            int uv = bigrams.find(unigrams.firstChild[u], unigrams.childEnd(u), unigrams.word[v]);
            if (uv >= 0) {
                int uvw = trigrams.find(bigrams.firstChild[uv], bigrams.childEnd(uv), w);
                if (uvw >= 0) {
                    return clamp(prTable[trigrams.pr[uvw]]);
                }
                backoff = bowTable[bigrams.bow[uv]];
            }
        }
        if (v >= 0) {
            int vw = bigrams.find(unigrams.firstChild[v], unigrams.childEnd(v), w);
            if (vw >= 0) {
                return clamp(backoff * prTable[bigrams.pr[vw]]);
            }
            backoff *= bowTable[unigrams.bow[v]];
        }
        int only = unigrams.find(0, rootEnd, w);
        return clamp(backoff * prTable[unigrams.pr[only]]);
    }

    /** The unigram entry of a history word, or −1 (no history: the search's null, or a word the model lacks). */
    private int unigram(String word) {
        if (word == null) {
            return -1;
        }
        Integer id = ids.get(word);
        return id == null ? -1 : unigrams.find(0, rootEnd, id);
    }

    private static double clamp(double probability) {
        return Math.min(0, Math.log(probability));
    }
}
