package org.naoyu.decoder.onset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.naoyu.decoder.SyntheticSessions;
import org.naoyu.decoder.data.FrameSeries;

/** The onset detector learns speech from markers, finds attempts in a session it has not seen, and streams alike. */
class OnsetDetectorTest {
    private static OnsetTrainer.Result trained;
    private static FrameSeries unseen;

    @BeforeAll
    static void train() {
        List<String> log = new ArrayList<>();
        trained = new OnsetTrainer(OnsetDetector.Shape.DEFAULT, 3, 0.25, 0.6, 7).train(
                List.of(SyntheticSessions.session(120, 1), SyntheticSessions.session(120, 2)), log::add);
        assertEquals(3, log.size());
        assertTrue(log.get(2).startsWith("onset detector pass 3/3  loss "), log.get(2));
        unseen = SyntheticSessions.session(150, 3);
    }

    @Test
    void findsTheAttemptsOfAnUnseenSessionWithTheLagItMeasured() {
        assertTrue(trained.tuning().f1() > 0.9, "tuning " + trained.tuning());
        OnsetDetector detector = trained.detector();
        // the synthetic activity starts 50 ms after the marker and needs a few frames to show
        assertTrue(detector.rule().lagSeconds() > 0.04 && detector.rule().lagSeconds() < 0.2, detector.rule().toString());
        OnsetScore score = OnsetScore.of(SpeechSegment.of(unseen.events(), 0.5), detector.detections(unseen),
                detector.rule().lagSeconds());
        assertTrue(score.attempts() > 40, score.toString());
        assertTrue(score.f1() > 0.9, score.toString());
        assertTrue(score.medianAbsError() < 0.03, score.toString());
    }

    @Test
    void theLiveDetectorGivesTheOfflineProbabilitiesAndOnsets() {
        OnsetDetector detector = trained.detector();
        FrameSeries part = unseen.slice(0, 3000);
        double[] offline = detector.probabilities(part);
        OnsetDetector.Live live = detector.live();
        double[] frame = new double[part.width()];
        List<Double> onsets = new ArrayList<>();
        for (int f = 0; f < part.frames(); f++) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = part.values()[f * frame.length + i];
            }
            if (live.accept(part.times()[f], frame)) {
                onsets.add(part.times()[f]);
            }
            assertEquals(offline[f], live.probability(), 1e-6, "frame " + f);
        }
        assertArrayEquals(detector.detections(part), onsets.stream().mapToDouble(Double::doubleValue).toArray(), 0);

        // after a reset it starts afresh, and a missing value counts as no evidence in both paths
        FrameSeries later = unseen.slice(5000, 5300);
        float[] values = later.values().clone();
        values[3 * later.width() + 1] = Float.NaN;
        FrameSeries withNan = new FrameSeries(later.times(), values, later.width(), later.frameRateHz(), List.of());
        double[] expected = detector.probabilities(withNan);
        live.reset();
        for (int f = 0; f < withNan.frames(); f++) {
            for (int i = 0; i < frame.length; i++) {
                frame[i] = values[f * frame.length + i];
            }
            live.accept(withNan.times()[f], frame);
            assertTrue(Double.isFinite(live.probability()));
            assertEquals(expected[f], live.probability(), 1e-6, "frame " + f + " after reset");
        }
    }

    @Test
    void writtenAndReadItIsTheSameDetector() throws Exception {
        OnsetDetector detector = trained.detector();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        detector.write(bytes);
        OnsetDetector read = OnsetDetector.read(new ByteArrayInputStream(bytes.toByteArray()), detector.shape(),
                detector.width(), detector.rule());
        FrameSeries part = unseen.slice(0, 1000);
        assertArrayEquals(detector.probabilities(part), read.probabilities(part), 0);
        IllegalArgumentException wrongWidth = assertThrows(IllegalArgumentException.class,
                () -> OnsetDetector.read(new ByteArrayInputStream(bytes.toByteArray()), detector.shape(), 7,
                        detector.rule()));
        assertTrue(wrongWidth.getMessage().startsWith("the onset network takes 12 inputs;"), wrongWidth.getMessage());
    }

    @Test
    void sessionsWithoutSpeechMarkersAreRefusedWithTheReason() {
        FrameSeries rest = new FrameSeries(new double[] {0, 0.01, 0.02}, new float[3 * 2], 2, 100, List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OnsetTrainer.DEFAULT.train(List.of(rest), s -> { }));
        assertTrue(e.getMessage().startsWith("the onset detector needs frames with and without speech; the training "
                + "sessions have 0 speech frames of 2"), e.getMessage());
    }
}
