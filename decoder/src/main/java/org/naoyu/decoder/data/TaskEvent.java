package org.naoyu.decoder.data;

/**
 * A task event on the recording's clock: a marker {@code "kind label"} as the simulator and live sessions write them
 * ({@code "speech_onset ma3"}, {@code "go ma3"}, {@code "cue ma3"}), read without depending on where it came from.
 */
public record TaskEvent(double timeSeconds, String kind, String label) {
    public TaskEvent {
        if (!Double.isFinite(timeSeconds)) {
            throw new IllegalArgumentException("timeSeconds must be finite, got " + timeSeconds);
        }
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("kind must not be empty");
        }
        label = label == null ? "" : label;
    }

    /** Splits a marker string at its first space into kind and label. */
    public static TaskEvent parse(double timeSeconds, String marker) {
        String trimmed = marker.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? new TaskEvent(timeSeconds, trimmed, "")
                : new TaskEvent(timeSeconds, trimmed.substring(0, space), trimmed.substring(space + 1).strip());
    }
}
