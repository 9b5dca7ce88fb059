package org.naoyu.decoder.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.naoyu.decoder.SyntheticSessions;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.EpochConfig;
import org.naoyu.decoder.data.Epochs;
import org.naoyu.decoder.data.FrameSeries;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.decoder.model.DualHeadNetwork;
import org.naoyu.decoder.model.LinearTrainer;
import org.naoyu.decoder.model.Posteriors;
import org.naoyu.decoder.model.TrainedModel;
import org.naoyu.decoder.onset.OnsetDetector;
import org.naoyu.decoder.onset.OnsetScore;
import org.naoyu.decoder.onset.OnsetTrainer;
import org.naoyu.decoder.onset.SpeechSegment;

/** Frames in, attempts out: streamed cued attempts equal the offline epochs' posteriors; self-paced ones are found. */
class AttemptDecoderTest {
    private static final EpochConfig WINDOW = EpochConfig.ONSET_LOCKED;
    private static final List<TonedSyllable> INVENTORY = List.of(TonedSyllable.parse("ba1"),
            TonedSyllable.parse("ga2"));
    private static TrainedModel model;
    private static OnsetDetector onset;
    private static FrameSeries unseen;

    @BeforeAll
    static void train() {
        FrameSeries training = SyntheticSessions.session(150, 1);
        List<Epoch> epochs = epochs(training);
        model = new LinearTrainer(10, 1e-3, 30, 1).train(epochs, List.of());
        onset = new OnsetTrainer(OnsetDetector.Shape.DEFAULT, 3, 0.25, 0.6, 1).train(List.of(training), s -> { })
                .detector();
        unseen = SyntheticSessions.session(90, 5);
    }

    private static List<Epoch> epochs(FrameSeries series) {
        return Epochs.extract(series.times(), series.values(), series.width(), series.frameRateHz(), series.events(),
                WINDOW).epochs();
    }

    @Test
    void cuedAttemptsStreamedGiveTheOfflinePosteriors() {
        AttemptDecoder decoder = new AttemptDecoder(model, WINDOW, 100, onset, a -> { });
        List<AttemptDecoder.Attempt> attempts = Replay.run(decoder, unseen, false);
        List<Epoch> offline = epochs(unseen);
        assertEquals(offline.size(), attempts.size());
        List<Posteriors> expected = model.predict(offline);
        for (int i = 0; i < attempts.size(); i++) {
            AttemptDecoder.Attempt attempt = attempts.get(i);
            assertEquals(AttemptDecoder.Trigger.CUED, attempt.trigger());
            assertEquals(offline.get(i).lockSeconds(), attempt.onsetSeconds(), 1e-12);
            assertEquals(offline.get(i).label().toned(), attempt.cue());
            assertArrayEquals(expected.get(i).base(), attempt.posteriors().base(), 1e-6);
            assertArrayEquals(expected.get(i).tone(), attempt.posteriors().tone(), 1e-6);
            // decoded as soon as the window's last frame came, 0.9 s after onset
            assertEquals(attempt.onsetSeconds() + 0.9, attempt.readySeconds(), 0.011);
            assertTrue(attempt.decodeNanos() > 0);
        }
    }

    @Test
    void aNetworkStreamedFrameByFrameGivesDl4jsPosteriorsForTheOfflineEpochs() {
        int frames = (int) Math.round(WINDOW.lengthSeconds() * 100);
        TrainedModel network = new DualHeadNetwork(List.of("ba", "ga"), SyntheticSessions.WIDTH, frames,
                DualHeadNetwork.Settings.DEFAULT).model();
        List<AttemptDecoder.Attempt> attempts = Replay.run(new AttemptDecoder(network, WINDOW, 100, null, a -> { }),
                unseen, false);
        List<Epoch> offline = epochs(unseen);
        assertEquals(offline.size(), attempts.size());
        List<Posteriors> expected = network.predict(offline);
        for (int i = 0; i < attempts.size(); i++) {
            assertArrayEquals(expected.get(i).base(), attempts.get(i).posteriors().base(), 2e-5, "attempt " + i);
            assertArrayEquals(expected.get(i).tone(), attempts.get(i).posteriors().tone(), 2e-5, "attempt " + i);
        }
    }

    @Test
    void selfPacedAttemptsAreFoundAndDecoded() {
        AttemptDecoder decoder = new AttemptDecoder(model, WINDOW, 100, onset, a -> { });
        List<AttemptDecoder.Attempt> attempts = Replay.run(decoder, unseen, true);
        List<SpeechSegment> truth = SpeechSegment.of(unseen.events(), 0.5);
        double lag = onset.rule().lagSeconds();
        double[] detections = attempts.stream().mapToDouble(a -> a.onsetSeconds() + lag).toArray();
        OnsetScore score = OnsetScore.of(truth, detections, lag);
        assertTrue(score.f1() > 0.9, score.toString());
        assertTrue(score.medianAbsError() < 0.03, score.toString());
        int[] matched = OnsetScore.match(truth, detections);
        int right = 0;
        for (int t = 0; t < truth.size(); t++) {
            if (matched[t] >= 0) {
                AttemptDecoder.Attempt attempt = attempts.get(matched[t]);
                assertEquals(AttemptDecoder.Trigger.DETECTED, attempt.trigger());
                assertEquals("", attempt.cue());
                right += attempt.posteriors().topToned(INVENTORY, 1).get(0).syllable().toned()
                        .equals(truth.get(t).label()) ? 1 : 0;
            }
        }
        assertTrue(right >= 0.9 * score.hits(), right + " of " + score.hits() + " found attempts decoded right");
    }

