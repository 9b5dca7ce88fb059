package org.naoyu.acquisition.lsl;

import java.util.Set;

/**
 * The timestamp post-processing an inlet can apply as samples arrive, as liblsl's {@code proc_*} flags do: clock
 * synchronisation (add the time correction), dejittering (replace each timestamp by a linear fit of recent ones
 * against the sample count) and monotonicity (never go back). Owns its state; allocates nothing per sample.
 */
final class TimestampProcessor {
    /** liblsl's default half-time of the dejitter fit: old samples count half after 90 s. */
    static final double DEJITTER_HALF_TIME_SECONDS = 90.0;

    private final boolean clockSync;
    private final boolean dejitter;
    private final boolean monotonic;
    private final double forget;
    private double lastOutput = Double.NEGATIVE_INFINITY;

    // weighted least squares of timestamp against sample number, with exponential forgetting
    private long sampleNumber;
    private double weight;
    private double sumX;
    private double sumY;
    private double sumXx;
    private double sumXy;
    private double firstTimestamp = Double.NaN;

    TimestampProcessor(Set<StreamInlet.Processing> processing, double nominalRateHz) {
        this.clockSync = processing.contains(StreamInlet.Processing.CLOCK_SYNC);
        // an irregular stream has no sample grid to fit: liblsl does not dejitter those either
        this.dejitter = processing.contains(StreamInlet.Processing.DEJITTER) && nominalRateHz > 0;
        this.monotonic = processing.contains(StreamInlet.Processing.MONOTONIC);
        double samplesPerHalfTime = Math.max(1.0, DEJITTER_HALF_TIME_SECONDS * nominalRateHz);
        this.forget = Math.pow(0.5, 1.0 / samplesPerHalfTime);
    }

    /** The processed timestamp of the next sample, given its raw one and the current time correction. */
    double process(double timestamp, double timeCorrection) {
        double t = clockSync ? timestamp + timeCorrection : timestamp;
        if (dejitter) {
            t = fit(t);
        }
        if (monotonic && t < lastOutput) {
            t = lastOutput;
        }
        lastOutput = t;
        return t;
    }

    /** Starts the fit afresh, as after a reconnection to a new outlet (its timestamps need not continue the old). */
    void reset() {
        sampleNumber = 0;
        weight = sumX = sumY = sumXx = sumXy = 0;
        firstTimestamp = Double.NaN;
    }

    private double fit(double t) {
        if (Double.isNaN(firstTimestamp)) {
            firstTimestamp = t;
        }
        double x = sampleNumber++;
        double y = t - firstTimestamp; // small numbers keep the sums exact enough
        weight = forget * weight + 1;
        sumX = forget * sumX + x;
        sumY = forget * sumY + y;
        sumXx = forget * sumXx + x * x;
        sumXy = forget * sumXy + x * y;
        double denominator = weight * sumXx - sumX * sumX;
        if (weight < 2 || Math.abs(denominator) < 1e-12) {
            return t;
        }
        double slope = (weight * sumXy - sumX * sumY) / denominator;
        double intercept = (sumY - slope * sumX) / weight;
        return firstTimestamp + intercept + slope * x;
    }
}
