package org.naoyu.decoder.language;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A back-off n-gram model in KenLM's binary trie format (format version 5, as KenLM's {@code build_binary trie} and
 * libime's {@code libime_slm_build_binary} write it), read without KenLM's code. This is the form of fcitx's
 * libime model for simplified Chinese, {@code zh_CN.lm} in Debian's {@code libime-data-language-model} (LGPL-2.1+; a
 * word trigram over 164,887 words, 2.0 M bigrams, 0.6 M trigrams, probabilities and back-offs quantised to 8 bits).
 *
 * <p>The file, little-endian: an 88-byte sanity header (magic text, test values), the order, model type (2 trie, 3
 * quantised, 4 with array-compressed pointers, 5 both) and whether the words are stored, the n-gram counts; then,
 * 8-byte aligned, the vocabulary's sorted word hashes, the quantisation tables (types 3 and 5: a prob and a back-off
 * table per middle order, a prob table for the longest), the unigrams (float prob, float back-off, u64 first child;
 * one extra entry ends the last range), each middle order's bit-packed entries (word index, back-off and prob, the
 * low bits of the first child, whose high bits an array of the Bhiksha–Whittaker scheme holds in types 4 and 5), the
 * longest order's (word index, prob), and the words themselves, NUL-terminated in index order from {@code <unk>}.
 * The trie is keyed backwards: a unigram's children are the words <em>before</em> it, so P(w | u v) is found by
 * w, then v among w's children, then u among those. Probabilities are log10; a context that was not seen contributes
 * its back-off as in {@link ArpaModel}. A word the file lacks has no probability ({@code -inf}), so that an
 * {@link InterpolatedModel} gives it to the other model.
 */
public final class KenLmModel implements NGramModel {
    /** Where Debian's {@code libime-data-language-model} puts libime's model (amd64). */
    public static final Path DEBIAN_FILE = Path.of("/usr/lib/x86_64-linux-gnu/libime/zh_CN.lm");
    /** Where the build puts it in the jar (decoder/scripts/fetch_debian_model.sh), with COPYRIGHT. */
    static final String RESOURCE_DIRECTORY = "/org/naoyu/decoder/language/libime/";

    private static final byte[] MAGIC = "mmap lm http://kheafield.com/code format version 5\n\0"
            .getBytes(StandardCharsets.US_ASCII);
    private static final int SANITY_BYTES = 88;
    private static final int PARAMETER_BYTES = 20;
    private static final double LN10 = Math.log(10);
    private static final String[] MODEL_TYPES = {"probing hash tables", "probing hash tables with rest costs",
        "trie", "quantised trie", "trie with array-compressed pointers",
        "quantised trie with array-compressed pointers"};

    private final ByteBuffer data;
    private final Map<String, Integer> ids;
    private final int order;
    private final int unigrams;
    private final long unigramStart;
    private final Packed[] middles;
    private final Packed longest;

    /** Reads the model the build put into the jar, else Debian's, else empty. */
    public static Optional<KenLmModel> available() throws IOException {
        try (InputStream in = KenLmModel.class.getResourceAsStream(RESOURCE_DIRECTORY + "zh_CN.lm")) {
            if (in != null) {
                return Optional.of(new KenLmModel(in.readAllBytes(), "the jar's zh_CN.lm"));
            }
        }
        return Files.isRegularFile(DEBIAN_FILE) ? Optional.of(read(DEBIAN_FILE)) : Optional.empty();
    }

    /** Whether {@link #available} finds a model, without reading it. */
    public static boolean present() {
        return KenLmModel.class.getResource(RESOURCE_DIRECTORY + "zh_CN.lm") != null
                || Files.isRegularFile(DEBIAN_FILE);
    }

    /**
     * @throws IOException naming the file and what in it does not fit: not KenLM's binary format, a hash-table or
     *                     other unsupported layout (with how to convert it), no stored words, or sizes that do not
     *                     add up to the file's
     */
    public static KenLmModel read(Path file) throws IOException {
        return new KenLmModel(Files.readAllBytes(file), file.toString());
    }