    @Test
    void anAttemptWhoseWindowHasLeftTheRingIsDropped() {
        List<AttemptDecoder.Attempt> got = new ArrayList<>();
        AttemptDecoder decoder = new AttemptDecoder(model, WINDOW, 100, null, got::add);
        double[] frame = new double[SyntheticSessions.WIDTH];
        for (int f = 0; f < 500; f++) {
            decoder.accept(f / 100.0, frame);
        }
        decoder.cue(0.5, "ba1"); // 4.5 s in the past: its frames are gone
        decoder.cue(4.5, "ga2");
        for (int f = 500; f < 600; f++) {
            decoder.accept(f / 100.0, frame);
        }
        assertEquals(1, got.size());
        assertEquals(4.5, got.get(0).onsetSeconds(), 0);
        assertEquals(1, decoder.droppedAttempts());
        assertEquals("self-paced decoding needs a model with an onset detector",
                assertThrows(IllegalStateException.class, () -> decoder.setSelfPaced(true)).getMessage());
    }

    @Test
    void jitteredTimestampsGiveTheOfflineWindows() {
        java.util.Random random = new java.util.Random(9);
        double[] times = unseen.times().clone();
        for (int f = 0; f < times.length; f++) {
            times[f] += 0.002 * (2 * random.nextDouble() - 1); // ±2 ms around the 10-ms grid
        }
        FrameSeries jittered = new FrameSeries(times, unseen.values(), unseen.width(), unseen.frameRateHz(),
                unseen.events());
        List<AttemptDecoder.Attempt> attempts = Replay.run(new AttemptDecoder(model, WINDOW, 100, null, a -> { }),
                jittered, false);
        List<Epoch> offline = epochs(jittered);
        assertEquals(offline.size(), attempts.size());
        List<Posteriors> expected = model.predict(offline);
        for (int i = 0; i < attempts.size(); i++) {
            assertArrayEquals(expected.get(i).base(), attempts.get(i).posteriors().base(), 1e-6, "attempt " + i);
        }
    }

    @Test
    void aGapDropsTheAttemptsThatWouldSpanItAndTheStreamGoesOn() {
        List<AttemptDecoder.Attempt> got = new ArrayList<>();
        AttemptDecoder decoder = new AttemptDecoder(model, WINDOW, 100, null, got::add);
        double[] frame = new double[SyntheticSessions.WIDTH];
        for (int f = 0; f < 300; f++) {
            decoder.accept(f / 100.0, frame);
        }
        decoder.cue(2.8, "ba1"); // its window needs frames up to 3.7 s; the stream jumps from 2.99 s to 10 s
        for (int f = 1000; f < 1200; f++) {
            decoder.accept(f / 100.0, frame);
        }
        decoder.cue(10.5, "ga2");
        assertEquals(1, decoder.pendingAttempts());
        for (int f = 1200; f < 1300; f++) {
            decoder.accept(f / 100.0, frame);
        }
        assertEquals(1, decoder.droppedAttempts());
        assertEquals(0, decoder.pendingAttempts());
        assertEquals(List.of(10.5), got.stream().map(AttemptDecoder.Attempt::onsetSeconds).toList());
    }

    @Test
    void badInputIsRefusedWithWhatWasWrong() {
        List<AttemptDecoder.Attempt> got = new ArrayList<>();
        AttemptDecoder decoder = new AttemptDecoder(model, WINDOW, 100, null, got::add);
        double[] frame = new double[SyntheticSessions.WIDTH];
        decoder.accept(1.0, frame);
        assertEquals("frame times must increase: 0.990000 s came after 1.000000 s",
                assertThrows(IllegalArgumentException.class, () -> decoder.accept(0.99, frame)).getMessage());
        assertEquals("a frame needs exactly 6 values, got 7",
                assertThrows(IllegalArgumentException.class, () -> decoder.accept(1.01, new double[7])).getMessage());
        assertEquals("a cue's onset must be a finite time in seconds, got NaN",
                assertThrows(IllegalArgumentException.class, () -> decoder.cue(Double.NaN, "ba1")).getMessage());
        // cues out of order are decoded in onset order; NaN values in frames enter as the mean
        decoder.cue(3.0, "ga2");
        decoder.cue(2.0, "ba1");
        double[] broken = frame.clone();
        broken[2] = Double.NaN;
        for (int f = 101; f < 500; f++) {
            decoder.accept(f / 100.0, f % 7 == 0 ? broken : frame);
        }
        assertEquals(List.of(2.0, 3.0), got.stream().map(AttemptDecoder.Attempt::onsetSeconds).toList());
        for (AttemptDecoder.Attempt attempt : got) {
            assertTrue(java.util.Arrays.stream(attempt.posteriors().base()).allMatch(Double::isFinite));
        }
        AttemptDecoder cueLocked = new AttemptDecoder(model, new EpochConfig("go", 0.2, 1.0, 0, 0), 100, onset,
                a -> { });
        assertEquals("self-paced decoding needs a model whose windows are locked to speech onsets; this one is locked "
                + "to 'go'", assertThrows(IllegalStateException.class, () -> cueLocked.setSelfPaced(true)).getMessage());
    }

    @Test
    void aWindowThatDoesNotFitTheModelIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AttemptDecoder(model, new EpochConfig("speech_onset", -0.1, 0.5, 0, 0), 100, null, a -> { }));
        assertTrue(e.getMessage().endsWith("is 50 frames; the model takes 100"), e.getMessage());
    }
}
