package org.naoyu.speller.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.naoyu.acquisition.LocalClock;
import org.naoyu.decoder.language.SentenceDecoder;
import org.naoyu.decoder.model.Posteriors;
import org.naoyu.speller.session.event.SessionEvent;

/** The pipeline's decodes become session events, the participant's screen, log lines and latency records. */
final class PipelineEvents implements SpellerPipeline.Listener {
    private final EventPublisher publisher;
    private final LatencyStats latency;
    private final SessionLog log;

    // the block being processed, set by the session thread before it reaches the pipeline
    private long blockReceivedNanos;
    private boolean replaying;

    PipelineEvents(EventPublisher publisher, LatencyStats latency, SessionLog log) {
        this.publisher = publisher;
        this.latency = latency;
        this.log = log;
    }

    /**
     * The next block's arrival; a held-back block replayed after settling is not timed (its wait is not the
     * pipeline's).
     */
    void block(long receivedNanos, boolean replayed) {
        this.blockReceivedNanos = receivedNanos;
        this.replaying = replayed;
    }

    @Override
    public void attempt(SpellerPipeline.Attempt attempt) {
        List<SessionEvent.Syllable> syllables = new ArrayList<>(attempt.syllables().size());
        for (Posteriors.Scored s : attempt.syllables()) {
            syllables.add(new SessionEvent.Syllable(s.syllable().toned(), round(s.probability())));
        }
        List<String> texts = attempt.sentence().stream().map(SentenceDecoder.Hypothesis::text).toList();
        SessionEvent.Attempt e = new SessionEvent.Attempt(attempt.onsetSeconds(),
                attempt.trigger().name().toLowerCase(Locale.ROOT), attempt.cue(), syllables, texts,
                attempt.command().name().toLowerCase(Locale.ROOT));
        publisher.candidates(texts);
        publisher.emit(e, attempt.onsetSeconds(), replaying ? 0 : blockReceivedNanos);
        if (!replaying) {
            latency.record(LatencyStats.Stage.END_TO_END, System.nanoTime() - blockReceivedNanos);
            latency.record(LatencyStats.Stage.FROM_SAMPLE_TIMESTAMP,
                    (long) ((LocalClock.now() - attempt.readySeconds()) * 1e9));
        }
    }

    @Override
    public void sentence(SpellerPipeline.Sentence sentence) {
        SessionEvent.Sentence e = SessionEvent.Sentence.scored(sentence.text(), sentence.pinyin(),
                sentence.cuedText(), publisher.sentenceCount());
        publisher.finished(e);
        publisher.emit(e, sentence.timeSeconds());
        log.add("sentence: " + (e.text().isEmpty() ? "(nothing decoded)" : e.text())
                + (e.cued().isEmpty() ? "" : " (cued " + e.cued() + ", " + e.correct() + "/" + e.of()
                + " characters)"));
    }

    @Override
    public void revised(List<SentenceDecoder.Hypothesis> best) {
        List<String> texts = best.stream().map(SentenceDecoder.Hypothesis::text).toList();
        publisher.candidates(texts);
        publisher.emit(new SessionEvent.Revised(texts), LocalClock.now());
    }

    static double round(double p) {
        return Math.round(p * 1000) / 1000.0;
    }
}
