package org.naoyu.decoder.language;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * From a syllable lattice to sentences: a beam search over words, each word a path of arcs that spells its pinyin,
 * scored by the syllables' log-probabilities plus {@code lmWeight} times the language model. Works on a whole lattice
 * ({@link #decode}) or syllable by syllable ({@link Incremental}), where a prefix the user confirmed stays fixed.
 */
public final class SentenceDecoder {

    /**
     * @param beam        hypotheses kept per position, in [1, 1000]
     * @param lmWeight    weight of the language model's log-probability, in [0, 10]
     * @param tonePenalty log-probability added when a word's tone differs from the syllable's (finite, ≤ 0): a word
     *                    whose citation tone differs from what was said (tone sandhi, a wrong tone) can still win
     * @param wordPenalty log-probability added per word (finite, ≤ 0; below 0 favours longer words)
     * @param readingWeight weight of log P(reading | word), in [0, 10]: how much a word's rare reading (月 ru4,
     *                    谁 shei2) costs against its common one; 0 makes every reading as likely as the word
     */
    public record Settings(int beam, double lmWeight, double tonePenalty, double wordPenalty, double readingWeight) {
        /** Chosen on the task-corpus sentences (decoder/README.md), never on the held-out ones. */
        public static final Settings DEFAULT = new Settings(32, 0.7, Math.log(1e-3), 0, 1);

        public Settings {
            if (beam < 1 || beam > 1000) {
                throw new IllegalArgumentException("beam must be in [1, 1000], got " + beam);
            }
            if (!(lmWeight >= 0 && lmWeight <= 10)) {
                throw new IllegalArgumentException("lmWeight must be in [0, 10], got " + lmWeight);
            }
            if (!(readingWeight >= 0 && readingWeight <= 10)) {
                throw new IllegalArgumentException("readingWeight must be in [0, 10], got " + readingWeight);
            }
            if (!(tonePenalty <= 0 && tonePenalty > Double.NEGATIVE_INFINITY)
                    || !(wordPenalty <= 0 && wordPenalty > Double.NEGATIVE_INFINITY)) {
                throw new IllegalArgumentException("penalties must be finite and <= 0, got tone " + tonePenalty
                        + ", word " + wordPenalty);
            }
        }

        public Settings withLmWeight(double weight) {
            return new Settings(beam, weight, tonePenalty, wordPenalty, readingWeight);
        }

        public Settings withReadingWeight(double weight) {
            return new Settings(beam, lmWeight, tonePenalty, wordPenalty, weight);
        }
    }

    /** A sentence hypothesis: its text, its words and their pinyin, and its total log score. */
    public record Hypothesis(String text, List<LexiconEntry> words, double score) {
    }

    /**
     * A partial sentence as a chain back to the start: extending one costs an object, not a copy of its text; the
     * text is spelled out only for the hypotheses that survive pruning.
     */
    private static final class Partial {
        final Partial parent;
        final LexiconEntry word;
        final double score;
        private String text;

        Partial(Partial parent, LexiconEntry word, double score) {
            this.parent = parent;
            this.word = word;
            this.score = score;
        }

        String lastWord() {
            return word == null ? LanguageModel.START : word.word();
        }

        /** The word before the last ({@link LanguageModel#START} at the start): a trigram's second history word. */
        String previousWord() {
            return parent == null ? LanguageModel.START : parent.lastWord();
        }

        double score() {
            return score;
        }

        String text() {
            if (text == null) {
                text = parent == null ? "" : parent.text() + word.word();
            }
            return text;
        }

        List<LexiconEntry> words() {
            java.util.LinkedList<LexiconEntry> words = new java.util.LinkedList<>();
            for (Partial p = this; p.word != null; p = p.parent) {
                words.addFirst(p.word);
            }
            return List.copyOf(words);
        }
    }

    private static final Partial START = new Partial(null, null, 0);

    private final Lexicon lexicon;
    private final LanguageModel model;
    private final Settings settings;

    public SentenceDecoder(Lexicon lexicon, LanguageModel model, Settings settings) {
        this.lexicon = lexicon;
        this.model = model;
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** The {@code nBest} best sentences for the whole lattice, best first (empty when no word path spans it). */
    public List<Hypothesis> decode(SyllableLattice lattice, int nBest) {
        checkNBest(nBest);
        if (lattice.end() > MAX_POSITIONS) {
            throw new IllegalArgumentException("a sentence of " + lattice.end() + " positions is too long to decode at "
                    + "once (at most " + MAX_POSITIONS + "); split it at punctuation");
        }
        List<List<Partial>> beams = new ArrayList<>();
        beams.add(List.of(START));
        for (int e = 1; e <= lattice.end(); e++) {
            beams.add(List.of());
        }
        List<Arrivals> incoming = new ArrayList<>();
        for (int e = 0; e <= lattice.end(); e++) {
            incoming.add(new Arrivals());
        }
        for (int s = 0; s < lattice.end(); s++) {
            List<Partial> here = s == 0 ? beams.get(0) : incoming.get(s).kept();
            beams.set(s, here);
            incoming.set(s, null); // pruned: memory stays linear in the sentence's length
            if (!here.isEmpty()) {
                extend(lattice, s, lexicon.root(), s, 0, new ArrayList<>(), here, incoming, -1);
            }
        }
        List<Partial> last = lattice.end() == 0 ? beams.get(0) : incoming.get(lattice.end()).kept();
        return finish(last, nBest);
    }

    /** Longest lattice decoded at once, in positions (typed characters or syllables). */
    public static final int MAX_POSITIONS = 2000;

    private static void checkNBest(int nBest) {
        if (nBest < 1) {
            throw new IllegalArgumentException("nBest must be >= 1, got " + nBest);
        }
    }

    private List<Hypothesis> finish(List<Partial> last, int nBest) {
        List<Hypothesis> done = new ArrayList<>();
        for (Partial p : last) {
            done.add(new Hypothesis(p.text(), p.words(),
                    p.score() + settings.lmWeight() * model.logProb(p.previousWord(), p.lastWord(),
                            LanguageModel.END)));
        }
        done.sort(Comparator.comparingDouble(Hypothesis::score).reversed());
        return done.subList(0, Math.min(nBest, done.size()));
    }

    /**
     * The partial sentences arriving at one position, kept as they come: the best {@code beam} texts, each by its
     * best-scoring partial. Once {@code beam} texts are kept, the lowest kept score is a threshold no later arrival at
     * or below can pass, so {@link #extend} skips those without asking the language model (its log-probability is
     * never positive). The result is what sorting every arrival by score (earlier first among equal scores) and
     * keeping the first {@code beam} distinct texts would give, without the sort over thousands of arrivals.
     */
    private final class Arrivals {
        private final Map<String, Ranked> byText = new HashMap<>();
        private final List<Ranked> kept = new ArrayList<>();
        private long arrived;
        private double threshold = Double.NEGATIVE_INFINITY;

        /** A kept partial and when it arrived: among equal scores, the earlier ranks first. */
        private record Ranked(Partial partial, long order) {
            boolean ranksBelow(Ranked other) {
                return partial.score < other.partial.score
                        || (partial.score == other.partial.score && order > other.order);
            }
        }

        /** Whether a partial scoring at most {@code score} could still be kept. */
        boolean couldKeep(double score) {
            return kept.size() < settings.beam() || score > threshold;
        }

        void offer(Partial p) {
            long order = arrived++;
            if (!couldKeep(p.score)) {
                return;
            }
            Ranked ranked = new Ranked(p, order);
            Ranked same = byText.get(p.text());
            if (same != null) {
                if (p.score > same.partial.score) {
                    kept.set(kept.indexOf(same), ranked);
                    byText.put(p.text(), ranked);
                    updateThreshold();
                }
                return;
            }
            kept.add(ranked);
            byText.put(p.text(), ranked);
            if (kept.size() > settings.beam()) {
                Ranked lowest = lowest();
                kept.remove(lowest);
                byText.remove(lowest.partial.text());
            }
            updateThreshold();
        }

        private Ranked lowest() {
            Ranked lowest = kept.get(0);
            for (Ranked r : kept) {
                if (r.ranksBelow(lowest)) {
                    lowest = r;
                }
            }
            return lowest;
        }

        private void updateThreshold() {
            if (kept.size() == settings.beam()) {
                threshold = lowest().partial.score;
            }
        }

        /**
         * The kept partials ordered by their language-model history, last word then the one before (so that
         * extensions look the model up once per history), and by score within it.
         */
        List<Partial> kept() {
            List<Ranked> ranked = new ArrayList<>(kept);
            ranked.sort(Comparator.comparing((Ranked r) -> r.partial.lastWord())
                    .thenComparing(r -> r.partial.previousWord())
                    .thenComparing((a, b) -> a.ranksBelow(b) ? 1 : b.ranksBelow(a) ? -1 : 0));
            List<Partial> partials = new ArrayList<>(ranked.size());
            ranked.forEach(r -> partials.add(r.partial));
            return partials;
        }
    }

    /**
     * Walks arcs from {@code position} down the trie; at every node, each word there extends every partial sentence
     * of {@code start} to this position (or only to {@code onlyEnd} when it is ≥ 0).
     */
    private void extend(SyllableLattice lattice, int start, Lexicon.Node node, int position, int depth,
            List<SyllableLattice.Arc> path, List<Partial> starting, List<Arrivals> incoming, int onlyEnd) {
        if (depth > 0 && !node.words().isEmpty() && (onlyEnd < 0 || position == onlyEnd)) {
            Arrivals arriving = incoming.get(position);
            List<LexiconEntry> words = node.words();
            for (int k = 0; k < words.size(); k++) {
                LexiconEntry word = words.get(k);
                double acoustic = acoustic(word, path);
                if (acoustic == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                acoustic += settings.readingWeight() * node.readingLogProb(k);
                // partials come grouped by their history (last word, the one before), best first: one
                // language-model lookup per group, none for a group whose best cannot be kept even at the language
                // model's best (log-probability 0)
                String last = null;
                String before = null;
                double lm = Double.NaN;
                boolean hopeless = false;
                for (Partial p : starting) {
                    if (!p.lastWord().equals(last) || !p.previousWord().equals(before)) {
                        last = p.lastWord();
                        before = p.previousWord();
                        lm = Double.NaN;
                        hopeless = false;
                    }
                    double withoutLm = p.score() + acoustic + settings.wordPenalty();
                    if (hopeless || !arriving.couldKeep(withoutLm)) {
                        hopeless = true; // the rest of the group scores no higher
                        continue;
                    }
                    if (Double.isNaN(lm)) {
                        lm = settings.lmWeight() * model.logProb(before, last, word.word());
                    }
                    arriving.offer(new Partial(p, word, withoutLm + lm));
                }
            }
        }
        if (depth >= lexicon.longestWord() || (onlyEnd >= 0 && position >= onlyEnd)) {
            return;
        }
        for (SyllableLattice.Arc arc : lattice.from(position)) {
            List<SyllableLattice.Candidate> candidates = arc.candidates();
            for (int k = 0; k < candidates.size(); k++) {
                SyllableLattice.Candidate c = candidates.get(k);
                if (sameBaseEarlier(candidates, k)) {
                    continue; // each base is walked once; acoustic() scores its tones
                }
                Lexicon.Node child = node.child(c.syllable().base());
                if (child != null) {
                    path.add(arc);
                    extend(lattice, start, child, arc.to(), depth + 1, path, starting, incoming, onlyEnd);
                    path.remove(path.size() - 1);
                }
            }
        }
    }

    private static boolean sameBaseEarlier(List<SyllableLattice.Candidate> candidates, int k) {
        String base = candidates.get(k).syllable().base();
        for (int j = 0; j < k; j++) {
            if (candidates.get(j).syllable().base().equals(base)) {
                return true;
            }
        }
        return false;
    }

    /** The log-probability that the arcs of {@code path} spell the word's pinyin (−∞ when one cannot). */
    private double acoustic(LexiconEntry word, List<SyllableLattice.Arc> path) {
        double total = 0;
        for (int i = 0; i < path.size(); i++) {
            Syllable wanted = word.pinyin().get(i);
            double best = Double.NEGATIVE_INFINITY;
            for (SyllableLattice.Candidate c : path.get(i).candidates()) {
                Syllable said = c.syllable();
                if (!said.base().equals(wanted.base())) {
                    continue;
                }
                double score = !said.toned() || said.tone() == wanted.tone() ? c.logProb()
                        : c.logProb() + settings.tonePenalty();
                best = Math.max(best, score);
            }
            if (best == Double.NEGATIVE_INFINITY) {
                return best;
            }
            total += best;
        }
        return total;
    }

    /** Decoding syllable by syllable: each {@link #push} updates the hypotheses; {@link #commit} fixes a prefix. */
    public Incremental incremental() {
        return new Incremental();
    }

    /** The state of a sentence being spelled. */
    public final class Incremental {
        private final SyllableLattice lattice = new SyllableLattice();
        private final List<List<Partial>> beams = new ArrayList<>();
        /** Arrivals per position: only the newest position's are ever filled (see push). */
        private final List<Arrivals> incoming = new ArrayList<>();
        private int committedPosition;

        Incremental() {
            beams.add(List.of(START));
            incoming.add(null);
        }

        /** The syllables so far. */
        public int syllables() {
            return lattice.end();
        }

        /** Adds the next syllable's alternatives and returns the {@code nBest} best sentences so far. */
        public List<Hypothesis> push(List<SyllableLattice.Candidate> candidates, int nBest) {
            checkNBest(nBest);
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("an attempt needs at least one candidate syllable");
            }
            if (candidates.stream().noneMatch(c -> lexicon.isBase(c.syllable().base()))) {
                // refused before any state changes: one bad attempt must not end the sentence being spelled
                throw new IllegalArgumentException("no character reads any of " + candidates.stream()
                        .map(c -> c.syllable().toString()).toList());
            }
            lattice.append(candidates);
            int end = lattice.end();
            beams.add(List.of());
            incoming.add(new Arrivals());
            for (int s = Math.max(committedPosition, end - lexicon.longestWord()); s < end; s++) {
                if (!beams.get(s).isEmpty()) {
                    extend(lattice, s, lexicon.root(), s, 0, new ArrayList<>(), beams.get(s), incoming, end);
                }
            }
            beams.set(end, incoming.get(end).kept());
            incoming.set(end, null); // no longer needed: keep memory flat over a long sentence
            return best(nBest);
        }

        /** The best sentences for the syllables so far, without ending the sentence. */
        public List<Hypothesis> best(int nBest) {
            checkNBest(nBest);
            List<Partial> last = new ArrayList<>(beams.get(lattice.end()));
            last.sort(Comparator.comparingDouble(Partial::score).reversed());
            List<Hypothesis> out = new ArrayList<>();
            for (Partial p : last.subList(0, Math.min(nBest, last.size()))) {
                out.add(new Hypothesis(p.text(), p.words(), p.score()));
            }
            return out;
        }

        /** The best complete sentences (with the language model's sentence end). */
        public List<Hypothesis> finish(int nBest) {
            return SentenceDecoder.this.finish(beams.get(lattice.end()), nBest);
        }

        /**
         * Fixes the best hypothesis's text so far as confirmed: later syllables only extend it. Returns the whole
         * confirmed text so far, earlier commits included (empty when there is nothing to commit).
         */
        public String commit() {
            int end = lattice.end();
            List<Partial> last = beams.get(end);
            if (last.isEmpty()) {
                return "";
            }
            Partial kept = last.stream().max(Comparator.comparingDouble(Partial::score)).orElseThrow();
            beams.set(end, List.of(kept));
            for (int s = committedPosition; s < end; s++) {
                beams.set(s, List.of()); // nothing may start before the committed end any more
            }
            committedPosition = end;
            return kept.text();
        }
    }
}
