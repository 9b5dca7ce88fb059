package org.naoyu.decoder.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.naoyu.decoder.data.SyllableParts;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.decoder.language.Syllable;
import org.naoyu.decoder.language.SyllableLattice;

/**
 * What the decoder believes about one attempt: a distribution over tones, and over base syllables (the whole-syllable
 * head, empty without one), initials and finals (the part heads, empty without them).
 *
 * <p>A toned syllable is scored by the product of the heads that describe it, renormalised over the toned syllables
 * asked about: base × tone by the whole-syllable head (zero for a base it does not know), initial × final × tone by
 * the part heads (any syllable of the language). With both, the two distributions are mixed,
 * {@code wholeWeight · whole + (1 − wholeWeight) · parts} (the trainer chooses the weight on validation): a syllable
 * heard in training gets both opinions, one never heard gets the parts' alone. Heads are trained jointly but predict
 * independently, so the products are a naive-Bayes reading of them — unless the model carries a {@link PartCoupling},
 * whose log-potentials between parts are added to the parts' log-probabilities (a generative decoder's cross terms),
 * or a {@code joint}: a log-score for every combination of initial, final and tone, which then replaces the product
 * (the template decoder's scores with each attempt's variability, {@link AttemptVariability}); the part arrays are
 * then its marginals.
 */
