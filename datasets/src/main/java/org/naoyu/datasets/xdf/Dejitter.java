package org.naoyu.datasets.xdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Jitter removal for regularly sampled streams, as pyxdf's {@code _jitter_removal}: split at breaks longer than
 * max(threshold seconds, threshold samples / rate) in either direction (a clock reset jumps back), fit each segment's timestamps by least squares against the sample
 * index, and replace them with the fit.
 */
final class Dejitter {
    private Dejitter() {
    }

    /** Segments without breaks (for any stream), dejittering the timestamps in place when asked. */
    static List<Segment> segments(double[] t, double nominalRateHz, double breakSeconds, int breakSamples) {
        List<Segment> segments = new ArrayList<>();
        if (t.length == 0) {
            return segments;
        }
        if (nominalRateHz <= 0) {
            segments.add(new Segment(0, t.length - 1));
            return segments;
        }
        double threshold = Math.max(breakSeconds, breakSamples / nominalRateHz);
        int start = 0;
        for (int i = 1; i < t.length; i++) {
            if (Math.abs(t[i] - t[i - 1]) > threshold) { // a jump back (clock reset) is a break too
                segments.add(new Segment(start, i - 1));
                start = i;
            }
        }
        segments.add(new Segment(start, t.length - 1));
        return segments;
    }

    /** Replaces each segment's timestamps by their least-squares line against the sample index. */
    static void fit(double[] t, List<Segment> segments) {
        for (Segment segment : segments) {
            int n = segment.length();
            if (n < 2) {
                continue;
            }
            // index relative to the segment start and time relative to its first sample keep the sums well scaled
            double t0 = t[segment.first()];
            double meanX = (n - 1) / 2.0;
            double meanY = 0;
            for (int i = 0; i < n; i++) {
                meanY += t[segment.first() + i] - t0;
            }
            meanY /= n;
            double sxy = 0;
            double sxx = 0;
            for (int i = 0; i < n; i++) {
                double dx = i - meanX;
                sxy += dx * (t[segment.first() + i] - t0 - meanY);
                sxx += dx * dx;
            }
            double slope = sxy / sxx;
            for (int i = 0; i < n; i++) {
                t[segment.first() + i] = t0 + meanY + slope * (i - meanX);
            }
        }
    }

    /** Samples per second over the segments: Σ(count − 1) / Σ duration; 0 when there is no duration. */
    static double effectiveRate(double[] t, List<Segment> segments) {
        double intervals = 0;
        double duration = 0;
        for (Segment segment : segments) {
            intervals += segment.length() - 1;
            duration += t[segment.last()] - t[segment.first()];
        }
        return duration > 0 ? intervals / duration : 0;
    }
}
