package org.naoyu.datasets.corpus;

import java.util.Locale;

/**
 * One event of a speller task as it travels in a string marker stream: {@code "<kind> <label>"}, for example
 * {@code "cue ma3"}, {@code "speech_onset ma3"}, {@code "rest"} or {@code "sentence_start 我想喝水|wo3 xiang3 he1 shui3"}.
 * The simulator writes these, a live session emits the same, and epoching reads them back with {@link #parse}.
 *
 * @param kind  what happened
 * @param label the toned syllable, the sentence ({@code text|pinyin}) or the channel concerned; may be empty
 */
public record TaskMarker(Kind kind, String label) {

    /** The events of cued-syllable and cued-sentence tasks, and the simulator's ground truth about artifacts. */
    public enum Kind {
        /** The syllable to attempt is shown. */
        CUE,
        /** Attempt it now. */
        GO,
        /** The attempt starts (articulatory onset; in the simulator the moment speech activity begins). */
        SPEECH_ONSET,
        /** The attempt ends. */
        SPEECH_OFFSET,
        /** Rest until the next cue. */
        REST,
        /** A sentence to attempt syllable by syllable is shown; label {@code text|pinyin}. */
        SENTENCE_START,
        /** The sentence is over. */
        SENTENCE_END,
        /** Simulator truth: a movement artifact starts on many channels. */
        ARTIFACT_MOVEMENT,
        /** Simulator truth: an electrode pop on the labelled channel. */
        ARTIFACT_POP;

        /** The name in the marker string: {@code speech_onset}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public TaskMarker {
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null");
        }
        label = label == null ? "" : label;
        if (label.indexOf('\n') >= 0 || label.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("label must be one line, got '" + label + "'");
        }
    }

    public static TaskMarker of(Kind kind) {
        return new TaskMarker(kind, "");
    }

    /** The marker string. */
    public String format() {
        return label.isEmpty() ? kind.wireName() : kind.wireName() + " " + label;
    }

    /**
     * Reads a marker string.
     *
     * @throws IllegalArgumentException when it does not start with a known kind; the message lists the kinds
     */
    public static TaskMarker parse(String marker) {
        String trimmed = marker.strip();
        int space = trimmed.indexOf(' ');
        String name = space < 0 ? trimmed : trimmed.substring(0, space);
        for (Kind kind : Kind.values()) {
            if (kind.wireName().equals(name)) {
                return new TaskMarker(kind, space < 0 ? "" : trimmed.substring(space + 1).strip());
            }
        }
        throw new IllegalArgumentException("marker '" + marker + "' must start with one of "
                + java.util.Arrays.stream(Kind.values()).map(Kind::wireName).toList());
    }

    @Override
    public String toString() {
        return format();
    }
}
