package org.naoyu.speller.session.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * What the online session tells the {@code naoyu-speller} marker outlet, the web pages and the headless printer. Each
 * event is written as one JSON object whose {@code "event"} field is its type ({@link #event()}); the other fields,
 * in the order given by each record's {@link JsonPropertyOrder}, are what {@code participant.js}, {@code operator.js}
 * and readers of the marker stream rely on: rename nothing without them.
 */
public sealed interface SessionEvent {
    /** The event's type, its {@code "event"} field in JSON. */
    String event();

    /**
     * An attempt decoded: when it began, what triggered it, the cued syllable (null in free spelling), the best toned
     * syllables with their probabilities, the sentence's ranked candidates and the command it carried.
     *
     * @param trigger {@code cued} or {@code detected}
     * @param command {@code none}, {@code commit} or {@code undo}
     */
    @JsonPropertyOrder({"event", "onset", "trigger", "cue", "syllables", "candidates", "command"})
    record Attempt(double onset, String trigger, String cue, List<Syllable> syllables, List<String> candidates,
            String command) implements SessionEvent {
        public Attempt {
            Objects.requireNonNull(trigger, "trigger");
            Objects.requireNonNull(command, "command");
            syllables = List.copyOf(syllables);
            candidates = List.copyOf(candidates);
        }

        @Override
        @JsonProperty("event")
        public String event() {
            return "attempt";
        }
    }

    /** One decoded syllable of an attempt, its probability rounded to 3 decimals. */
    @JsonPropertyOrder({"syllable", "p"})
    record Syllable(String syllable, double p) {
        public Syllable {
            Objects.requireNonNull(syllable, "syllable");
        }
    }

    /**
     * A finished sentence: its text and pinyin, the cued text (empty in free spelling) and, for a cued sentence, how
     * many characters match the cue at their position ({@code correct} of {@code of}; absent otherwise), and its
     * number in the session (from 0).
     */
    @JsonPropertyOrder({"event", "text", "pinyin", "cued", "correct", "of", "index"})
    record Sentence(String text, String pinyin, String cued,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer correct,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer of, int index) implements SessionEvent {
        public Sentence {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(cued, "cued");
            if (index < 0) {
                throw new IllegalArgumentException("index must be >= 0, got " + index);
            }
        }

        /** A sentence scored against its cue: characters that match the cue at their position, when there is one. */
        public static Sentence scored(String text, String pinyin, String cued, int index) {
            if (cued.isEmpty()) {
                return new Sentence(text, pinyin, cued, null, null, index);
            }
            int right = 0;
            for (int i = 0; i < cued.length(); i++) {
                right += i < text.length() && text.charAt(i) == cued.charAt(i) ? 1 : 0;
            }
            return new Sentence(text, pinyin, cued, right, cued.length(), index);
        }

        @Override
        @JsonProperty("event")
        public String event() {
            return "sentence";
        }
    }

    /**
     * A task cue shown to the participant.
     *
     * @param kind {@code cue} (a syllable), {@code go} (say it now), {@code rest} (text empty) or
     *             {@code sentence_start} (a sentence)
     */
    @JsonPropertyOrder({"event", "kind", "text"})
    record Cue(String kind, String text) implements SessionEvent {
        public Cue {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }

        @Override
        @JsonProperty("event")
        public String event() {
            return "cue";
        }
    }

    /** The session entered a phase, named by its id ({@code free-spelling}, …). */
    @JsonPropertyOrder({"event", "phase"})
    record Phase(String phase) implements SessionEvent {
        public Phase {
            Objects.requireNonNull(phase, "phase");
        }

        @Override
        @JsonProperty("event")
        public String event() {
            return "phase";
        }
    }

    /** The sentence's candidates changed without an attempt (undo, clear, a late revision). */
    @JsonPropertyOrder({"event", "candidates"})
    record Revised(List<String> candidates) implements SessionEvent {
        public Revised {
            candidates = List.copyOf(candidates);
        }

        @Override
        @JsonProperty("event")
        public String event() {
            return "revised";
        }
    }

    /** A line of the session log, stamped with the time of day; for operators only. */
    @JsonPropertyOrder({"event", "line"})
    record Log(String line) implements SessionEvent {
        public Log {
            Objects.requireNonNull(line, "line");
        }

        @Override
        @JsonProperty("event")
        public String event() {
            return "log";
        }
    }
}
