package org.naoyu.decoder.language;

/**
 * Two models mixed linearly in probability: P = λ·P_first + (1 − λ)·P_second, for each history (Jelinek–Mercer).
 * A word one model cannot score ({@code -inf}) keeps the other's share, so a model with a smaller vocabulary can be
 * mixed with a larger one. The logs of the shares are taken once: the search asks a mix hundreds of thousands of
 * times a sentence.
 */
public final class InterpolatedModel implements LanguageModel {
    private final LanguageModel first;
    private final LanguageModel second;
    private final double share;
    private final double logShare;
    private final double logRest;

    /** @param share λ, the first model's weight, in [0, 1] */
    public InterpolatedModel(LanguageModel first, LanguageModel second, double share) {
        if (first == null || second == null) {
            throw new IllegalArgumentException("both models must be given");
        }
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("the first model's share must be in [0, 1], got " + share);
        }
        this.first = first;
        this.second = second;
        this.share = share;
        this.logShare = Math.log(share);
        this.logRest = Math.log1p(-share);
    }

    /** λ, the first model's weight. */
    public double share() {
        return share;
    }

    @Override
    public double logProb(String previous, String word) {
        return mix(first.logProb(previous, word), second.logProb(previous, word));
    }

    @Override
    public double logProb(String beforePrevious, String previous, String word) {
        return mix(first.logProb(beforePrevious, previous, word), second.logProb(beforePrevious, previous, word));
    }

    private double mix(double a, double b) {
        double x = logShare + a; // -inf when the share is 0 or the model has no probability
        double y = logRest + b;
        if (x == Double.NEGATIVE_INFINITY || y == Double.NEGATIVE_INFINITY) {
            return Math.min(0, Math.max(x, y));
        }
        double top = Math.max(x, y);
        return Math.min(0, top + Math.log1p(Math.exp(Math.min(x, y) - top)));
    }
}
