package org.naoyu.speller.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.acquisition.Chunk;
import org.naoyu.datasets.RecordedEvent;
import org.naoyu.datasets.RecordedStream;
import org.naoyu.datasets.Recording;
import org.naoyu.decoder.language.PinyinConverter;
import org.naoyu.decoder.model.ModelFile;
import org.naoyu.speller.Cli;
import org.naoyu.speller.launch.DemoSetup;
import org.naoyu.speller.signal.RecordingFiles;

/**
 * Samples to sentences: a decoder trained on a simulated calibration spells two cued sentences of another simulated
 * session, fed in 10-ms blocks with their markers, as the online session will.
 */
@Timeout(300)
class SpellerPipelineTest {
    @TempDir
    static Path dir;

    @Test
    void cuedSentencesComeOutAsTheirCharacters() throws Exception {
        Path sentences = dir.resolve("sentences.tsv");
        Files.writeString(sentences, "我想喝水\two3 xiang3 he1 shui3\n请帮我开灯\tqing3 bang1 wo3 kai1 deng1\n");
        // calibration as the task will be: the syllables spoken in sentences, one after another
        Path calibration = dir.resolve("calibration.xdf");
        assertEquals(0, Cli.naoyu("simulate", "--out", calibration.toString(), "--seconds", "300", "--channels", "32",
                "--rate", "1000", "--snr", "6", "--task", "sentences", "--sentences", sentences.toString(), "--seed",
                "1").exitCode());
        Path model = dir.resolve("model.zip");
        Cli.Run trained = Cli.naoyu("train", "--data", calibration.toString(), "--out", model.toString(),
                "--baseline", "--epochs", "40", "--window", "-0.1,0.6");
        assertEquals(0, trained.exitCode(), trained.err());
        Path session = dir.resolve("session.xdf");
        Cli.Run simulated = Cli.naoyu("simulate", "--out", session.toString(), "--seconds", "60", "--channels", "32",
                "--rate", "1000", "--snr", "6", "--task", "sentences", "--sentences", sentences.toString(), "--seed",
                "2");
        assertEquals(0, simulated.exitCode(), simulated.err());

        ModelFile.Loaded loaded = ModelFile.load(model);
        Recording recording = RecordingFiles.open(session);
        RecordedStream signal = RecordingFiles.signal(recording, null);
        int channels = signal.info().channelCount();
        Collected collected = new Collected();
        List<SpellerPipeline.Sentence> spelled = collected.spelled;
        List<SpellerPipeline.Attempt> attempts = collected.attempts;
        SpellerPipeline pipeline = new SpellerPipeline(loaded, channels, List.of(),
                PinyinConverter.shipped().decoder(), collected);
        List<RecordedEvent> markers = recording.events().stream()
                .sorted(Comparator.comparingDouble(RecordedEvent::timeSeconds)).toList();
        Chunk chunk = signal.samples();
        double[] all = new double[chunk.sampleCount() * channels];
        chunk.copyTo(all, 0);
        int block = 10; // 10 ms at 1 kHz, as an LSL inlet hands them over
        double[] buffer = new double[block * channels];
        int next = 0;
        for (int s = 0; s + block <= chunk.sampleCount(); s += block) {
            double t = chunk.timestamps()[s];
            while (next < markers.size() && markers.get(next).timeSeconds() <= t) {
                pipeline.marker(markers.get(next).timeSeconds(), markers.get(next).label());
                next++;
            }
            System.arraycopy(all, s * channels, buffer, 0, block * channels);
            pipeline.samples(buffer, block, t);
        }
        assertTrue(spelled.size() >= 2, spelled.toString());
        int characters = 0;
        int right = 0;
        for (SpellerPipeline.Sentence sentence : spelled) {
            assertTrue(List.of("我想喝水", "请帮我开灯").contains(sentence.cuedText()), sentence.toString());
            for (int i = 0; i < sentence.cuedText().length(); i++) {
                characters++;
                right += i < sentence.text().length() && sentence.text().charAt(i) == sentence.cuedText().charAt(i)
                        ? 1 : 0;
            }
        }
        assertTrue(right >= 0.9 * characters, right + " of " + characters + " characters: " + spelled);
        assertTrue(attempts.stream().allMatch(a -> a.syllables().size() == 5 && !a.sentence().isEmpty()));
    }

