package org.naoyu.decoder.onset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How well detected onsets find the attempts. A detection is a hit when it falls within an attempt's segment, from
 * {@code early} seconds before its onset to {@code late} seconds after its offset (the detector fires on evidence that
 * lags the speech); each attempt takes its first detection, later ones in the same attempt and detections outside any
 * attempt are false alarms.
 *
 * @param attempts       attempts in the ground truth
 * @param detections     onsets the detector reported
 * @param hits           attempts found
 * @param medianLag      median of detection minus true onset over the hits, seconds (NaN without hits)
 * @param medianAbsError median of |estimated onset − true onset| over the hits, seconds, where the estimate is the
 *                       detection minus the detector's lag correction
 */
public record OnsetScore(int attempts, int detections, int hits, double medianLag, double medianAbsError) {
    public static final double EARLY_SECONDS = 0.1;
    public static final double LATE_SECONDS = 0.3;

    public double precision() {
        return detections == 0 ? 0 : hits / (double) detections;
    }

    public double recall() {
        return attempts == 0 ? 0 : hits / (double) attempts;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /**
     * @param detectionTimes when the detector fired, seconds, in any order
     * @param lagCorrection  seconds the detector subtracts from a detection to estimate the onset
     */
    public static OnsetScore of(List<SpeechSegment> truth, double[] detectionTimes, double lagCorrection) {
        return ofSessions(List.of(truth), List.of(detectionTimes), lagCorrection);
    }

    /** One score over several sessions, each with its own clock: session {@code i}'s truth and detections. */
    public static OnsetScore ofSessions(List<List<SpeechSegment>> truth, List<double[]> detectionTimes,
            double lagCorrection) {
        if (truth.size() != detectionTimes.size()) {
            throw new IllegalArgumentException("need detections for each of " + truth.size() + " sessions, got "
                    + detectionTimes.size());
        }
        List<Double> lags = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        int attempts = 0;
        int detected = 0;
        for (int s = 0; s < truth.size(); s++) {
            double[] detections = detectionTimes.get(s).clone();
            Arrays.sort(detections);
            attempts += truth.get(s).size();
            detected += detections.length;
            int[] matched = match(truth.get(s), detections);
            for (int t = 0; t < matched.length; t++) {
                if (matched[t] >= 0) {
                    double onset = truth.get(s).get(t).onsetSeconds();
                    lags.add(detections[matched[t]] - onset);
                    errors.add(Math.abs(detections[matched[t]] - lagCorrection - onset));
                }
            }
        }
        return new OnsetScore(attempts, detected, lags.size(), median(lags), median(errors));
    }

    /**
     * For each attempt (in time order), the index of the detection that found it in {@code sortedDetections}, or -1:
     * the first detection from {@value #EARLY_SECONDS} s before its onset to {@value #LATE_SECONDS} s after its
     * offset that no earlier attempt took.
     */
    public static int[] match(List<SpeechSegment> truth, double[] sortedDetections) {
        int[] matched = new int[truth.size()];
        int d = 0;
        for (int t = 0; t < truth.size(); t++) {
            SpeechSegment segment = truth.get(t);
            while (d < sortedDetections.length && sortedDetections[d] < segment.onsetSeconds() - EARLY_SECONDS) {
                d++;
            }
            if (d < sortedDetections.length && sortedDetections[d] <= segment.offsetSeconds() + LATE_SECONDS) {
                matched[t] = d++;
            } else {
                matched[t] = -1;
            }
        }
        return matched;
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
