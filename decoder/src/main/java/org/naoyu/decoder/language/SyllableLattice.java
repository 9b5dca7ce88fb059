package org.naoyu.decoder.language;

import java.util.ArrayList;
import java.util.List;

/**
 * What the decoder reads: positions 0…N and arcs between them, each arc one syllable with alternatives and their
 * log-probabilities. Typed pinyin gives one alternative per arc (and, for a run of letters, arcs for every way to cut
 * it into syllables); the neural decoder gives its top toned syllables per attempt, one arc per attempt.
 */
public final class SyllableLattice {

    /** One alternative for an arc: a syllable (toned or not) and the log-probability that it is what was meant. */
    public record Candidate(Syllable syllable, double logProb) {
        public Candidate {
            if (syllable == null) {
                throw new IllegalArgumentException("a candidate needs its syllable");
            }
            if (Double.isNaN(logProb) || logProb > 1e-9) {
                throw new IllegalArgumentException("a candidate's log-probability must be <= 0, got " + logProb
                        + " for " + syllable);
            }
        }
    }

    /** A syllable from {@code from} to {@code to}. */
    public record Arc(int from, int to, List<Candidate> candidates) {
        public Arc {
            if (to <= from) {
                throw new IllegalArgumentException("an arc must move forward, got " + from + " -> " + to);
            }
            candidates = List.copyOf(candidates);
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("an arc needs at least one candidate syllable");
            }
        }
    }

    private final List<List<Arc>> outgoing = new ArrayList<>();

    public SyllableLattice() {
        outgoing.add(new ArrayList<>());
    }

    /** The last position. */
    public int end() {
        return outgoing.size() - 1;
    }

    /** Adds an arc, growing the lattice to reach its end. */
    public void add(Arc arc) {
        while (outgoing.size() <= arc.to()) {
            outgoing.add(new ArrayList<>());
        }
        outgoing.get(arc.from()).add(arc);
    }

    /** Appends one syllable slot at the end: the usual step for space-separated or decoded syllables. */
    public void append(List<Candidate> candidates) {
        int from = end();
        add(new Arc(from, from + 1, candidates));
    }

    public List<Arc> from(int position) {
        return position < outgoing.size() ? outgoing.get(position) : List.of();
    }
}
