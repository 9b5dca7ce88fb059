package org.naoyu.speller.session;

import java.util.ArrayList;
import java.util.List;
import org.naoyu.decoder.data.TaskEvent;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.decoder.language.SentenceDecoder;
import org.naoyu.decoder.language.Syllable;
import org.naoyu.decoder.language.SyllableLattice;
import org.naoyu.decoder.model.ModelFile;
import org.naoyu.decoder.model.Posteriors;
import org.naoyu.decoder.stream.AttemptDecoder;
import org.naoyu.dsp.FeatureChain;
import org.naoyu.dsp.FeatureConfig;

/**
 * The online path from samples to sentences: the model's feature chain, the attempt decoder (cued by the task's
 * {@code speech_onset} markers, or self-paced with the onset detector), and the language model spelling the sentence
 * syllable by syllable. A sentence starts at {@code sentence_start} and is finished at {@code sentence_end} once its
 * last attempt has been decoded (a window ends 0.9 s after its onset, later than the marker). Runs on the thread
 * that feeds it.
 */
public final class SpellerPipeline {

    /** Candidates handed from each attempt to the language model. */
    static final int CANDIDATES = 5;

    /**
     * One decoded attempt: its onset, how it was found, the cued syllable if any, the decoder's top toned syllables,
     * and the best sentences so far after it.
     */
    public record Attempt(double onsetSeconds, AttemptDecoder.Trigger trigger, String cue,
            List<Posteriors.Scored> syllables, List<SentenceDecoder.Hypothesis> sentence, long decodeNanos) {
    }

    /** A finished sentence: when, the text and pinyin chosen, and the cued text (empty in free spelling). */
    public record Sentence(double timeSeconds, String text, String pinyin, String cuedText) {
    }

    /** Receives what the pipeline decodes, on the thread that feeds it. */
    public interface Listener {
        void attempt(Attempt attempt);

        void sentence(Sentence sentence);
    }

    private final FeatureChain chain;
    private final AttemptDecoder decoder;
    private final SentenceDecoder language;
    private final List<TonedSyllable> inventory;
    private final Listener listener;
    private SentenceDecoder.Incremental spelling;
    private String cuedText = "";
    private double sentenceEnd = Double.NaN;

    /**
     * @param badChannels channels (0-based) this session marks bad: left out of the common average
     */
    public SpellerPipeline(ModelFile.Loaded model, int channels, List<Integer> badChannels, SentenceDecoder language,
            Listener listener) {
        if (channels != model.provenance().channels().size()) {
            throw new IllegalArgumentException("the model takes " + model.provenance().channels().size()
                    + " channels, the stream has " + channels);
        }
        FeatureConfig config = model.provenance().featureConfig().withBadChannels(badChannels);
        this.chain = new FeatureChain(config, channels);
        this.decoder = new AttemptDecoder(model.model(), model.provenance().epochConfig(), config.frameRateHz(),
                model.onset(), this::decoded);
        this.language = language;
        this.inventory = model.provenance().inventory().stream().map(TonedSyllable::parse).toList();
        this.listener = listener;
        this.spelling = language.incremental();
    }

    /** Self-paced spelling (the onset detector finds attempts) or cued (the task's speech onsets do). */
    public void setSelfPaced(boolean on) {
        decoder.setSelfPaced(on);
    }

    /** Feeds {@code samples} samples, sample-major, in µV, the first stamped {@code firstTimestamp}. */
    public void samples(double[] block, int samples, double firstTimestamp) {
        chain.process(block, samples, firstTimestamp, (time, values) -> {
            decoder.accept(time, values);
            finishIfComplete();
        });
    }

    /**
     * A task marker on the samples' clock ({@code sentence_start 我想喝水|wo3 …}, {@code speech_onset wo3},
     * {@code sentence_end}); others are ignored. Markers must arrive no later than the samples they mark.
     */
    public void marker(double timeSeconds, String marker) {
        TaskEvent event = TaskEvent.parse(timeSeconds, marker);
        switch (event.kind()) {
            case "sentence_start" -> {
                spelling = language.incremental();
                int bar = event.label().indexOf('|');
                cuedText = bar < 0 ? event.label() : event.label().substring(0, bar);
                sentenceEnd = Double.NaN;
            }
            case "speech_onset" -> {
                if (!decoder.selfPaced()) {
                    decoder.cue(timeSeconds, event.label());
                }
            }
            case "sentence_end" -> {
                sentenceEnd = timeSeconds;
                finishIfComplete();
            }
            default -> {
            }
        }
    }

    private void decoded(AttemptDecoder.Attempt attempt) {
        List<Posteriors.Scored> top = attempt.posteriors().topToned(inventory, CANDIDATES);
        List<SyllableLattice.Candidate> candidates = new ArrayList<>(top.size());
        for (Posteriors.Scored scored : top) {
            candidates.add(new SyllableLattice.Candidate(new Syllable(scored.syllable().base(),
                    scored.syllable().tone()), Math.log(scored.probability())));
        }
        List<SentenceDecoder.Hypothesis> sentence = spelling.push(candidates, CANDIDATES);
        listener.attempt(new Attempt(attempt.onsetSeconds(), attempt.trigger(), attempt.cue(), top, sentence,
                attempt.decodeNanos()));
    }

    private void finishIfComplete() {
        if (Double.isNaN(sentenceEnd) || decoder.pendingAttempts() > 0) {
            return;
        }
        List<SentenceDecoder.Hypothesis> best = spelling.syllables() == 0 ? List.of() : spelling.finish(1);
        SentenceDecoder.Hypothesis h = best.isEmpty() ? null : best.get(0);
        listener.sentence(new Sentence(sentenceEnd, h == null ? "" : h.text(), h == null ? "" : String.join(" ",
                h.words().stream().flatMap(w -> w.pinyin().stream()).map(Syllable::toString).toList()), cuedText));
        spelling = language.incremental();
        cuedText = "";
        sentenceEnd = Double.NaN;
    }
}
