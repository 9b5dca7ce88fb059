package org.naoyu.decoder.data;

/**
 * Which stretch of feature frames makes one training example.
 *
 * @param lockKind             the event the window is locked to: {@code speech_onset} (onset-locked), {@code go} or
 *                             {@code cue} (cue-locked)
 * @param startSeconds         where the window starts relative to the event, in [-5, 5]
 * @param lengthSeconds        how long it is, in (0, 10]
 * @param baselineStartSeconds where the baseline starts relative to the event (ignored without a baseline)
 * @param baselineSeconds      its length; 0 for no baseline subtraction, else its mean per feature is subtracted
 */
public record EpochConfig(String lockKind, double startSeconds, double lengthSeconds, double baselineStartSeconds,
        double baselineSeconds) {

    /** Onset-locked, 0.1 s before to 0.9 s after speech onset, no baseline (features are already z-scored). */
    public static final EpochConfig ONSET_LOCKED = new EpochConfig("speech_onset", -0.1, 1.0, 0, 0);

    public EpochConfig {
        if (lockKind == null || !lockKind.matches("[a-z_]{1,32}")) {
            throw new IllegalArgumentException("lockKind must be a marker kind such as speech_onset, got '" + lockKind
                    + "'");
        }
        if (!(startSeconds >= -5 && startSeconds <= 5)) {
            throw new IllegalArgumentException("startSeconds must be in [-5, 5], got " + startSeconds);
        }
        if (!(lengthSeconds > 0 && lengthSeconds <= 10)) {
            throw new IllegalArgumentException("lengthSeconds must be in (0, 10], got " + lengthSeconds);
        }
        if (!(baselineSeconds >= 0 && baselineSeconds <= 10)) {
            throw new IllegalArgumentException("baselineSeconds must be in [0, 10] (0 = none), got " + baselineSeconds);
        }
        if (baselineSeconds > 0 && !(baselineStartSeconds >= -10 && baselineStartSeconds <= 10)) {
            throw new IllegalArgumentException("baselineStartSeconds must be in [-10, 10], got " + baselineStartSeconds);
        }
    }
}
