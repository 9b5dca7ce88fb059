package org.naoyu.decoder.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.naoyu.decoder.data.TonedSyllable;

/**
 * What the decoder believes about one attempt: a distribution over base syllables and one over tones. Toned syllables
 * are scored by the product of the two (the heads are trained jointly but predict independently), renormalised over
 * the toned syllables asked about.
 */
public record Posteriors(List<String> bases, double[] base, double[] tone) {
    public Posteriors {
        bases = List.copyOf(bases);
        if (base.length != bases.size() || tone.length != 5) {
            throw new IllegalArgumentException("posteriors need " + bases.size() + " base and 5 tone probabilities, got "
                    + base.length + " and " + tone.length);
        }
        base = base.clone();
        tone = tone.clone();
    }

    public String bestBase() {
        return bases.get(argMax(base));
    }

    public int bestTone() {
        return argMax(tone) + 1;
    }

    /** The {@code k} most probable toned syllables among {@code allowed} (e.g. the inventory), best first. */
    public List<Scored> topToned(List<TonedSyllable> allowed, int k) {
        List<Scored> scored = new ArrayList<>();
        double total = 0;
        for (TonedSyllable syllable : allowed) {
            int b = bases.indexOf(syllable.base());
            if (b >= 0) {
                double p = base[b] * tone[syllable.tone() - 1];
                scored.add(new Scored(syllable, p));
                total += p;
            }
        }
        final double norm = total > 0 ? total : 1;
        return scored.stream().map(s -> new Scored(s.syllable(), s.probability() / norm))
                .sorted(Comparator.comparingDouble(Scored::probability).reversed()).limit(k).toList();
    }

    /** A toned syllable with its probability. */
    public record Scored(TonedSyllable syllable, double probability) {
    }

    private static int argMax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            best = p[i] > p[best] ? i : best;
        }
        return best;
    }
}
