package org.naoyu.decoder.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.naoyu.decoder.data.FrameSeries;
import org.naoyu.decoder.data.TaskEvent;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.decoder.language.CharacterErrors;
import org.naoyu.decoder.language.SentenceDecoder;
import org.naoyu.decoder.language.SyllableLattice;
import org.naoyu.decoder.model.Posteriors;
import org.naoyu.decoder.stream.AttemptDecoder;
import org.naoyu.decoder.stream.Replay;

/**
 * Free spelling as a participant does it, offline: the onset detector alone finds the attempts in sentence
 * recordings (no cue tells the decoder when or what), each attempt's top toned syllables go to the language model
 * in order, and the sentence it writes is compared with the one the participant meant. Characters per minute count
 * as NeuroXess counts its speller's output: characters over the time spent spelling (from the sentence's first go cue
 * to its end marker, so the time to read the cue is not counted).
 */
public final class FreeSpelling {
    /** Candidates each attempt hands the language model, as the live speller does. */
    public static final int CANDIDATES = 5;
    /** A detected onset may lie this far before the first go cue (the detector's estimate) and still count. */
    private static final double EARLY_SECONDS = 0.2;
    /** An attempt may be detected this long after the sentence's end marker and still belong to it. */
    private static final double LATE_SECONDS = 0.5;

    private FreeSpelling() {
    }

    /**
     * One sentence.
     *
     * @param meant    the sentence the participant spelled
     * @param written  what the speller wrote
     * @param correct  characters right: the sentence's length less the edit distance, at least 0
     * @param attempts attempts the detector found in it
     * @param syllables syllables the participant said
     * @param seconds  time spent spelling it
     */
    public record Sentence(String meant, String written, int correct, int attempts, int syllables, double seconds) {
        public int length() {
            return meant.codePointCount(0, meant.length());
        }
    }

    /**
     * Every sentence of the recordings.
     *
     * @param sentences in the order spelled
     */
    public record Result(List<Sentence> sentences) {
        public Result {
            sentences = List.copyOf(sentences);
        }

        /** Characters right over characters meant, over all sentences. */
        public double characterAccuracy() {
            int meant = sentences.stream().mapToInt(Sentence::length).sum();
            return meant == 0 ? Double.NaN : sentences.stream().mapToInt(Sentence::correct).sum() / (double) meant;
        }

        /** Whole sentences written exactly. */
        public double sentenceAccuracy() {
            return sentences.isEmpty() ? Double.NaN
                    : sentences.stream().filter(s -> s.meant().equals(s.written())).count() / (double) sentences.size();
        }

        public double minutes() {
            return sentences.stream().mapToDouble(Sentence::seconds).sum() / 60;
        }

        /** Characters written per minute of spelling, right or wrong. */
        public double charactersPerMinute() {
            return sentences.stream().mapToInt(s -> s.written().codePointCount(0, s.written().length())).sum()
                    / minutes();
        }

        /** Characters right per minute of spelling. */
        public double correctPerMinute() {
            return sentences.stream().mapToInt(Sentence::correct).sum() / minutes();
        }
    }

    /**
     * Spells every sentence of {@code sessions} (recordings of the sentence task: {@code sentence_start},
     * {@code go} and {@code sentence_end} markers) with a decoder that can find onsets itself.
     *
     * @param inventory the toned syllables the model answers with
     * @throws IllegalArgumentException when a session holds no sentence
     */
    public static Result measure(AttemptDecoder decoder, List<FrameSeries> sessions, List<TonedSyllable> inventory,
            SentenceDecoder language) {
        List<Sentence> sentences = new ArrayList<>();
        for (int s = 0; s < sessions.size(); s++) {
            FrameSeries session = sessions.get(s);
            List<Span> spans = spans(session.events());
            if (spans.isEmpty()) {
                throw new IllegalArgumentException("session " + (s + 1) + " holds no sentence (sentence_start ... "
                        + "sentence_end markers): free spelling needs recordings of the sentence task");
            }
            List<AttemptDecoder.Attempt> found = Replay.run(decoder, session, true);
            for (Span span : spans) {
                SentenceDecoder.Incremental spelling = language.incremental();
                int attempts = 0;
                String written = "";
                for (AttemptDecoder.Attempt attempt : found) {
                    if (attempt.onsetSeconds() >= span.firstGo() - EARLY_SECONDS
                            && attempt.onsetSeconds() < span.end() + LATE_SECONDS) {
                        List<SentenceDecoder.Hypothesis> best = spelling.push(candidates(attempt.posteriors(),
                                inventory), 1);
                        written = best.isEmpty() ? written : best.get(0).text();
                        attempts++;
                    }
                }
                int edits = CharacterErrors.editDistance(written, span.text());
                int length = span.text().codePointCount(0, span.text().length());
                sentences.add(new Sentence(span.text(), written, Math.max(0, length - edits), attempts,
                        span.syllables(), span.end() - span.firstGo()));
            }
        }
        return new Result(sentences);
    }

    private static List<SyllableLattice.Candidate> candidates(Posteriors posteriors, List<TonedSyllable> inventory) {
        return posteriors.topToned(inventory, CANDIDATES).stream().map(Posteriors.Scored::candidate).toList();
    }

    /** A sentence of the recording: its text, syllables, first go cue and end. */
    private record Span(String text, int syllables, double firstGo, double end) {
    }

    private static List<Span> spans(List<TaskEvent> events) {
        List<Span> spans = new ArrayList<>();
        String text = null;
        int syllables = 0;
        double firstGo = Double.NaN;
        for (TaskEvent event : events) {
            switch (event.kind()) {
                case "sentence_start" -> {
                    int bar = event.label().indexOf('|');
                    text = bar < 0 ? event.label() : event.label().substring(0, bar);
                    syllables = bar < 0 ? 0 : event.label().substring(bar + 1).trim().split("\\s+").length;
                    firstGo = Double.NaN;
                }
                case "go" -> {
                    if (text != null && Double.isNaN(firstGo)) {
                        firstGo = event.timeSeconds();
                    }
                }
                case "sentence_end" -> {
                    if (text != null && !Double.isNaN(firstGo)) {
                        spans.add(new Span(text, syllables, firstGo, event.timeSeconds()));
                    }
                    text = null;
                }
                default -> {
                }
            }
        }
        return spans;
    }
}
