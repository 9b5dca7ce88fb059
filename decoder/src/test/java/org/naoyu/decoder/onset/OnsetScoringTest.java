package org.naoyu.decoder.onset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.naoyu.decoder.data.TaskEvent;

/** Ground truth from markers, the onset rule, and how detections are scored against the truth. */
class OnsetScoringTest {

    @Test
    void segmentsPairOnsetsWithOffsetsAndFallBackWhenOneIsMissing() {
        List<SpeechSegment> segments = SpeechSegment.of(List.of(
                new TaskEvent(5.0, "speech_onset", "ma3"), new TaskEvent(5.4, "speech_offset", "ma3"),
                new TaskEvent(1.0, "speech_onset", "ba1"), // out of order: sorted by time
                new TaskEvent(1.2, "cue", "ga2"),
                new TaskEvent(9.0, "speech_onset", "shi4")), 0.5);
        assertEquals(List.of(new SpeechSegment(1.0, 1.5, "ba1"), new SpeechSegment(5.0, 5.4, "ma3"),
                new SpeechSegment(9.0, 9.5, "shi4")), segments);
        boolean[] speech = SpeechSegment.speechFrames(new double[] {0.9, 1.0, 1.49, 1.5, 5.2, 9.6}, segments);
        assertArrayEquals(new boolean[] {false, true, true, false, true, false}, speech);
    }

    @Test
    void theRuleHoldsRearmsAndRespectsTheRefractoryTime() {
        OnsetRule rule = new OnsetRule(0.5, 3, 1.0, 0.1);
        double[] times = new double[20];
        for (int i = 0; i < times.length; i++) {
            times[i] = i * 0.1;
        }
        double[] p = {0, 0.9, 0.9, 0.9, 0.9, 0.2, 0.6, 0.6, 0.6, 0, 0, 0, 0.7, 0.7, 0.7, 0.7, 0.7, 0.7, 0, 0};
        // first onset at the third frame above; the second rise comes 0.5 s later, inside the refractory second;
        // the third rise, 1.1 s after the first onset, counts; staying high does not fire again
        assertArrayEquals(new double[] {0.3, 1.4}, rule.detections(times, p), 1e-12);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new OnsetRule(1.0, 3, 1, 0)).getMessage()
                .startsWith("threshold must be in (0, 1), got 1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new OnsetRule(0.5, 0, 1, 0)).getMessage()
                .startsWith("holdFrames must be in [1, 100]"));
    }

    @Test
    void aNanProbabilityIsNoEvidence() {
        OnsetRule.Tracker tracker = new OnsetRule.Tracker(new OnsetRule(0.5, 2, 0, 0));
        assertEquals(false, tracker.accept(0, 0.9));
        assertEquals(false, tracker.accept(0.01, Double.NaN));
        assertEquals(false, tracker.accept(0.02, 0.9));
        assertEquals(true, tracker.accept(0.03, 0.9));
    }

    @Test
    void detectionsAreMatchedOncePerAttemptWithinItsWindow() {
        List<SpeechSegment> truth = List.of(new SpeechSegment(1.0, 1.5, "a1"), new SpeechSegment(4.0, 4.5, "a1"),
                new SpeechSegment(8.0, 8.5, "a1"));
        // 1.12 finds the first; 1.3 is a second detection in the same attempt (false alarm); 3.0 falls between
        // attempts (false alarm); 3.95 is within 0.1 s before the second onset; nothing finds the third
        double[] detections = {3.0, 1.12, 1.3, 3.95};
        OnsetScore score = OnsetScore.of(truth, detections, 0.1);
        assertEquals(3, score.attempts());
        assertEquals(4, score.detections());
        assertEquals(2, score.hits());
        assertEquals(0.5, score.precision(), 1e-12);
        assertEquals(2 / 3.0, score.recall(), 1e-12);
        assertEquals(2 * 0.5 * (2 / 3.0) / (0.5 + 2 / 3.0), score.f1(), 1e-12);
        assertEquals((0.12 - 0.05) / 2, score.medianLag(), 1e-9); // lags 0.12 and -0.05
        assertEquals((0.02 + 0.15) / 2, score.medianAbsError(), 1e-9); // |0.12-0.1| and |-0.05-0.1|
        assertArrayEquals(new int[] {0, 2, -1}, OnsetScore.match(truth, new double[] {1.12, 1.3, 3.95}));
    }

    @Test
    void sessionsKeepTheirOwnClocks() {
        List<SpeechSegment> a = List.of(new SpeechSegment(1.0, 1.5, "a1"));
        List<SpeechSegment> b = List.of(new SpeechSegment(1.0, 1.5, "a1"), new SpeechSegment(3.0, 3.5, "a1"));
        OnsetScore score = OnsetScore.ofSessions(List.of(a, b), List.of(new double[] {1.1}, new double[] {1.1, 3.1}),
                0);
        assertEquals(3, score.hits());
        assertEquals(1.0, score.f1(), 1e-12);
        OnsetScore none = OnsetScore.of(a, new double[0], 0);
        assertEquals(0, none.f1());
        assertTrue(Double.isNaN(none.medianLag()));
    }
}
