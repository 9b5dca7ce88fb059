package org.naoyu.dsp;

/**
 * How features are normalised per channel and feature, frame by frame.
 *
 * @param mode          none, an exponential window, a sliding window, or frozen (statistics fixed, e.g. from
 *                      calibration, and carried with a model)
 * @param windowSeconds the time constant (exponential) or length (sliding) of the window, in [1, 3600]
 */
public record ZScore(Mode mode, double windowSeconds) {

    /** The normalisations. */
    public enum Mode { NONE, EXPONENTIAL, SLIDING, FROZEN }

    public static final ZScore DEFAULT = new ZScore(Mode.EXPONENTIAL, 30);

    public ZScore {
        if (mode == null) {
            throw new IllegalArgumentException("z-score mode must not be null");
        }
        if (!(windowSeconds >= 1 && windowSeconds <= 3600)) {
            throw new IllegalArgumentException("z-score windowSeconds must be in [1, 3600], got " + windowSeconds);
        }
    }
}
