package org.naoyu.datasets.xdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Maps a stream's timestamps onto the recorder's clock with its ClockOffset measurements, as pyxdf's
 * {@code _clock_sync} does: detect clock resets (a ClockOffset both late and jumping), fit each stretch between resets
 * with a robust (Huber) line, and add the fitted offset to each sample of that stretch.
 *
 * <p>The robust fit is the ADMM Huber regression of Boyd et al., "Distributed Optimization and Statistical Learning
 * via the Alternating Direction Method of Multipliers" (2011), §6.1, with measurements scaled by the winsor threshold
 * so that deviations beyond it count linearly.
 */
final class ClockSync {
    private ClockSync() {
    }

    /** A fitted offset {@code intercept + slope * t} over the clock measurements {@code first..last}. */
    record Fit(int first, int last, double intercept, double slope) {
    }

    /** The stretches of clock measurements between resets. */
    static List<int[]> ranges(double[] times, double[] values, XdfReader.Options options) {
        int n = times.length;
        List<int[]> ranges = new ArrayList<>();
        if (!options.handleClockResets() || n < 2) {
            ranges.add(new int[] {0, n - 1});
            return ranges;
        }
        double[] timeDiff = new double[n - 1];
        double[] valueDiff = new double[n - 1];
        for (int i = 0; i < n - 1; i++) {
            timeDiff[i] = times[i + 1] - times[i];
            valueDiff[i] = Math.abs(values[i + 1] - values[i]);
        }
        boolean[] timeGlitch = glitches(timeDiff, options.resetThresholdStds(), options.resetThresholdSeconds());
        boolean[] valueGlitch = glitches(valueDiff, options.resetThresholdOffsetStds(),
                options.resetThresholdOffsetSeconds());
        int start = 0;
        for (int i = 0; i < n - 1; i++) {
            if (timeGlitch[i] && valueGlitch[i]) {
                ranges.add(new int[] {start, i});
                start = i + 1;
            }
        }
        ranges.add(new int[] {start, n - 1});
        return ranges;
    }

    /** Differences that are negative, or both many MADs and many seconds above the median. */
    private static boolean[] glitches(double[] diffs, double thresholdMads, double thresholdSeconds) {
        double median = median(diffs);
        double[] deviations = new double[diffs.length];
        for (int i = 0; i < diffs.length; i++) {
            deviations[i] = Math.abs(diffs[i] - median);
        }
        double mad = median(deviations) + Math.ulp(1.0);
        boolean[] glitch = new boolean[diffs.length];
        for (int i = 0; i < diffs.length; i++) {
            glitch[i] = diffs[i] < 0
                    || (diffs[i] - median) / mad > thresholdMads && diffs[i] - median > thresholdSeconds;
        }
        return glitch;
    }

    static Fit fit(double[] times, double[] values, int first, int last, double winsor) {
        if (first == last) {
            return new Fit(first, last, values[first], 0);
        }
        int n = last - first + 1;
        // columns [1, t / winsor], target value / winsor; the time column shifted by its minimum for conditioning
        double offset = Double.POSITIVE_INFINITY;
        for (int i = first; i <= last; i++) {
            offset = Math.min(offset, times[i] / winsor);
        }
        double[] a1 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            a1[i] = times[first + i] / winsor - offset;
            y[i] = values[first + i] / winsor;
        }
        double[] x = huber(a1, y);
        double slope = x[1];
        double intercept = (x[0] - slope * offset) * winsor;
        return new Fit(first, last, intercept, slope);
    }

    /** minimize ½ Σ huber(x0 + x1·a1 − y) by ADMM with ρ = 1, 1000 iterations (Boyd et al. 2011, §6.1). */
    private static double[] huber(double[] a1, double[] y) {
        int n = y.length;
        double s11 = n;
        double s12 = 0;
        double s22 = 0;
        for (int i = 0; i < n; i++) {
            s12 += a1[i];
            s22 += a1[i] * a1[i];
        }
        double det = s11 * s22 - s12 * s12;
        double[] z = new double[n];
        double[] u = new double[n];
        double x0 = 0;
        double x1 = 0;
        double rho = 1;
        for (int k = 0; k < 1000; k++) {
            double b0 = 0;
            double b1 = 0;
            for (int i = 0; i < n; i++) {
                double r = y[i] + z[i] - u[i];
                b0 += r;
                b1 += a1[i] * r;
            }
            x0 = (s22 * b0 - s12 * b1) / det;
            x1 = (s11 * b1 - s12 * b0) / det;
            for (int i = 0; i < n; i++) {
                double d = x0 + x1 * a1[i] - y[i] + u[i];
                double shrink = d == 0 ? 0 : Math.max(0, 1 - (1 + 1 / rho) / Math.abs(d));
                z[i] = rho / (1 + rho) * d + 1 / (1 + rho) * shrink * d;
                u[i] = d - z[i];
            }
        }
        return new double[] {x0, x1};
    }

    /**
     * Applies the fits to the timestamps in place and returns which samples each fit covered. With one stretch every
     * sample uses it (samples before the first measurement included); with several, each sample uses the stretch
     * whose measurement times lie nearest its own timestamp.
     */
    static List<Segment> apply(double[] timestamps, double[] clockTimes, List<Fit> fits) {
        List<Segment> segments = new ArrayList<>();
        if (timestamps.length == 0) {
            return segments;
        }
        int runStart = 0;
        int runFit = -1;
        for (int i = 0; i < timestamps.length; i++) {
            int best = fits.size() == 1 ? 0 : nearest(timestamps[i], clockTimes, fits);
            Fit fit = fits.get(best);
            if (best != runFit) {
                if (runFit >= 0) {
                    segments.add(new Segment(runStart, i - 1));
                }
                runStart = i;
                runFit = best;
            }
            timestamps[i] += fit.intercept() + fit.slope() * timestamps[i];
        }
        segments.add(new Segment(runStart, timestamps.length - 1));
        return segments;
    }

    private static int nearest(double t, double[] clockTimes, List<Fit> fits) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int k = 0; k < fits.size(); k++) {
            double from = clockTimes[fits.get(k).first()];
            double to = clockTimes[fits.get(k).last()];
            double distance = t < from ? from - t : t > to ? t - to : 0;
            if (distance < bestDistance) {
                bestDistance = distance;
                best = k;
            }
        }
        return best;
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
