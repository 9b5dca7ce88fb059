package org.naoyu.speller.session;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Objects;

/**
 * The participant's screen as the session last left it: the phase (its id), the cue shown, the sentence's ranked
 * candidates and the last finished sentence.
 */
@JsonPropertyOrder({"phase", "cue", "candidates", "last"})
public record ParticipantState(String phase, String cue, List<String> candidates, String last) {
    public ParticipantState {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(cue, "cue");
        Objects.requireNonNull(last, "last");
        candidates = List.copyOf(candidates);
    }
}
