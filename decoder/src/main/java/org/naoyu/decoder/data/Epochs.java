package org.naoyu.decoder.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts epochs out of a stream of feature frames at task events. Frames come evenly spaced (the feature chain's frame
 * rate); an event's window starts at the first frame at or after {@code event + startSeconds}, so the same events
 * always give the same frames. Events too close to either end, events of other kinds, and labels that are not toned
 * syllables are left out and listed with the reason.
 */
public final class Epochs {

    /** The epochs cut, and the events left out with why. */
    public record Result(List<Epoch> epochs, List<String> skipped) {
        public Result {
            epochs = List.copyOf(epochs);
            skipped = List.copyOf(skipped);
        }
    }

    private Epochs() {
    }

    /**
     * @param frameTimes  the frames' timestamps, increasing, evenly spaced at {@code frameRateHz}
     * @param frameValues {@code frameTimes.length × width} values, frame-major
     */
    public static Result extract(double[] frameTimes, float[] frameValues, int width, double frameRateHz,
            List<TaskEvent> events, EpochConfig config) {
        if (width < 1 || (long) frameTimes.length * width != frameValues.length) {
            throw new IllegalArgumentException("frame values must hold " + frameTimes.length + " frames x " + width
                    + " values, got " + frameValues.length);
        }
        if (!(frameRateHz > 0)) {
            throw new IllegalArgumentException("frameRateHz must be > 0, got " + frameRateHz);
        }
        int length = (int) Math.round(config.lengthSeconds() * frameRateHz);
        int baseline = (int) Math.round(config.baselineSeconds() * frameRateHz);
        List<Epoch> epochs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (TaskEvent event : events) {
            if (!event.kind().equals(config.lockKind())) {
                continue;
            }
            TonedSyllable label;
            try {
                label = TonedSyllable.parse(event.label());
            } catch (IllegalArgumentException notASyllable) {
                skipped.add(describe(event) + ": label is not a toned syllable");
                continue;
            }
            int first = firstAtOrAfter(frameTimes, event.timeSeconds() + config.startSeconds());
            if (first < 0 || first + length > frameTimes.length) {
                skipped.add(describe(event) + ": its window runs past the frames");
                continue;
            }
            float[] values = new float[length * width];
            System.arraycopy(frameValues, first * width, values, 0, length * width);
            if (baseline > 0) {
                int from = firstAtOrAfter(frameTimes, event.timeSeconds() + config.baselineStartSeconds());
                if (from < 0 || from + baseline > frameTimes.length) {
                    skipped.add(describe(event) + ": its baseline runs past the frames");
                    continue;
                }
                for (int i = 0; i < width; i++) {
                    double mean = 0;
                    for (int f = 0; f < baseline; f++) {
                        mean += frameValues[(from + f) * width + i] / (double) baseline;
                    }
                    for (int f = 0; f < length; f++) {
                        values[f * width + i] -= (float) mean;
                    }
                }
            }
            epochs.add(new Epoch(event.timeSeconds(), label, length, width, values));
        }
        return new Result(epochs, skipped);
    }

    /** Index of the first frame at or after {@code time}, or -1 when the time lies before the frames begin. */
    private static int firstAtOrAfter(double[] times, double time) {
        if (times.length == 0 || time < times[0] - 1e-9) {
            return -1;
        }
        int index = java.util.Arrays.binarySearch(times, time - 1e-9);
        return index >= 0 ? index : -index - 1;
    }

    private static String describe(TaskEvent event) {
        return String.format(Locale.ROOT, "%s %s at %.3f s", event.kind(), event.label(), event.timeSeconds());
    }
}
