package org.naoyu.datasets.simulate;

import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * One attempted syllable placed on the sample clock with this attempt's variability drawn: duration ±12 % (clipped
 * to [0.6, 1.4] of the tone's typical length), the whole attempt's amplitude log-normal (σ 0.25), each gesture's
 * amplitude log-normal (σ 0.15, capped at 2.5) and its start and end ±10 ms. The task schedule and the
 * {@link IdealObserver} both realise attempts here, so the observer's templates are the simulator's own.
 */
final class AttemptRealisation {
    private AttemptRealisation() {
    }

    /**
     * Adds the gestures of {@code score} (a syllable of tone {@code tone}) attempted from {@code onset} to
     * {@code out}, taking standard normal deviates from {@code normal} in a fixed order (duration, amplitude, then
     * each gesture's start, end and amplitude); returns the attempt's offset sample.
     */
    static long realise(List<Gesture> score, int tone, long onset, double rate, DoubleSupplier normal,
            List<ScheduledGesture> out) {
        double durationSeconds = GesturalScore.SYLLABLE_SECONDS * GesturalScore.durationFactor(tone)
                * StrictMath.max(0.6, StrictMath.min(1.4, 1 + 0.12 * normal.getAsDouble()));
        double attemptAmplitude = logNormal(0.25, normal);
        long offset = onset + samples(durationSeconds, rate);
        for (Gesture gesture : score) {
            // gestures that open the syllable start exactly at onset: the marker is where activity begins
            double startJitter = 0.010 * normal.getAsDouble();
            long from = gesture.start() == 0 ? onset
                    : onset + samples(gesture.start() * durationSeconds + startJitter, rate);
            long to = onset + samples(gesture.end() * durationSeconds + 0.010 * normal.getAsDouble(), rate);
            from = StrictMath.max(onset, from);
            to = StrictMath.max(from + 1, to);
            double amplitude = StrictMath.min(2.5, gesture.amplitude() * attemptAmplitude * logNormal(0.15, normal));
            out.add(new ScheduledGesture(gesture.articulator(), from, to, amplitude, gesture));
        }
        return offset;
    }

    /** As {@link SimRandom#logNormal}, so the schedule's numbers do not change. */
    private static double logNormal(double sigma, DoubleSupplier normal) {
        return StrictMath.exp(sigma * normal.getAsDouble());
    }

    static long samples(double seconds, double rate) {
        return StrictMath.round(seconds * rate);
    }
}
