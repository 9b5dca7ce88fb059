package org.naoyu.decoder.language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Typed pinyin to hanzi, a line at a time: the shipped lexicon, the general bigram model adapted to the speller's
 * domain, and the sentence decoder, as {@code naoyu pinyin2hanzi} and {@code naoyu lm-eval} use them.
 */
public final class PinyinConverter {

    /** One conversion of a line: its text, the toned pinyin of the words chosen, and the total log score. */
    public record Conversion(String text, String pinyin, double score) {
    }

    private final Lexicon lexicon;
    private final SentenceDecoder decoder;

    public PinyinConverter(Lexicon lexicon, LanguageModel model, SentenceDecoder.Settings settings) {
        this.lexicon = lexicon;
        this.decoder = new SentenceDecoder(lexicon, model, settings);
    }

    /** The shipped lexicon and adapted model with the default settings (about 1.5 s to load). */
    public static PinyinConverter shipped() {
        Lexicon lexicon = Lexicon.shipped();
        return new PinyinConverter(lexicon, AdaptedModel.shipped(new BigramModel(lexicon)),
                SentenceDecoder.Settings.DEFAULT);
    }

    /**
     * The shipped model with {@code extra} (an n-gram model of the user's) mixed in at {@code share}
     * ({@link InterpolatedModel}) after the task adaptation, and the shipped lexicon extended with the model's words
     * ({@link Lexicon#withWords}). Mixing after the adaptation and adding the words each measured better on the
     * everyday set than the other way (decoder/README.md).
     */
    public static PinyinConverter shippedWith(NGramModel extra, double share) {
        return converter(CompletableFuture.completedFuture(Optional.of(new Trigrams(extra, share))));
    }

    /** The trigrams' share when {@link #standard} mixes them in after the task adaptation, tuned on the dev set. */
    public static final double NGRAM_SHARE = 0.8;
    /** Within the trigrams, libime's share (sunpinyin's is the rest), tuned on the development sentences. */
    public static final double LIBIME_SHARE = 0.7;
    /** sunpinyin's trigram's share when it is the only one found, tuned on the development sentences. */
    public static final double SUNPINYIN_SHARE = 0.85;

    /** The n-gram model mixed into the shipped one, and its share. */
    private record Trigrams(NGramModel model, double share) {
    }

    /**
     * naoyu's language model: the shipped one with the word trigrams of libime ({@link KenLmModel}, LGPL-2.1+) and
     * sunpinyin ({@link SunpinyinModel}, CC-BY-SA 3.0) mixed in, as the build or Debian provides them; with one
     * missing, the other alone, with both missing, the shipped one alone, saying so to {@code notice} (from another
     * thread: the trigrams are read while the lexicon loads).
     */
    public static PinyinConverter standard(Consumer<String> notice) {
        // a thread of its own, not the common pool: callers (naoyu run) may already hold the pool's one thread on
        // two cores, and the point is to read the trigrams while this thread reads the lexicon
        CompletableFuture<Optional<Trigrams>> trigrams = CompletableFuture.supplyAsync(() -> {
            try {
                return trigrams(KenLmModel.available(), SunpinyinModel.available(), notice);
            } catch (IOException e) { // the build's or Debian's files are damaged: not something to run on
                throw new UncheckedIOException("a trigram of the build cannot be read: " + e.getMessage(), e);
            }
        }, task -> {
            Thread reader = new Thread(task, "naoyu-trigram-reader");
            reader.setDaemon(true);
            reader.start();
        });
        return converter(trigrams);
    }

    /** {@link #standard(Consumer)} with the trigrams given (empty: not found). */
    static PinyinConverter standard(Optional<KenLmModel> libime, Optional<SunpinyinModel> sunpinyin,
            Consumer<String> notice) {
        return converter(CompletableFuture.completedFuture(trigrams(libime, sunpinyin, notice)));
    }

    private static Optional<Trigrams> trigrams(Optional<KenLmModel> libime, Optional<SunpinyinModel> sunpinyin,
            Consumer<String> notice) {
        if (libime.isEmpty()) {
            notice.accept("libime's trigram is neither in this build nor installed (apt-get install "
                    + "libime-data-language-model, then rebuild)" + (sunpinyin.isPresent()
                            ? ": using sunpinyin's alone, which converts fewer characters right (decoder/README.md)"
                            : ""));
        }
        if (sunpinyin.isEmpty()) {
            notice.accept("sunpinyin-data's trigram is neither in this build nor installed (apt-get install "
                    + "sunpinyin-data, then rebuild)" + (libime.isPresent()
                            ? ": using libime's alone, which converts fewer characters right (decoder/README.md)"
                            : ""));
        }
        if (libime.isPresent() && sunpinyin.isPresent()) {
            return Optional.of(new Trigrams(new NGramMixture(libime.get(), sunpinyin.get(), LIBIME_SHARE),
                    NGRAM_SHARE));
        }
        if (libime.isPresent()) {
            return Optional.of(new Trigrams(libime.get(), NGRAM_SHARE));
        }
        if (sunpinyin.isPresent()) {
            return Optional.of(new Trigrams(sunpinyin.get(), SUNPINYIN_SHARE));
        }
        notice.accept("no trigram found: using the bundled bigram model, which converts fewer characters right "
                + "(decoder/README.md)");
        return Optional.empty();
    }

