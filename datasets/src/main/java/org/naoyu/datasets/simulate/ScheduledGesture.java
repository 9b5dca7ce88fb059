package org.naoyu.datasets.simulate;

/**
 * A gesture of one attempt placed on the sample clock, with this trial's amplitude and timing already drawn.
 * Cortical activity starts at {@code startSample}, rises over {@link #RAMP_SECONDS} (sin²), and decays over the same
 * after {@code endSample}: nothing precedes the speech-onset marker.
 */
record ScheduledGesture(Articulator articulator, long startSample, long endSample, double amplitude, Gesture shape) {
    static final double RAMP_SECONDS = 0.05;

    /** Adds this gesture's activation over samples [from, from + length) to {@code activation}. */
    void render(double[] activation, long from, int length, int rampSamples) {
        long first = StrictMath.max(from, startSample);
        long last = StrictMath.min(from + length, endSample + rampSamples);
        double span = StrictMath.max(1, endSample - startSample);
        for (long n = first; n < last; n++) {
            double edge = StrictMath.min(1, (n - startSample) / (double) rampSamples);
            if (n >= endSample) {
                edge = StrictMath.min(edge, (endSample + rampSamples - n) / (double) rampSamples);
            }
            double rise = StrictMath.sin(0.5 * StrictMath.PI * edge);
            activation[(int) (n - from)] += amplitude * rise * rise * shape.contourAt((n - startSample) / span);
        }
    }

    boolean endsBefore(long sample, int rampSamples) {
        return endSample + rampSamples <= sample;
    }
}
