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
import org.naoyu.decoder.onset.SpeechSegment;
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
            List<Posteriors.Scored> syllables, List<SentenceDecoder.Hypothesis> sentence, double readySeconds,
            long decodeNanos, long languageNanos, Command command) {
    }

    /** What an attempt did besides spelling: decoded command syllables commit or undo in free spelling. */
    public enum Command { NONE, COMMIT, UNDO }

    /** A finished sentence: when, the text and pinyin chosen, and the cued text (empty in free spelling). */
    public record Sentence(double timeSeconds, String text, String pinyin, String cuedText) {
    }

    /** Receives what the pipeline decodes, on the thread that feeds it. */
    public interface Listener {
        void attempt(Attempt attempt);

        void sentence(Sentence sentence);

        /** The sentence being spelled changed without an attempt (undo, clear): its best hypotheses now. */
        default void revised(List<SentenceDecoder.Hypothesis> sentence) {
        }
    }

    /** The syllables that act as commands in free spelling, or null when none (the default). */
    public record CommandSyllables(String commit, String undo, double minProbability) {
    }

    private final FeatureChain chain;
    private final AttemptDecoder decoder;
    private final SentenceDecoder language;
    private final List<TonedSyllable> inventory;
    private final Listener listener;
    private final LatencyStats latency;
    private final double[] highGamma;
    private final int features;
    private final List<List<SyllableLattice.Candidate>> pushed = new ArrayList<>();
    private SentenceDecoder.Incremental spelling;
    private String cuedText = "";
    private double sentenceEnd = Double.NaN;
    private CommandSyllables commands;
    /** A sentence has started (its start marked, or a syllable decoded) and not yet finished. */
    private boolean sentenceOpen;

    /**
     * @param badChannels channels (0-based) this session marks bad: left out of the common average
     */
    public SpellerPipeline(ModelFile.Loaded model, int channels, List<Integer> badChannels, SentenceDecoder language,
            Listener listener) {
        this(model, channels, badChannels, language, listener, new LatencyStats());
    }

    /**
     * @param badChannels channels (0-based) this session marks bad: left out of the common average
     * @param latency     where the dsp, decoder and language-model stages record their times
     */
    public SpellerPipeline(ModelFile.Loaded model, int channels, List<Integer> badChannels, SentenceDecoder language,
            Listener listener, LatencyStats latency) {
        if (channels != model.provenance().channels().size()) {
            throw new IllegalArgumentException("the model takes " + model.provenance().channels().size()
                    + " channels, the stream has " + channels);
        }
        FeatureConfig config = model.provenance().featureConfig().withBadChannels(badChannels);
        this.chain = new FeatureChain(config, channels);
        this.decoder = new AttemptDecoder(model.model(), model.provenance().epochConfig(), config.frameRateHz(),
                model.onset(), this::decoded);
        this.language = language;
        this.inventory = model.model().outputs();
        this.listener = listener;
        this.spelling = language.incremental();
        this.latency = latency;
        this.features = config.features().size();
        this.highGamma = new double[channels];
    }

    /** Self-paced spelling (the onset detector finds attempts) or cued (the task's speech onsets do). */
    public void setSelfPaced(boolean on) {
        decoder.setSelfPaced(on);
    }

    /** Feeds {@code samples} samples, sample-major, in µV, the first stamped {@code firstTimestamp}. */
    public void samples(double[] block, int samples, double firstTimestamp) {
        long start = System.nanoTime();
        chain.process(block, samples, firstTimestamp, this::frame);
        latency.record(LatencyStats.Stage.DSP_BLOCK, System.nanoTime() - start - decodingNanos);
        decodingNanos = 0;
    }

    /** Nanoseconds spent decoding attempts inside the current block, so the dsp figure leaves them out. */
    private long decodingNanos;

    private void frame(double time, double[] values) {
        // a display of live high gamma: each channel's features averaged, smoothed over about 0.2 s of frames
        for (int c = 0; c < highGamma.length; c++) {
            double sum = 0;
            for (int f = 0; f < features; f++) {
                sum += values[c * features + f];
            }
            double v = sum / features;
            highGamma[c] = Double.isFinite(v) ? highGamma[c] + 0.05 * (v - highGamma[c]) : highGamma[c];
        }
        decoder.accept(time, values);
        finishIfComplete();
    }

    /** Copies each channel's smoothed high-gamma z-score (averaged over the model's features) into {@code out}. */
    public void highGamma(double[] out) {
        System.arraycopy(highGamma, 0, out, 0, highGamma.length);
    }

    /** The onset detector's last speech probability (NaN without a detector). */
    public double speechProbability() {
        return decoder.speechProbability();
    }

    /** Marks channels bad while running: they leave the common average from the next block on. */
    public void setBadChannels(List<Integer> bad) {
        chain.setBadChannels(bad.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Decoded command syllables (commit, undo) for free spelling; null for none. */
    public void setCommands(CommandSyllables commands) {
        this.commands = commands;
    }

    /** Whether {@code model} can spell self-paced: an onset detector and windows locked to speech onsets. */
    public static boolean canSpellSelfPaced(ModelFile.Loaded model) {
        return model.onset() != null && model.provenance().epochConfig().lockKind().equals(SpeechSegment.ONSET);
    }

    /** Whether bad channels can be marked: the model's features use a common average they can leave. */
    public static boolean hasCommonAverage(ModelFile.Loaded model) {
        return model.provenance().featureConfig().commonAverage();
    }

    /** Drops the last syllable of the sentence being spelled; returns the best sentences after it. */
    public List<SentenceDecoder.Hypothesis> undo() {
        if (pushed.isEmpty()) {
            throw new IllegalStateException("nothing to undo: no syllable of this sentence has been decoded yet");
        }
        if (!pushed.isEmpty()) {
            pushed.remove(pushed.size() - 1);
        }
        spelling = language.incremental();
        for (List<SyllableLattice.Candidate> candidates : pushed) {
            spelling.push(candidates, CANDIDATES);
        }
        List<SentenceDecoder.Hypothesis> best = pushed.isEmpty() ? List.of() : spelling.best(CANDIDATES);
        listener.revised(best);
        return best;
    }

    /**
     * Ends the sentence being spelled, as if its end had been marked at {@code timeSeconds}: it is finished once the
     * attempts already under way have been decoded.
     */
    public void commit(double timeSeconds) {
        if (pushed.isEmpty() && !sentenceOpen) {
            throw new IllegalStateException("nothing to commit: no syllable of a sentence has been decoded yet");
        }
        sentenceOpen = true;
        sentenceEnd = timeSeconds;
        finishIfComplete();
    }

    /** Forgets the sentence being spelled and the attempts still waiting for their windows. */
    public void clear() {
        pushed.clear();
        decoder.cancelPending();
        spelling = language.incremental();
        cuedText = "";
        sentenceEnd = Double.NaN;
        sentenceOpen = false;
        listener.revised(List.of());
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
                pushed.clear();
                sentenceOpen = true;
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
                if (sentenceOpen) { // an end without its start (joined mid-sentence, or committed early) ends nothing
                    sentenceEnd = timeSeconds;
                    finishIfComplete();
                }
            }
            default -> {
            }
        }
    }

    private void decoded(AttemptDecoder.Attempt attempt) {
        long handlingStart = System.nanoTime();
        List<Posteriors.Scored> top = attempt.posteriors().topToned(inventory, CANDIDATES);
        List<SyllableLattice.Candidate> candidates = top.stream().map(Posteriors.Scored::candidate).toList();
        latency.record(LatencyStats.Stage.DECODER, attempt.decodeNanos());
        Command command = command(top);
        long start = System.nanoTime();
        List<SentenceDecoder.Hypothesis> sentence;
        if (command == Command.NONE) {
            sentence = spelling.push(candidates, CANDIDATES);
            pushed.add(candidates);
            sentenceOpen = true;
        } else {
            sentence = pushed.isEmpty() ? List.of() : spelling.best(CANDIDATES);
        }
        long languageNanos = System.nanoTime() - start;
        latency.record(LatencyStats.Stage.LANGUAGE_MODEL, languageNanos);
        listener.attempt(new Attempt(attempt.onsetSeconds(), attempt.trigger(), attempt.cue(), top, sentence,
                attempt.readySeconds(), attempt.decodeNanos(), languageNanos, command));
        if (command == Command.UNDO && !pushed.isEmpty()) {
            undo();
        } else if (command == Command.COMMIT && (!pushed.isEmpty() || sentenceOpen)) {
            commit(attempt.onsetSeconds());
        }
        // the decoder's own time was spent before this call; all of it is attempt work, not dsp
        decodingNanos += attempt.decodeNanos() + System.nanoTime() - handlingStart;
    }

    private Command command(List<Posteriors.Scored> top) {
        if (commands == null || !decoder.selfPaced() || top.isEmpty()
                || top.get(0).probability() < commands.minProbability()) {
            return Command.NONE;
        }
        String best = top.get(0).syllable().toned();
        return best.equals(commands.commit()) ? Command.COMMIT : best.equals(commands.undo()) ? Command.UNDO
                : Command.NONE;
    }

    private void finishIfComplete() {
        if (!Double.isNaN(sentenceEnd) && decoder.pendingAttempts() == 0) {
            finish();
        }
    }

    private void finish() {
        List<SentenceDecoder.Hypothesis> best = spelling.syllables() == 0 ? List.of() : spelling.finish(1);
        SentenceDecoder.Hypothesis h = best.isEmpty() ? null : best.get(0);
        listener.sentence(new Sentence(sentenceEnd, h == null ? "" : h.text(), h == null ? "" : String.join(" ",
                h.words().stream().flatMap(w -> w.pinyin().stream()).map(Syllable::toString).toList()), cuedText));
        spelling = language.incremental();
        pushed.clear();
        cuedText = "";
        sentenceEnd = Double.NaN;
        sentenceOpen = false;
    }
}