    /** Undo, commit and clear in the middle of a sentence, as the operator or a command syllable does them. */
    @Test
    void undoCommitAndClearChangeTheSentenceBeingSpelled() throws Exception {
        Path model = DemoSetup.model(dir.resolve("demo"), 32, 1000, 6, 120,
                new java.io.PrintWriter(new java.io.StringWriter(), true));
        Path session = dir.resolve("undo-session.xdf");
        assertEquals(0, Cli.naoyu("simulate", "--out", session.toString(), "--seconds", "30", "--channels", "32",
                "--rate", "1000", "--snr", "6", "--task", "sentences", "--sentences", demoSentences().toString(),
                "--seed", "7").exitCode());
        Collected collected = new Collected();
        List<SpellerPipeline.Attempt> attempts = collected.attempts;
        List<SpellerPipeline.Sentence> spelled = collected.spelled;
        List<List<org.naoyu.decoder.language.SentenceDecoder.Hypothesis>> revised = collected.revised;
        Recording recording = RecordingFiles.open(session);
        RecordedStream signal = RecordingFiles.signal(recording, null);
        int channels = signal.info().channelCount();
        SpellerPipeline pipeline = new SpellerPipeline(ModelFile.load(model), channels, List.of(),
                PinyinConverter.shipped().decoder(), collected);
        pipeline.setSelfPaced(true); // free spelling: nothing ends a sentence but commit
        Chunk chunk = signal.samples();
        double[] all = new double[chunk.sampleCount() * channels];
        chunk.copyTo(all, 0);
        double[] buffer = new double[10 * channels];
        for (int s = 0; s + 10 <= chunk.sampleCount() && attempts.size() < 3; s += 10) {
            System.arraycopy(all, s * channels, buffer, 0, buffer.length);
            pipeline.samples(buffer, 10, chunk.timestamps()[s]);
        }
        assertEquals(3, attempts.size(), "three attempts detected in 30 s of sentences");
        assertTrue(attempts.stream().allMatch(a -> a.trigger() == org.naoyu.decoder.stream.AttemptDecoder
                .Trigger.DETECTED));
        int syllables = syllables(attempts.get(2).sentence().get(0));
        assertEquals(3, syllables);

        pipeline.undo();
        assertEquals(1, revised.size());
        assertEquals(2, syllables(revised.get(0).get(0)), "undo takes back exactly one syllable");
        pipeline.commit(99.0);
        assertEquals(1, spelled.size());
        assertEquals(revised.get(0).get(0).text(), spelled.get(0).text(), "commit keeps what the screen showed");
        assertEquals(99.0, spelled.get(0).timeSeconds());
        IllegalStateException nothing = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                pipeline::undo);
        assertTrue(nothing.getMessage().startsWith("nothing to undo"), nothing.getMessage());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> pipeline.commit(100.0),
                "an empty sentence is not committed");
        pipeline.clear();
        assertEquals(2, revised.size());
        assertTrue(revised.get(1).isEmpty());
        // an end marker without its start (the session joined mid-sentence) finishes nothing
        pipeline.marker(101.0, "sentence_end");
        assertEquals(1, spelled.size());
    }

    private static int syllables(org.naoyu.decoder.language.SentenceDecoder.Hypothesis h) {
        return h.words().stream().mapToInt(w -> w.pinyin().size()).sum();
    }

    private static Path demoSentences() throws java.io.IOException {
        Path file = dir.resolve("demo-sentences.tsv");
        StringBuilder text = new StringBuilder();
        for (org.naoyu.datasets.corpus.Sentence s : DemoSetup.SENTENCES) {
            text.append(s.text()).append('\t').append(String.join(" ", s.syllables())).append('\n');
        }
        Files.writeString(file, text.toString());
        return file;
    }

    /** Everything a pipeline reports, kept in order. */
    private static final class Collected implements SpellerPipeline.Listener {
        final List<SpellerPipeline.Attempt> attempts = new ArrayList<>();
        final List<SpellerPipeline.Sentence> spelled = new ArrayList<>();
        final List<List<org.naoyu.decoder.language.SentenceDecoder.Hypothesis>> revised = new ArrayList<>();

        @Override
        public void attempt(SpellerPipeline.Attempt attempt) {
            attempts.add(attempt);
        }

        @Override
        public void sentence(SpellerPipeline.Sentence sentence) {
            spelled.add(sentence);
        }

        @Override
        public void revised(List<org.naoyu.decoder.language.SentenceDecoder.Hypothesis> best) {
            revised.add(best);
        }
    }
}
