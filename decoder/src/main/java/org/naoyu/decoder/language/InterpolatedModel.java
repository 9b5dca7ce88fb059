package org.naoyu.decoder.language;

/**
 * Two models mixed linearly in probability: P = λ·P_first + (1 − λ)·P_second, for each history (Jelinek–Mercer).
 * A word one model cannot score ({@code -inf}) keeps the other's share, so a model with a smaller vocabulary can be
 * mixed with a larger one.
 *
 * @param share λ, the first model's weight, in [0, 1]
 */
public record InterpolatedModel(LanguageModel first, LanguageModel second, double share) implements LanguageModel {
    public InterpolatedModel {
        if (first == null || second == null) {
            throw new IllegalArgumentException("both models must be given");
        }
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("the first model's share must be in [0, 1], got " + share);
        }
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
        double x = share == 0 ? Double.NEGATIVE_INFINITY : Math.log(share) + a;
        double y = share == 1 ? Double.NEGATIVE_INFINITY : Math.log1p(-share) + b;
        double top = Math.max(x, y);
        if (top == Double.NEGATIVE_INFINITY) {
            return top;
        }
        return Math.min(0, top + Math.log(Math.exp(x - top) + Math.exp(y - top)));
    }
}