public record Posteriors(List<String> bases, double[] base, double[] tone, double[] initial, double[] fin,
        double wholeWeight, PartCoupling coupling, double[] joint) {

    /** Base name to output index, per output list (a model's lists are shared by all its posteriors). */
    private static final Map<List<String>, Map<String, Integer>> BASE_INDEX = new ConcurrentHashMap<>();

    public Posteriors {
        bases = List.copyOf(bases);
        if (base.length != bases.size() || tone.length != 5) {
            throw new IllegalArgumentException("posteriors need " + bases.size() + " base and 5 tone probabilities, got "
                    + base.length + " and " + tone.length);
        }
        boolean parts = initial.length > 0 || fin.length > 0;
        if (parts && (initial.length != SyllableParts.INITIAL_LABELS.size()
                || fin.length != SyllableParts.FINALS.size())) {
            throw new IllegalArgumentException("part posteriors need " + SyllableParts.INITIAL_LABELS.size()
                    + " initial and " + SyllableParts.FINALS.size() + " final probabilities, got " + initial.length
                    + " and " + fin.length);
        }
        if (bases.isEmpty() && !parts) {
            throw new IllegalArgumentException("posteriors need a whole-syllable head, part heads, or both");
        }
        if (!(wholeWeight >= 0 && wholeWeight <= 1)) {
            throw new IllegalArgumentException("wholeWeight must be in [0, 1], got " + wholeWeight);
        }
        if (coupling != null && !parts) {
            throw new IllegalArgumentException("a part coupling needs part heads");
        }
        if (joint != null && (!parts || joint.length != JOINT_SIZE)) {
            throw new IllegalArgumentException("a joint needs part heads and " + JOINT_SIZE + " log-scores (initials x "
                    + "finals x tones), got " + joint.length);
        }
        joint = joint == null ? null : joint.clone();
        base = base.clone();
        tone = tone.clone();
        initial = initial.clone();
        fin = fin.clone();
    }

    /** Posteriors with parts read through a coupling (or independently, without one), and no joint. */
    public Posteriors(List<String> bases, double[] base, double[] tone, double[] initial, double[] fin,
            double wholeWeight, PartCoupling coupling) {
        this(bases, base, tone, initial, fin, wholeWeight, coupling, null);
    }

    /** Combinations of initial, final and tone a joint scores. */
    public static final int JOINT_SIZE = SyllableParts.INITIAL_LABELS.size() * SyllableParts.FINALS.size() * 5;

    /** Where a syllable's parts are in a joint. */
    public static int jointIndex(SyllableParts parts) {
        return (parts.initialIndex() * SyllableParts.FINALS.size() + parts.finalIndex()) * 5 + parts.tone() - 1;
    }

    /** Posteriors whose parts are read independently (no coupling). */
    public Posteriors(List<String> bases, double[] base, double[] tone, double[] initial, double[] fin,
            double wholeWeight) {
        this(bases, base, tone, initial, fin, wholeWeight, null);
    }

    /** A whole-syllable decoder's posteriors: base and tone. */
    public Posteriors(List<String> bases, double[] base, double[] tone) {
        this(bases, base, tone, new double[0], new double[0], 1);
    }

    /** The same posteriors with another whole-syllable share. */
    public Posteriors withWholeWeight(double share) {
        return new Posteriors(bases, base, tone, initial, fin, share, coupling, joint);
    }

    public boolean hasWhole() {
        return !bases.isEmpty();
    }

    public boolean hasParts() {
        return initial.length > 0;
    }

    /** The whole-syllable head's best base; a decoder with part heads only has none. */
    public String bestBase() {
        if (!hasWhole()) {
            throw new IllegalStateException("a decoder with part heads only has no base head: ask topToned");
        }
        return bases.get(argMax(base));
    }

    public int bestTone() {
        return argMax(tone) + 1;
    }

    /** The {@code k} most probable toned syllables among {@code allowed} (e.g. the inventory), best first. */
    public List<Scored> topToned(List<TonedSyllable> allowed, int k) {
        double[] whole = hasWhole() ? wholeScores(allowed) : null;
        double[] parts = hasParts() ? partScores(allowed) : null;
        double w = whole == null ? 0 : parts == null ? 1 : wholeWeight;
        List<Scored> scored = new ArrayList<>(allowed.size());
        for (int i = 0; i < allowed.size(); i++) {
            double p = (whole == null ? 0 : w * whole[i]) + (parts == null ? 0 : (1 - w) * parts[i]);
            if (p > 0 || parts != null || known(allowed.get(i))) {
                scored.add(new Scored(allowed.get(i), p));
            }
        }
        return scored.stream().sorted(Comparator.comparingDouble(Scored::probability).reversed()).limit(k).toList();
    }

    /** A toned syllable with its probability. */
    public record Scored(TonedSyllable syllable, double probability) {
        /** This syllable as the language model takes an attempt's alternative: with its log-probability. */
        public SyllableLattice.Candidate candidate() {
            return new SyllableLattice.Candidate(new Syllable(syllable.base(), syllable.tone()), Math.log(probability));
        }
    }

    private boolean known(TonedSyllable syllable) {
        return hasWhole() && baseIndex().containsKey(syllable.base());
    }

    /** base × tone over {@code allowed}, normalised; 0 for a base the head does not have. */
    private double[] wholeScores(List<TonedSyllable> allowed) {
        Map<String, Integer> index = baseIndex();
        double[] scores = new double[allowed.size()];
        for (int i = 0; i < scores.length; i++) {
            Integer b = index.get(allowed.get(i).base());
            scores[i] = b == null ? 0 : base[b] * tone[allowed.get(i).tone() - 1];
        }
        return normalised(scores);
    }

    /** initial × final × tone (× exp(coupling)), or the joint, over {@code allowed}, normalised. */
    private double[] partScores(List<TonedSyllable> allowed) {
        double[] scores = new double[allowed.size()];
        if (joint == null && coupling == null) {
            for (int i = 0; i < scores.length; i++) {
                SyllableParts parts = SyllableParts.of(allowed.get(i));
                int f = parts.finalIndex();
                scores[i] = f < 0 ? 0 : initial[parts.initialIndex()] * fin[f] * tone[parts.tone() - 1];
            }
            return normalised(scores);
        }
        // in logs: the potentials and the joint's log-likelihoods can be large, and their exponentials would over- or
        // underflow
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            SyllableParts parts = SyllableParts.of(allowed.get(i));
            int f = parts.finalIndex();
            int n = parts.initialIndex();
            scores[i] = f < 0 ? Double.NEGATIVE_INFINITY : joint != null ? joint[jointIndex(parts)]
                    : Math.log(initial[n]) + Math.log(fin[f]) + Math.log(tone[parts.tone() - 1])
                            + coupling.of(n, f, parts.tone());
            max = Math.max(max, scores[i]);
        }
        for (int i = 0; i < scores.length; i++) {
            scores[i] = max == Double.NEGATIVE_INFINITY ? 0 : Math.exp(scores[i] - max);
        }
        return normalised(scores);
    }

    private Map<String, Integer> baseIndex() {
        return BASE_INDEX.computeIfAbsent(bases, list -> {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                index.put(list.get(i), i);
            }
            return Map.copyOf(index);
        });
    }

    private static double[] normalised(double[] scores) {
        double total = 0;
        for (double s : scores) {
            total += s;
        }
        if (total > 0) {
            for (int i = 0; i < scores.length; i++) {
                scores[i] /= total;
            }
        }
        return scores;
    }

    private static int argMax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            best = p[i] > p[best] ? i : best;
        }
        return best;
    }
}