    /** The shipped lexicon and adapted bigram, with the trigrams (waited for once the lexicon is read) mixed in. */
    private static PinyinConverter converter(CompletableFuture<Optional<Trigrams>> trigrams) {
        Lexicon lexicon = Lexicon.shippedWith(() -> join(trigrams).map(t -> t.model().vocabulary()).orElse(Set.of()));
        LanguageModel shipped = AdaptedModel.shipped(new BigramModel(lexicon));
        LanguageModel model = join(trigrams).<LanguageModel>map(t -> new InterpolatedModel(t.model(), shipped,
                t.share())).orElse(shipped);
        return new PinyinConverter(lexicon, model, SentenceDecoder.Settings.DEFAULT);
    }

    /** The trigrams, or what reading them threw (not wrapped). */
    private static Optional<Trigrams> join(CompletableFuture<Optional<Trigrams>> trigrams) {
        try {
            return trigrams.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    public SentenceDecoder decoder() {
        return decoder;
    }

    /**
     * The {@code nBest} best conversions of a line, best first: each piece of pinyin decoded on its own, punctuation,
     * numbers and hanzi kept, and the pieces' hypotheses combined in order of their total score. An empty line gives
     * one empty conversion.
     *
     * @throws IllegalArgumentException naming the column when part of the line is not pinyin, or when no sequence
     *                                  of words spells a piece
     */
    public List<Conversion> convert(String line, int nBest) {
        if (nBest < 1) {
            throw new IllegalArgumentException("nBest must be >= 1, got " + nBest);
        }
        List<PinyinInput.Piece> pieces = PinyinInput.parse(line, lexicon);
        List<List<SentenceDecoder.Hypothesis>> decoded = new ArrayList<>();
        for (PinyinInput.Piece piece : pieces) {
            if (piece.passesThrough()) {
                decoded.add(null);
                continue;
            }
            List<SentenceDecoder.Hypothesis> hypotheses = decoder.decode(piece.lattice(), nBest);
            if (hypotheses.isEmpty()) {
                throw new IllegalArgumentException("no sequence of words spells a piece of the line (it ends "
                        + piece.lattice().end() + " letters in)");
            }
            decoded.add(hypotheses);
        }
        // the best combinations of the pieces' hypotheses, best first: a best-first walk over index vectors
        List<Integer> decodedPieces = new ArrayList<>();
        for (int p = 0; p < pieces.size(); p++) {
            if (decoded.get(p) != null) {
                decodedPieces.add(p);
            }
        }
        java.util.PriorityQueue<int[]> frontier = new java.util.PriorityQueue<>(
                java.util.Comparator.comparingDouble((int[] choice) -> -score(decoded, decodedPieces, choice)));
        java.util.Set<java.util.List<Integer>> seen = new java.util.HashSet<>();
        int[] first = new int[decodedPieces.size()];
        frontier.add(first);
        seen.add(asList(first));
        List<Conversion> out = new ArrayList<>();
        while (!frontier.isEmpty() && out.size() < nBest) {
            int[] choice = frontier.poll();
            out.add(join(pieces, decoded, decodedPieces, choice));
            for (int d = 0; d < choice.length; d++) {
                if (choice[d] + 1 < decoded.get(decodedPieces.get(d)).size()) {
                    int[] next = choice.clone();
                    next[d]++;
                    if (seen.add(asList(next))) {
                        frontier.add(next);
                    }
                }
            }
        }
        return out;
    }

    private static double score(List<List<SentenceDecoder.Hypothesis>> decoded, List<Integer> decodedPieces,
            int[] choice) {
        double total = 0;
        for (int d = 0; d < choice.length; d++) {
            total += decoded.get(decodedPieces.get(d)).get(choice[d]).score();
        }
        return total;
    }

    private static List<Integer> asList(int[] choice) {
        return java.util.Arrays.stream(choice).boxed().toList();
    }

    private static Conversion join(List<PinyinInput.Piece> pieces, List<List<SentenceDecoder.Hypothesis>> decoded,
            List<Integer> decodedPieces, int[] choice) {
        StringBuilder text = new StringBuilder();
        List<String> pinyin = new ArrayList<>();
        int d = 0;
        for (int p = 0; p < pieces.size(); p++) {
            if (decoded.get(p) == null) {
                text.append(pieces.get(p).text());
                continue;
            }
            SentenceDecoder.Hypothesis h = decoded.get(p).get(choice[d++]);
            text.append(h.text());
            pinyin.add(h.words().stream().flatMap(w -> w.pinyin().stream()).map(Syllable::toString)
                    .collect(Collectors.joining(" ")));
        }
        return new Conversion(text.toString(), String.join(" ", pinyin), score(decoded, decodedPieces, choice));
    }
}
