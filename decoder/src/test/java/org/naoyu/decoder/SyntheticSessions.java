package org.naoyu.decoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.naoyu.decoder.data.FrameSeries;
import org.naoyu.decoder.data.TaskEvent;

/**
 * Feature-frame sessions with known attempts, for tests: z-score-like noise on {@code width} values, and during each
 * attempt (0.5 s, starting 50 ms after its marked onset as high gamma lags the movement) a rise on values 0-2 that
 * every attempt shares, and on value 3 ("ba1") or 4 ("ga2") that tells the syllables apart.
 */
public final class SyntheticSessions {
    public static final int WIDTH = 6;
    public static final double FRAME_RATE = 100;

    private SyntheticSessions() {
    }

    public static FrameSeries session(double seconds, long seed) {
        Random random = new Random(seed);
        int frames = (int) Math.round(seconds * FRAME_RATE);
        double[] times = new double[frames];
        float[] values = new float[frames * WIDTH];
        for (int f = 0; f < frames; f++) {
            times[f] = 10 + f / FRAME_RATE; // a clock that does not start at zero
            for (int i = 0; i < WIDTH; i++) {
                values[f * WIDTH + i] = (float) (0.5 * random.nextGaussian());
            }
        }
        List<TaskEvent> events = new ArrayList<>();
        double t = 11 + random.nextDouble();
        int k = 0;
        while (t + 1.5 < times[frames - 1]) {
            String label = k++ % 2 == 0 ? "ba1" : "ga2";
            events.add(new TaskEvent(t, "speech_onset", label));
            events.add(new TaskEvent(t + 0.5, "speech_offset", label));
            for (int f = 0; f < frames; f++) {
                if (times[f] >= t + 0.05 && times[f] < t + 0.55) {
                    for (int i = 0; i < 3; i++) {
                        values[f * WIDTH + i] += 2f;
                    }
                    values[f * WIDTH + (label.equals("ba1") ? 3 : 4)] += 1.5f;
                }
            }
            t += 2 + random.nextDouble();
        }
        return new FrameSeries(times, values, WIDTH, FRAME_RATE, events);
    }
}
