package org.naoyu.decoder.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EpochsTest {
    /** 100 frames/s for 10 s starting at t = 1000; frame k, value i = k + i / 10. */
    private static final int FRAMES = 1000;
    private static final int WIDTH = 3;

    private static double[] times() {
        double[] t = new double[FRAMES];
        for (int k = 0; k < FRAMES; k++) {
            t[k] = 1000 + k / 100.0;
        }
        return t;
    }

    private static float[] values() {
        float[] v = new float[FRAMES * WIDTH];
        for (int k = 0; k < FRAMES; k++) {
            for (int i = 0; i < WIDTH; i++) {
                v[k * WIDTH + i] = k + i / 10f;
            }
        }
        return v;
    }

    @Test
    void onsetLockedWindowsStartAtTheRightFrame() {
        List<TaskEvent> events = List.of(TaskEvent.parse(1002.0, "speech_onset ma3"), TaskEvent.parse(1002.0, "go ma3"),
                TaskEvent.parse(1005.004, "speech_onset shi4"), TaskEvent.parse(1009.5, "speech_onset ba1"),
                TaskEvent.parse(1000.05, "speech_onset de5"), TaskEvent.parse(1003, "speech_onset hello"));
        Epochs.Result result = Epochs.extract(times(), values(), WIDTH, 100, events, EpochConfig.ONSET_LOCKED);
        assertEquals(2, result.epochs().size());
        Epoch ma = result.epochs().get(0);
        assertEquals(new TonedSyllable("ma", 3), ma.label());
        assertEquals(100, ma.frames());
        assertEquals(190f, ma.value(0, 0), 0, "0.1 s before the onset at frame 200");
        assertEquals(289.2f, ma.value(99, 2), 1e-4);
        assertEquals(491f, result.epochs().get(1).value(0, 0), 0, "the first frame at or after 4.904 s");
        assertEquals(List.of("speech_onset ba1 at 1009.500 s: its window runs past the frames",
                "speech_onset de5 at 1000.050 s: its window runs past the frames",
                "speech_onset hello at 1003.000 s: label is not a toned syllable"), result.skipped());
    }

    @Test
    void baselineIsSubtractedPerValue() {
        EpochConfig config = new EpochConfig("go", 0, 0.5, -0.5, 0.5);
        Epochs.Result result = Epochs.extract(times(), values(), WIDTH, 100, List.of(TaskEvent.parse(1003, "go ni3")),
                config);
        Epoch epoch = result.epochs().get(0);
        // baseline frames 250..299 average 274.5 + i/10; window frames 300..349
        assertEquals(300 - 274.5, epoch.value(0, 1), 1e-3);
        assertEquals(349 - 274.5, epoch.value(49, 2), 1e-3);
    }

    @Test
    void badInputIsNamed() {
        assertEquals("a toned syllable is 1-6 lower-case letters and a tone digit 1-5 such as ma3, got 'ma'",
                assertThrows(IllegalArgumentException.class, () -> TonedSyllable.parse("ma")).getMessage());
        assertEquals("frame values must hold 1000 frames x 2 values, got 3000", assertThrows(
                IllegalArgumentException.class, () -> Epochs.extract(times(), values(), 2, 100, List.of(),
                        EpochConfig.ONSET_LOCKED)).getMessage());
        assertEquals("lengthSeconds must be in (0, 10], got 0.0", assertThrows(IllegalArgumentException.class,
                () -> new EpochConfig("go", 0, 0, 0, 0)).getMessage());
    }
}
