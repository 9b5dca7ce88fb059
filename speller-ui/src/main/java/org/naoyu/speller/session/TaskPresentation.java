package org.naoyu.speller.session;

import java.util.List;

/**
 * What the session presents itself during calibration ({@link TaskPresenter}): the cued syllables in order, usually
 * a stretch of the participant's calibration plan, and the timing of each trial.
 *
 * @param trials      toned syllables such as {@code ma3}, at least one
 * @param timing      how long each step shows
 * @param seed        the rest intervals' jitter
 * @param planFrom    where the first trial sits in the participant's calibration plan, so the log can say where the
 *                    next session goes on (0 when the trials are not from a plan)
 * @param description where the trials come from, for the log (e.g. "plan trials 0-570")
 */
public record TaskPresentation(List<String> trials, Timing timing, long seed, int planFrom, String description) {
    /** The LSL outlet the session presents the task on. */
    public static final String OUTLET_NAME = "naoyu-task";

    /** The outlet's source id when it cues the signal with source id {@code signalSourceId}. */
    public static String sourceId(String signalSourceId) {
        return OUTLET_NAME + "-" + signalSourceId;
    }

    public TaskPresentation {
        trials = List.copyOf(trials);
        if (planFrom < 0) {
            throw new IllegalArgumentException("planFrom must be >= 0, got " + planFrom);
        }
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("a task presentation needs at least one trial, got none");
        }
        for (int i = 0; i < trials.size(); i++) {
            if (!trials.get(i).matches("[a-z]{1,6}[1-5]")) {
                throw new IllegalArgumentException("trials[" + i + "] must be a toned syllable such as ma3, got '"
                        + trials.get(i) + "'");
            }
        }
    }

    /**
     * One trial: the cue shows for {@code cueSeconds}, then go leaves {@code attemptSeconds} to speak, then rest for
     * {@code restSeconds} (±20 %).
     */
    public record Timing(double cueSeconds, double attemptSeconds, double restSeconds) {
        /** As the simulator's own calibration: 1 s cue, 1.5 s to speak, 1.2 s rest. */
        public static final Timing DEFAULT = new Timing(1.0, 1.5, 1.2);

        public Timing {
            range("cueSeconds", cueSeconds, 0.2, 10);
            range("attemptSeconds", attemptSeconds, 0.5, 10);
            range("restSeconds", restSeconds, 0.2, 30);
        }

        private static void range(String name, double value, double low, double high) {
            if (!(value >= low && value <= high)) {
                throw new IllegalArgumentException(name + " must be in [" + low + ", " + high + "] s, got " + value);
            }
        }
    }
}