    /** Whether a file starts like a KenLM binary model (what {@code --lm} uses to tell it from ARPA text). */
    public static boolean looksLike(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(MAGIC.length);
            return java.util.Arrays.equals(head, MAGIC);
        }
    }

    private KenLmModel(byte[] bytes, String name) throws IOException {
        data = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < SANITY_BYTES + PARAMETER_BYTES
                || !java.util.Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException(name + ": not a KenLM binary model (format version 5); ARPA text is read by "
                    + "--lm FILE.arpa");
        }
        if (data.getFloat(56) != 0f || data.getFloat(60) != 1f || data.getFloat(64) != -0.5f
                || data.getLong(80) != 1L) {
            throw new IOException(name + ": its sanity values are not little-endian 0, 1, -0.5 (built on another "
                    + "architecture?)");
        }
        order = bytes[SANITY_BYTES] & 0xFF;
        int type = data.getInt(SANITY_BYTES + 8);
        boolean hasWords = bytes[SANITY_BYTES + 12] != 0;
        if (order < 2 || order > 6) {
            throw new IOException(name + ": order " + order + ", expected 2 to 6");
        }
        if (type < 2 || type > 5) {
            String what = type >= 0 && type < 2 ? MODEL_TYPES[type] : "model type " + type;
            throw new IOException(name + ": KenLM " + what + " are not read; rebuild it as a trie (build_binary "
                    + "trie MODEL.arpa OUT) or give the ARPA file");
        }
        if (!hasWords) {
            throw new IOException(name + ": built without its words (build_binary -v); rebuild it without -v");
        }
        boolean quantised = type == 3 || type == 5;
        boolean bhiksha = type == 4 || type == 5;
        long[] counts = new long[order];
        int at = SANITY_BYTES + PARAMETER_BYTES;
        need(name, at + 8L * order, "n-gram counts");
        for (int i = 0; i < order; i++, at += 8) {
            counts[i] = data.getLong(at);
            if (counts[i] < 1 || counts[i] > Integer.MAX_VALUE) {
                throw new IOException(name + ": " + (i + 1) + "-gram count " + counts[i] + " is out of range");
            }
        }
        unigrams = (int) counts[0];
        long offset = align8(at);
        offset += 8 + 8 * counts[0]; // the sorted word hashes: words are looked up by their stored text instead
        int probBits = 0;
        int backoffBits = 0;
        long quantStart = offset;
        if (quantised) {
            need(name, offset + 8, "quantisation header");
            if (bytes[(int) offset] != 2) {
                throw new IOException(name + ": quantisation version " + bytes[(int) offset] + ", expected 2");
            }
            probBits = bytes[(int) offset + 1];
            backoffBits = bytes[(int) offset + 2];
            if (probBits < 1 || probBits > 25 || backoffBits < 1 || backoffBits > 25) {
                throw new IOException(name + ": quantisation bits " + probBits + "/" + backoffBits
                        + " are outside 1-25");
            }
            offset += (long) (order - 2) * ((1L << probBits) + (1L << backoffBits)) * 4 + (1L << probBits) * 4 + 8;
        }
        long unigramStart = offset;
        offset += (counts[0] + 2) * 16;
        int wordBits = requiredBits(counts[0]);
        middles = new Packed[order - 2];
        for (int m = 0; m < order - 2; m++) {
            long entries = counts[m + 1];
            long maxNext = counts[m + 2];
            int required = requiredBits(maxNext);
            int inline = required;
            long[] array = null;
            if (bhiksha) {
                need(name, offset + 2, "pointer compression header");
                if (bytes[(int) offset] != 0) {
                    throw new IOException(name + ": pointer compression version " + bytes[(int) offset]
                            + ", expected 0");
                }
                int chop = chopBits(entries + 1, maxNext, bytes[(int) offset + 1] & 0xFF);
                inline = required - chop;
                int arrayCount = (int) ((maxNext >>> inline) + 1);
                long arrayStart = align8(offset) + 8;
                need(name, arrayStart + 8L * arrayCount, "pointer array of the " + (m + 2) + "-grams");
                array = new long[arrayCount];
                for (int k = 0; k < arrayCount; k++) {
                    array[k] = data.getLong((int) (arrayStart + 8L * k));
                }
                offset += 8L * (1 + arrayCount) + 7;
            }
            int payload = quantised ? probBits + backoffBits : 63;
            Tables tables = quantised ? tables(quantStart, m, probBits, backoffBits) : null;
            middles[m] = new Packed(offset, wordBits, payload, inline, array, tables, probBits, backoffBits);
            offset += packedBytes(entries, wordBits + payload + inline);
            need(name, offset, (m + 2) + "-grams");
            // KenLM ends each middle order with one more child pointer: the next order's count
            long end = middles[m].next(entries);
            if (end != maxNext) {
                throw new IOException(name + ": the " + (m + 2) + "-grams' last child pointer is " + end + ", the "
                        + (m + 3) + "-gram count " + maxNext + " (a layout this reader does not know?)");
            }
        }
        int longestPayload = quantised ? probBits : 31;
        longest = new Packed(offset, wordBits, longestPayload, 0, null,
                quantised ? tables(quantStart, order - 2, probBits, backoffBits) : null, probBits, 0);
        offset += packedBytes(counts[order - 1], wordBits + longestPayload);
        need(name, offset + 6, "words");
        if (!new String(bytes, (int) offset, 6, StandardCharsets.US_ASCII).equals("<unk>\0")) {
            throw new IOException(name + ": its structures end at byte " + offset + ", where the words (<unk> "
                    + "first) should begin but do not (a KenLM version whose layout differs?)");
        }
        this.unigramStart = unigramStart;
        ids = words(bytes, (int) offset, name);
    }

    /** The stored words in index order from {@code <unk>} (index 0, left out: it has no text of its own). */
    private Map<String, Integer> words(byte[] bytes, int from, String name) throws IOException {
        Map<String, Integer> map = new HashMap<>(unigrams * 2);
        int index = 0;
        int start = from;
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                continue;
            }
            if (index > 0) {
                map.put(new String(bytes, start, i - start, StandardCharsets.UTF_8), index);
            }
            index++;
            start = i + 1;
        }
        if (index != unigrams || start != bytes.length) {
            throw new IOException(name + ": " + index + " words stored, the header counts " + unigrams
                    + " unigrams");
        }
        return map;
    }

    /** A middle order's quantisation tables (the longest order's, {@code level == order - 2}, has no back-off). */
    private Tables tables(long quantStart, int level, int probBits, int backoffBits) {
        long at = quantStart + 8 + (long) level * ((1L << probBits) + (1L << backoffBits)) * 4;
        float[] prob = floats(at, 1 << probBits);
        float[] backoff = level < order - 2 ? floats(at + (1L << probBits) * 4, 1 << backoffBits) : null;
        return new Tables(prob, backoff);
    }

    private float[] floats(long at, int count) {
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = data.getFloat((int) (at + 4L * i));
        }
        return out;
    }

    private record Tables(float[] prob, float[] backoff) {
    }

    /** One bit-packed order: entries of word index, payload (back-off then prob) and, for middles, child pointer. */
    private final class Packed {
        final long base;
        final int wordBits;
        final long wordMask;
        final int totalBits;
        final int payloadBits;
        final int nextBits;
        final long nextMask;
        final long[] array;
        final Tables tables;
        final int probBits;
        final int backoffBits;

        Packed(long base, int wordBits, int payloadBits, int nextBits, long[] array, Tables tables, int probBits,
                int backoffBits) {
            this.base = base;
            this.wordBits = wordBits;
            this.wordMask = mask(wordBits);
            this.payloadBits = payloadBits;
            this.nextBits = nextBits;
            this.nextMask = mask(nextBits);
            this.totalBits = wordBits + payloadBits + nextBits;
            this.array = array;
            this.tables = tables;
            this.probBits = probBits;
            this.backoffBits = backoffBits;
        }

        /** The entry for {@code word} in {@code [begin, end)} (sorted by word index), or −1. */
        long find(long begin, long end, int word) {
            return SortedKeys.find(begin, end, word, i -> bits(base, i * totalBits, wordMask));
        }

        /** log10 P of entry {@code i}. */
        float prob(long i) {
            long at = i * totalBits + wordBits;
            if (tables == null) { // 31 bits of a non-positive float, the sign implied
                return Float.intBitsToFloat((int) bits(base, at, mask(31)) | 0x80000000);
            }
            // after the back-off in a middle order; the longest order has none (backoffBits 0)
            return tables.prob()[(int) bits(base, at + backoffBits, mask(probBits))];
        }

        /** log10 back-off of middle entry {@code i}. */
        float backoff(long i) {
            long at = i * totalBits + wordBits;
            if (tables == null) {
                return Float.intBitsToFloat((int) bits(base, at + 31, mask(32)));
            }
            return tables.backoff()[(int) bits(base, at, mask(backoffBits))];
        }

        /** The first child of middle entry {@code i} (entry {@code i + 1}'s ends its children). */
        long next(long i) {
            long low = bits(base, i * totalBits + wordBits + payloadBits, nextMask);
            if (array == null) {
                return low;
            }
            // the high bits: the last array slot whose first entry is at or before i
            int lo = 0;
            int hi = array.length - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (array[mid] <= i) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return ((long) lo << nextBits) | low;
        }
    }

    private long bits(long base, long bitOffset, long mask) {
        long word = data.getLong((int) (base + (bitOffset >>> 3)));
        return (word >>> (bitOffset & 7)) & mask;
    }

    private float unigramProb(int word) {
        return data.getFloat((int) (unigramStart + 16L * word));
    }

    private float unigramBackoff(int word) {
        return data.getFloat((int) (unigramStart + 16L * word + 4));
    }

    private long unigramNext(int word) {
        return data.getLong((int) (unigramStart + 16L * word + 8));
    }

    /** The words the model has probabilities for, {@code <s>} and {@code </s>} included, {@code <unk>} not. */
    @Override
    public Set<String> vocabulary() {
        return Collections.unmodifiableSet(ids.keySet());
    }

    @Override
    public double logProb(String beforePrevious, String previous, String word) {
        Integer w = ids.get(word);
        if (w == null) {
            return Double.NEGATIVE_INFINITY;
        }
        // the history, most recent first, up to the first word the model lacks (KenLM forgets history there too);
        // two ints rather than an array: the search asks this hundreds of thousands of times a sentence
        Integer v = previous == null ? null : ids.get(previous);
        Integer u = v == null || beforePrevious == null || order < 3 ? null : ids.get(beforePrevious);
        int known = v == null ? 0 : u == null ? 1 : 2;
        double log10 = unigramProb(w);
        long begin = unigramNext(w);
        long end = unigramNext(w + 1);
        int matched = 0;
        while (matched < known) {
            Packed level = matched < middles.length ? middles[matched] : longest;
            long entry = level.find(begin, end, matched == 0 ? v : u);
            if (entry < 0) {
                break;
            }
            log10 = level.prob(entry);
            matched++;
            if (level != longest) {
                begin = level.next(entry);
                end = level.next(entry + 1);
            }
        }
        if (matched < known) {
            log10 += contextBackoff(v, u, matched, known);
        }
        return Math.min(0, log10 * LN10);
    }

    /**
     * The back-offs of the context n-grams longer than the {@code matched} words the found n-gram used: (v) and
     * (u v), found from v's unigram backwards; a context the model lacks has none, nor do longer ones.
     */
    private double contextBackoff(int v, Integer u, int matched, int known) {
        double sum = matched == 0 ? unigramBackoff(v) : 0;
        if (known == 2) {
            long entry = middles[0].find(unigramNext(v), unigramNext(v + 1), u);
            if (entry >= 0) {
                sum += middles[0].backoff(entry);
            }
        }
        return sum;
    }

    /** Bits needed to hold {@code max} (KenLM's RequiredBits). */
    static int requiredBits(long max) {
        return max == 0 ? 0 : 64 - Long.numberOfLeadingZeros(max);
    }

    /** How many high bits of the child pointers the array holds: KenLM picks the count that saves most space. */
    static int chopBits(long maxOffset, long maxNext, int configured) {
        int required = requiredBits(maxNext);
        int best = 0;
        long lowest = Long.MAX_VALUE;
        for (int chop = 0; chop <= Math.min(required, configured); chop++) {
            long change = (maxNext >>> (required - chop)) * 64 - maxOffset * chop;
            if (change < lowest) {
                lowest = change;
                best = chop;
            }
        }
        return best;
    }

    private static long packedBytes(long entries, int totalBits) {
        return ((1 + entries) * totalBits + 7) / 8 + 8;
    }

    private static long align8(long offset) {
        return (offset + 7) & ~7L;
    }

    private static long mask(int bits) {
        return bits == 64 ? -1L : (1L << bits) - 1;
    }

    private void need(String name, long end, String what) throws IOException {
        if (end > data.capacity()) {
            throw new IOException(name + ": ends at byte " + data.capacity() + ", before its " + what + " (byte "
                    + end + "): truncated?");
        }
    }
}
