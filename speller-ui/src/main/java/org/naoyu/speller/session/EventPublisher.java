package org.naoyu.speller.session;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.lsl.StreamOutlet;
import org.naoyu.speller.session.event.SessionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the session's events go: the {@code naoyu-speller} outlet (one JSON marker each, stamped on this machine's
 * clock), the observers, and the participant's screen that a page opened later starts from. Events are emitted on the
 * session thread; the log broadcasts from any thread.
 */
final class EventPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(OnlineSession.class);

    private final List<OnlineSession.Observer> observers = new CopyOnWriteArrayList<>();
    private final List<SessionEvent.Sentence> sentences = new CopyOnWriteArrayList<>();
    private final Supplier<OnlineSession.Phase> phase;
    private final Supplier<String> cue;
    private StreamOutlet outlet;

    // owned by the session thread
    private List<String> currentBest = List.of();
    private String lastSentence = "";

    private volatile ParticipantState participant = new ParticipantState("watching", "", List.of(), "");

    /** @param phase, cue what the participant's screen shows besides the sentence, read at each event */
    EventPublisher(Supplier<OnlineSession.Phase> phase, Supplier<String> cue) {
        this.phase = phase;
        this.cue = cue;
    }

    /** The outlet every emitted event goes to from now on. */
    void publishTo(StreamOutlet speller) {
        this.outlet = speller;
    }

    void addObserver(OnlineSession.Observer observer) {
        observers.add(observer);
    }

    ParticipantState participant() {
        return participant;
    }

    List<SessionEvent.Sentence> sentences() {
        return List.copyOf(sentences);
    }

    int sentenceCount() {
        return sentences.size();
    }

    /** The sentence's ranked candidates now (empty when none is being spelled). */
    void candidates(List<String> best) {
        currentBest = best;
    }

    /** A sentence has ended: it joins the finished ones and the screen starts a new one. */
    void finished(SessionEvent.Sentence sentence) {
        currentBest = List.of();
        lastSentence = sentence.text();
        sentences.add(sentence);
    }

    /** Publishes an event: the outlet (stamped on this machine's clock), observers, and the participant state. */
    void emit(SessionEvent event, double timestamp) {
        emit(event, timestamp, 0);
    }

    /** @param receivedNanos when the block behind the event was received, for the latency to the pages (0: none) */
    void emit(SessionEvent event, double timestamp, long receivedNanos) {
        String json = Events.json(event);
        try {
            outlet.push(Chunk.ofStrings(1, new double[] {timestamp}, new String[] {json}));
        } catch (RuntimeException e) {
            LOG.warn("naoyu-speller outlet: {}", e.toString());
        }
        participant = new ParticipantState(phase.get().id(), cue.get(), currentBest, lastSentence);
        broadcast(event, receivedNanos);
    }

    /** Hands an event to the observers only (the log). */
    void broadcast(SessionEvent event, long receivedNanos) {
        for (OnlineSession.Observer o : observers) {
            try {
                o.event(event, receivedNanos);
            } catch (RuntimeException e) {
                LOG.warn("an observer failed: {}", e.toString());
            }
        }
    }
}
