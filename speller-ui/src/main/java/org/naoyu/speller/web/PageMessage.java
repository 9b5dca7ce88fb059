package org.naoyu.speller.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;
import org.naoyu.speller.session.OperatorStatus;
import org.naoyu.speller.session.ParticipantState;

/**
 * The WebSocket's own messages, beside the session's events: the greeting every page gets, the operator's status,
 * the answer to a sign-in and to a message not understood. Written by Jackson like the session's events, with the
 * type in {@code "event"} first; {@code participant.js} and {@code operator.js} read these names.
 */
sealed interface PageMessage {
    String event();

    /** The greeting: the participant's screen as it is, so a page opened late starts where the others are. */
    @JsonPropertyOrder({"event", "participant"})
    record Hello(ParticipantView participant) implements PageMessage {
        @Override
        @JsonProperty("event")
        public String event() {
            return "hello";
        }
    }

    /** The operator's status, twice a second to signed-in pages. */
    @JsonPropertyOrder({"event", "status"})
    record Status(OperatorStatus status) implements PageMessage {
        @Override
        @JsonProperty("event")
        public String event() {
            return "status";
        }
    }

    /** The answer to {@code {"type":"auth","token":…}}; a refusal says why. */
    @JsonPropertyOrder({"event", "ok", "message"})
    record Auth(boolean ok, @JsonInclude(JsonInclude.Include.NON_NULL) String message) implements PageMessage {
        @Override
        @JsonProperty("event")
        public String event() {
            return "auth";
        }
    }

    /** A message from the page that was not understood. */
    @JsonPropertyOrder({"event", "message"})
    record NotUnderstood(String message) implements PageMessage {
        @Override
        @JsonProperty("event")
        public String event() {
            return "error";
        }
    }

    /**
     * The participant's screen with what the server adds: the finished sentences' texts and whether they can be read
     * aloud ({@code speechReason} says why not; empty when they can).
     */
    @JsonPropertyOrder({"phase", "cue", "candidates", "last", "history", "speech", "speechReason"})
    record ParticipantView(String phase, String cue, List<String> candidates, String last, List<String> history,
            boolean speech, String speechReason) {
        public ParticipantView {
            Objects.requireNonNull(phase, "phase");
            candidates = List.copyOf(candidates);
            history = List.copyOf(history);
        }

        static ParticipantView of(ParticipantState screen, List<String> history, boolean speech, String reason) {
            return new ParticipantView(screen.phase(), screen.cue(), screen.candidates(), screen.last(), history,
                    speech, reason);
        }
    }
}
