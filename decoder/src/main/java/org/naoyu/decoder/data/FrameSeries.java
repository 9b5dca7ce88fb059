package org.naoyu.decoder.data;

import java.util.List;

/**
 * A recording's feature frames in one piece, as the causal chain produced them, with its task events: what the
 * speech-onset detector trains on and what a replayed session streams.
 *
 * @param times  frame timestamps, increasing, evenly spaced at {@code frameRateHz}
 * @param values {@code times.length × width} values, frame-major
 * @param events the task events on the same clock
 */
public record FrameSeries(double[] times, float[] values, int width, double frameRateHz, List<TaskEvent> events) {
    public FrameSeries {
        if (width < 1 || (long) times.length * width != values.length) {
            throw new IllegalArgumentException("frame values must hold " + times.length + " frames x " + width
                    + " values, got " + values.length);
        }
        if (!(frameRateHz > 0)) {
            throw new IllegalArgumentException("frameRateHz must be > 0, got " + frameRateHz);
        }
        events = List.copyOf(events);
    }

    public int frames() {
        return times.length;
    }

    /** Frames {@code [from, to)} with the events that fall among them. */
    public FrameSeries slice(int from, int to) {
        if (from < 0 || to > times.length || from > to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") outside 0.." + times.length);
        }
        double start = from < times.length ? times[from] : Double.POSITIVE_INFINITY;
        double end = to < times.length ? times[to] : Double.POSITIVE_INFINITY;
        return new FrameSeries(java.util.Arrays.copyOfRange(times, from, to),
                java.util.Arrays.copyOfRange(values, from * width, to * width), width, frameRateHz,
                events.stream().filter(e -> e.timeSeconds() >= start && e.timeSeconds() < end).toList());
    }
}
