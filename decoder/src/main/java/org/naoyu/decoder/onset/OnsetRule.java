package org.naoyu.decoder.onset;

/**
 * How speech probabilities become onsets: an onset is declared when the probability has stayed at or above
 * {@code threshold} for {@code holdFrames} frames in a row, no sooner than {@code refractorySeconds} after the last
 * one (a rise within that time is taken as part of the last attempt), and the probability must fall below the
 * threshold before the next onset; the attempt is taken to have started {@code lagSeconds} before that moment (the detector's median delay,
 * measured on held-out training data).
 *
 * @param threshold         in (0, 1)
 * @param holdFrames        in [1, 100]
 * @param refractorySeconds in [0, 10]
 * @param lagSeconds        in [-1, 2]
 */
public record OnsetRule(double threshold, int holdFrames, double refractorySeconds, double lagSeconds) {
    public OnsetRule {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1), got " + threshold);
        }
        if (holdFrames < 1 || holdFrames > 100) {
            throw new IllegalArgumentException("holdFrames must be in [1, 100], got " + holdFrames);
        }
        if (!(refractorySeconds >= 0 && refractorySeconds <= 10)) {
            throw new IllegalArgumentException("refractorySeconds must be in [0, 10], got " + refractorySeconds);
        }
        if (!(lagSeconds >= -1 && lagSeconds <= 2)) {
            throw new IllegalArgumentException("lagSeconds must be in [-1, 2], got " + lagSeconds);
        }
    }

    public OnsetRule withLag(double lag) {
        return new OnsetRule(threshold, holdFrames, refractorySeconds, lag);
    }

    /** Applies the rule to a whole series of probabilities: the frame times at which onsets are declared. */
    public double[] detections(double[] frameTimes, double[] probabilities) {
        Tracker tracker = new Tracker(this);
        double[] found = new double[frameTimes.length];
        int n = 0;
        for (int f = 0; f < frameTimes.length; f++) {
            if (tracker.accept(frameTimes[f], probabilities[f])) {
                found[n++] = frameTimes[f];
            }
        }
        return java.util.Arrays.copyOf(found, n);
    }

    /** The rule applied frame by frame; owns its state, allocates nothing. */
    public static final class Tracker {
        private final OnsetRule rule;
        private int run;
        private boolean armed = true;
        private double last = Double.NEGATIVE_INFINITY;

        public Tracker(OnsetRule rule) {
            this.rule = rule;
        }

        /** Feeds one frame; true when an onset is declared at this frame. */
        public boolean accept(double time, double probability) {
            boolean above = probability >= rule.threshold(); // NaN counts as below: no evidence
            run = above ? run + 1 : 0;
            if (!above) {
                armed = true; // the probability has fallen back: the next rise is a new attempt
            }
            if (!armed || run < rule.holdFrames()) {
                return false;
            }
            armed = false;
            if (time - last < rule.refractorySeconds()) {
                return false; // a rise within the refractory time belongs to the attempt just declared
            }
            last = time;
            return true;
        }

        public void reset() {
            run = 0;
            armed = true;
            last = Double.NEGATIVE_INFINITY;
        }
    }
}
