package org.naoyu.decoder.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.naoyu.decoder.SyntheticSessions;
import org.naoyu.decoder.data.EpochConfig;
import org.naoyu.decoder.data.Epochs;
import org.naoyu.decoder.data.FrameSeries;
import org.naoyu.decoder.data.TaskEvent;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.decoder.language.PinyinConverter;
import org.naoyu.decoder.language.SentenceDecoder;
import org.naoyu.decoder.model.LinearTrainer;
import org.naoyu.decoder.model.TrainedModel;
import org.naoyu.decoder.onset.OnsetDetector;
import org.naoyu.decoder.onset.OnsetTrainer;
import org.naoyu.decoder.stream.AttemptDecoder;

/**
 * Free spelling offline: sentences of two syllables, found by the onset detector alone, written by the language
 * model; a decoder that tells the syllables apart writes what the language model makes of their pinyin.
 */
class FreeSpellingTest {
    private static final List<TonedSyllable> INVENTORY = List.of(TonedSyllable.parse("ba1"),
            TonedSyllable.parse("ga2"));

    @Test
    void aGoodDecoderWritesWhatTheLanguageModelMakesOfThePinyinAtTheRightPace() {
        FrameSeries training = SyntheticSessions.session(150, 1);
        TrainedModel model = new LinearTrainer(10, 1e-3, 30, 1).train(Epochs.extract(training.times(),
                training.values(), training.width(), training.frameRateHz(), training.events(),
                EpochConfig.ONSET_LOCKED).epochs(), List.of());
        OnsetDetector onset = new OnsetTrainer(OnsetDetector.Shape.DEFAULT, 3, 0.25, 0.6, 1)
                .train(List.of(training), s -> { }).detector();
        PinyinConverter converter = PinyinConverter.shipped();
        SentenceDecoder language = converter.decoder();
        // every sentence is one syllable pair the session says in a row: "ba1 ga2" or "ga2 ba1"
        FrameSeries sentences = asSentences(SyntheticSessions.session(120, 7), converter);
        AttemptDecoder decoder = new AttemptDecoder(model, EpochConfig.ONSET_LOCKED, 100, onset, a -> { });

        FreeSpelling.Result result = FreeSpelling.measure(decoder, List.of(sentences), INVENTORY, language);
        assertTrue(result.sentences().size() >= 15, "sentences: " + result.sentences().size());
        long written = result.sentences().stream().filter(s -> s.written().equals(s.meant())).count();
        assertTrue(written >= 0.8 * result.sentences().size(), "written as meant: " + written + " of "
                + result.sentences());
        assertTrue(result.characterAccuracy() >= 0.85, "characters " + result.characterAccuracy());
        for (FreeSpelling.Sentence sentence : result.sentences()) {
            assertEquals(2, sentence.syllables());
            assertTrue(sentence.correct() <= sentence.length());
            assertTrue(sentence.seconds() > 2 && sentence.seconds() < 4.5, "first go to end: " + sentence.seconds());
        }
        double characters = result.sentences().stream().mapToInt(s -> s.written().length()).sum();
        assertEquals(characters / result.minutes(), result.charactersPerMinute(), 1e-9);
        assertTrue(result.correctPerMinute() <= result.charactersPerMinute() + 1e-9);

        FrameSeries noSentences = SyntheticSessions.session(30, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FreeSpelling.measure(decoder, List.of(noSentences), INVENTORY, language));
        assertTrue(e.getMessage().startsWith("session 1 holds no sentence"), e.getMessage());
    }

    /** Pairs the session's attempts into sentences with start, go and end markers, as the sentence task marks them. */
    private static FrameSeries asSentences(FrameSeries session, PinyinConverter converter) {
        List<TaskEvent> onsets = session.events().stream().filter(e -> e.kind().equals("speech_onset")).toList();
        List<TaskEvent> events = new ArrayList<>(session.events());
        for (int i = 0; i + 1 < onsets.size(); i += 2) {
            TaskEvent first = onsets.get(i);
            TaskEvent second = onsets.get(i + 1);
            String pinyin = first.label() + " " + second.label();
            String text = converter.convert(pinyin, 1).get(0).text();
            events.add(new TaskEvent(first.timeSeconds() - 0.8, "sentence_start", text + "|" + pinyin));
            events.add(new TaskEvent(first.timeSeconds() - 0.3, "go", first.label()));
            events.add(new TaskEvent(second.timeSeconds() - 0.3, "go", second.label()));
            events.add(new TaskEvent(second.timeSeconds() + 0.8, "sentence_end", text));
        }
        events.sort(java.util.Comparator.comparingDouble(TaskEvent::timeSeconds));
        return new FrameSeries(session.times(), session.values(), session.width(), session.frameRateHz(), events);
    }
}
