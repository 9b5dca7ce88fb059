package org.naoyu.dsp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jtransforms.fft.DoubleFFT_1D;
import org.naoyu.dsp.design.Butterworth;
import org.naoyu.dsp.design.SecondOrderSections;

/**
 * Channel quality over a stretch of multichannel signal (sample-major): per channel RMS, flat and clipped shares,
 * mains and high-frequency shares of the Welch spectrum (1-s Hann segments, half overlap, on JTransforms), and the
 * correlation with neighbouring channels; then a verdict per channel against {@link QualityThresholds}.
 */
public final class QualityAnalysis {
    private QualityAnalysis() {
    }

    /**
     * Assesses every channel.
     *
     * @param neighbours for each channel, the indices of its neighbours (from electrode positions; adjacent indices
     *                   when positions are unknown); may be empty lists
     * @param lineHz     mains frequency, 50 or 60 (0 skips the mains check)
     */
    public static List<ChannelQuality> assess(double[] samples, int channels, double sampleRateHz, double lineHz,
            int[][] neighbours, QualityThresholds thresholds) {
        if (channels < 1) {
            throw new IllegalArgumentException("channels must be >= 1, got " + channels);
        }
        int n = samples.length / channels;
        if (n < 2 * (int) sampleRateHz) {
            throw new IllegalArgumentException("quality needs at least 2 s of signal (" + (int) (2 * sampleRateHz)
                    + " samples) on at least one channel, got " + n + " samples of " + channels + " channels");
        }
        if (neighbours.length != channels) {
            throw new IllegalArgumentException("neighbours must list " + channels + " channels, got "
                    + neighbours.length);
        }
        for (int c = 0; c < channels; c++) {
            for (int other : neighbours[c]) {
                if (other < 0 || other >= channels || other == c) {
                    throw new IllegalArgumentException("neighbour " + other + " of channel " + c + " must be another "
                            + "channel in [0, " + (channels - 1) + "]");
                }
            }
        }
        double[] rms = new double[channels];
        double[] flat = new double[channels];
        double[] clipped = new double[channels];
        double[] line = new double[channels];
        double[] high = new double[channels];
        double[][] slow = new double[channels][];
        SecondOrderSections band = Butterworth.bandPass(2, 1, Math.min(40, 0.4 * sampleRateHz), sampleRateHz);
        double[] x = new double[n];
        for (int c = 0; c < channels; c++) {
            boolean finite = true;
            for (int s = 0; s < n; s++) {
                x[s] = samples[s * channels + c];
                finite &= Double.isFinite(x[s]);
            }
            if (!finite) {
                rms[c] = Double.NaN;
                line[c] = Double.NaN;
                high[c] = Double.NaN;
                continue;
            }
            rms[c] = Math.sqrt(variance(x));
            flat[c] = flatFraction(x);
            clipped[c] = clippedFraction(x);
            double[] psd = welch(x, (int) sampleRateHz);
            double binHz = sampleRateHz / (2 * (psd.length - 1));
            line[c] = lineHz > 0 ? lineRatio(psd, binHz, lineHz, sampleRateHz) : 0;
            high[c] = highRatio(psd, binHz, sampleRateHz);
            // flat or clipped channels say nothing about their neighbours: leave them out of every correlation
            boolean usable = rms[c] >= thresholds.minRmsMicrovolts() && flat[c] <= thresholds.maxFlatFraction()
                    && clipped[c] <= thresholds.maxClippedFraction();
            slow[c] = usable ? ZeroPhase.sosfiltfilt(band, x) : null;
        }
        double[] logRms = new double[channels];
        for (int c = 0; c < channels; c++) {
            logRms[c] = Math.log(Math.max(rms[c], 1e-9));
        }
        double[] deviation = robustZ(logRms);
        double[] highZ = robustZ(high);
        double[] logLine = new double[channels];
        for (int c = 0; c < channels; c++) {
            logLine[c] = Double.isNaN(line[c]) ? Double.NaN : Math.log(Math.max(line[c], 1e-12));
        }
        double[] lineZ = lineHz > 0 ? robustZ(logLine) : new double[channels];
        List<ChannelQuality> result = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            double correlation = neighbourCorrelation(slow, c, neighbours[c]);
            List<String> problems = new ArrayList<>();
            if (Double.isNaN(rms[c])) {
                problems.add("non-finite samples");
            } else {
                if (rms[c] < thresholds.minRmsMicrovolts() || flat[c] > thresholds.maxFlatFraction()) {
                    problems.add(String.format(Locale.ROOT, "flat (RMS %.2f µV, %.0f%% repeated values)", rms[c],
                            100 * flat[c]));
                }
                if (clipped[c] > thresholds.maxClippedFraction()) {
                    problems.add(String.format(Locale.ROOT, "clipping (%.1f%% of samples at the extremes)",
                            100 * clipped[c]));
                }
                if (Math.abs(deviation[c]) > thresholds.maxDeviationZ() && rms[c] >= thresholds.minRmsMicrovolts()) {
                    problems.add(String.format(Locale.ROOT, "amplitude %s (robust z %.1f)", deviation[c] > 0
                            ? "too large" : "too small", deviation[c]));
                }
                if (line[c] > thresholds.maxLineNoiseRatio() || lineZ[c] > thresholds.maxLineNoiseZ()) {
                    problems.add(String.format(Locale.ROOT, "mains noise (%.0f%% of 1-200 Hz power, robust z %.1f)",
                            100 * line[c], lineZ[c]));
                }
                if (highZ[c] > thresholds.maxHighFrequencyZ()) {
                    problems.add(String.format(Locale.ROOT, "high-frequency noise (robust z %.1f)", highZ[c]));
                }
                if (correlation < thresholds.minNeighbourCorrelation()) {
                    problems.add(String.format(Locale.ROOT, "unlike its neighbours (r %.2f)", correlation));
                }
            }
            result.add(new ChannelQuality(c, rms[c], flat[c], clipped[c], deviation[c], line[c], lineZ[c], high[c],
                    highZ[c], correlation, problems));
        }
        return result;
    }

    /** Neighbours by index when positions are unknown: the previous and the next channel. */
    public static int[][] adjacentIndices(int channels) {
        int[][] neighbours = new int[channels][];
        for (int c = 0; c < channels; c++) {
            neighbours[c] = c == 0 ? (channels > 1 ? new int[] {1} : new int[0])
                    : c == channels - 1 ? new int[] {c - 1} : new int[] {c - 1, c + 1};
        }
        return neighbours;
    }

    /**
     * Neighbours by position: the channels within 1.5 × the smallest distance between any two channels (on a grid,
     * the eight around a channel, diagonals included).
     */
    public static int[][] byPosition(double[][] positions) {
        int channels = positions.length;
        double smallest = Double.POSITIVE_INFINITY;
        for (int a = 0; a < channels; a++) {
            for (int b = a + 1; b < channels; b++) {
                double d = distance(positions[a], positions[b]);
                if (d > 0) {
                    smallest = Math.min(smallest, d);
                }
            }
        }
        int[][] neighbours = new int[channels][];
        for (int a = 0; a < channels; a++) {
            List<Integer> near = new ArrayList<>();
            for (int b = 0; b < channels; b++) {
                if (a != b && distance(positions[a], positions[b]) <= 1.5 * smallest) {
                    near.add(b);
                }
            }
            neighbours[a] = near.stream().mapToInt(Integer::intValue).toArray();
        }
        return neighbours;
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }

    private static double variance(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double sum = 0;
        for (double v : x) {
            sum += (v - mean) * (v - mean);
        }
        return sum / x.length;
    }

    private static double flatFraction(double[] x) {
        int same = 0;
        for (int s = 1; s < x.length; s++) {
            same += x[s] == x[s - 1] ? 1 : 0;
        }
        return same / (double) (x.length - 1);
    }

    private static double clippedFraction(double[] x) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min == max) {
            return 1; // stuck at one value: flat and railed alike
        }
        int atEdge = 0;
        for (double v : x) {
            atEdge += v == min || v == max ? 1 : 0;
        }
        // a healthy signal touches each extreme about once; more repeats mean a ceiling
        return Math.max(0, atEdge - 2) / (double) x.length;
    }

    /** Welch PSD with segments of {@code segment} samples (rounded up to a power of two), Hann window, half overlap. */
    static double[] welch(double[] x, int segment) {
        int size = Integer.highestOneBit(Math.max(8, segment - 1)) << 1;
        size = Math.min(size, Integer.highestOneBit(x.length));
        double[] window = new double[size];
        for (int i = 0; i < size; i++) {
            window[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / size);
        }
        DoubleFFT_1D fft = new DoubleFFT_1D(size);
        double[] psd = new double[size / 2 + 1];
        double[] work = new double[size];
        int count = 0;
        for (int start = 0; start + size <= x.length; start += size / 2, count++) {
            double mean = 0;
            for (int i = 0; i < size; i++) {
                mean += x[start + i] / size;
            }
            for (int i = 0; i < size; i++) {
                work[i] = (x[start + i] - mean) * window[i];
            }
            fft.realForward(work);
            psd[0] += work[0] * work[0];
            psd[size / 2] += work[1] * work[1];
            for (int k = 1; k < size / 2; k++) {
                psd[k] += work[2 * k] * work[2 * k] + work[2 * k + 1] * work[2 * k + 1];
            }
        }
        for (int k = 0; k < psd.length; k++) {
            psd[k] /= count;
        }
        return psd;
    }

    private static double lineRatio(double[] psd, double binHz, double lineHz, double rate) {
        double total = bandPower(psd, binHz, 1, Math.min(200, 0.45 * rate));
        double mains = 0;
        for (double f = lineHz; f <= Math.min(200, 0.45 * rate); f += lineHz) {
            mains += bandPower(psd, binHz, f - 1, f + 1);
        }
        return total > 0 ? mains / total : 0;
    }

    private static double highRatio(double[] psd, double binHz, double rate) {
        double total = bandPower(psd, binHz, 1, rate / 2);
        double high = bandPower(psd, binHz, Math.min(200, 0.4 * rate), rate / 2);
        return total > 0 ? high / total : 0;
    }

    private static double bandPower(double[] psd, double binHz, double lowHz, double highHz) {
        double sum = 0;
        for (int k = (int) Math.ceil(lowHz / binHz); k < psd.length && k * binHz <= highHz; k++) {
            sum += psd[k];
        }
        return sum;
    }

    /** (x − median) / (1.4826 · MAD), over the finite values; 0 where the spread is 0. */
    static double[] robustZ(double[] values) {
        double[] finite = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        double[] z = new double[values.length];
        if (finite.length == 0) {
            return z;
        }
        double median = median(finite);
        double[] deviations = Arrays.stream(finite).map(v -> Math.abs(v - median)).sorted().toArray();
        double mad = 1.4826 * median(deviations);
        for (int i = 0; i < values.length; i++) {
            z[i] = !Double.isFinite(values[i]) ? Double.NaN : mad > 0 ? (values[i] - median) / mad : 0;
        }
        return z;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double neighbourCorrelation(double[][] slow, int c, int[] neighbours) {
        if (slow[c] == null || neighbours.length == 0) {
            return Double.NaN; // flat or without neighbours: nothing to compare
        }
        List<Double> correlations = new ArrayList<>();
        for (int other : neighbours) {
            if (slow[other] != null) {
                correlations.add(correlation(slow[c], slow[other]));
            }
        }
        if (correlations.isEmpty()) {
            return Double.NaN;
        }
        return median(correlations.stream().mapToDouble(Double::doubleValue).sorted().toArray());
    }

    private static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i] / a.length;
            mb += b[i] / b.length;
        }
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
    }
}
