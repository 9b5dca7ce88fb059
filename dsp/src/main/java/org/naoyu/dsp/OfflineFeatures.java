package org.naoyu.dsp;

import java.util.Arrays;
import org.naoyu.dsp.design.Butterworth;
import org.naoyu.dsp.design.Notch;
import org.naoyu.dsp.design.SecondOrderSections;

/**
 * The feature chain of a {@link FeatureConfig} over a whole recording at once, zero phase, for training and analysis:
 * the same stages as {@link FeatureChain} but each filter run forwards and backwards ({@link ZeroPhase#sosfiltfilt}),
 * the band amplitude computed exactly in the frequency domain ({@link BandAmplitude#offline}), and z-scores taken over
 * the whole recording (exponential and sliding modes) or from frozen statistics.
 */
public final class OfflineFeatures {

    /** Frames of a recording: {@code values[k][c · features + f]}, stamped like the online frames. */
    public record Result(double[] timestamps, double[][] values, int channels, int features) {
    }

    private OfflineFeatures() {
    }

    /**
     * Computes the frames of {@code samples} (sample-major), the first sample stamped {@code firstTimestamp}.
     *
     * @param frozenMeans statistics for {@link ZScore.Mode#FROZEN}, else ignored (may be null)
     */
    public static Result compute(double[] samples, int channels, double firstTimestamp, FeatureConfig config,
            double[] frozenMeans, double[] frozenSds) {
        if (channels < 1 || samples.length % channels != 0) {
            throw new IllegalArgumentException("samples must hold whole samples of " + channels + " channels, got "
                    + samples.length + " values");
        }
        for (int bad : config.badChannels()) {
            if (bad >= channels) {
                throw new IllegalArgumentException("bad channel " + bad + " is not among the " + channels
                        + " channels (indices 0-" + (channels - 1) + ")");
            }
        }
        if (config.commonAverage() && channels - config.badChannels().stream().distinct().count() < 2) {
            throw new IllegalArgumentException("commonAverage needs at least 2 good channels, got "
                    + (channels - config.badChannels().stream().distinct().count()));
        }
        int n = samples.length / channels;
        int q1 = config.inputDecimation();
        int q2 = config.frameDecimation();
        double processingRate = config.processingRateHz();
        int kept = (n + q1 - 1) / q1;
        double[][] processed = new double[channels][];
        SecondOrderSections antiAlias = q1 > 1 ? Butterworth.lowPass(8, 0.4 * processingRate, config.sampleRateHz())
                : null;
        SecondOrderSections notch = config.lineFrequencyHz() > 0 && config.lineFrequencyHz() < 0.45 * processingRate
                ? Notch.comb(config.lineFrequencyHz(), config.notchQ(), 0.45 * processingRate, processingRate) : null;
        double[] x = new double[n];
        for (int c = 0; c < channels; c++) {
            for (int s = 0; s < n; s++) {
                x[s] = samples[s * channels + c];
            }
            double[] y = antiAlias != null ? ZeroPhase.sosfiltfilt(antiAlias, x) : x.clone();
            double[] picked = new double[kept];
            for (int s = 0; s < kept; s++) {
                picked[s] = y[s * q1];
            }
            processed[c] = notch != null ? ZeroPhase.sosfiltfilt(notch, picked) : picked;
        }
        if (config.commonAverage()) {
            boolean[] bad = new boolean[channels];
            config.badChannels().forEach(b -> bad[b] = true);
            int good = channels - (int) config.badChannels().stream().distinct().count();
            for (int s = 0; s < kept; s++) {
                double mean = 0;
                for (int c = 0; c < channels; c++) {
                    mean += bad[c] ? 0 : processed[c][s] / good;
                }
                for (int c = 0; c < channels; c++) {
                    processed[c][s] -= mean;
                }
            }
        }
        int features = config.features().size();
        int frames = (kept + q2 - 1) / q2;
        double[][] values = new double[frames][channels * features];
        SecondOrderSections frameAntiAlias = q2 > 1 ? Butterworth.lowPass(4, 0.4 * config.frameRateHz(),
                processingRate) : null;
        for (int c = 0; c < channels; c++) {
            for (int f = 0; f < features; f++) {
                double[] amplitude = BandAmplitude.offline(processed[c], config.features().get(f).bands(),
                        processingRate);
                double[] smooth = frameAntiAlias != null ? ZeroPhase.sosfiltfilt(frameAntiAlias, amplitude) : amplitude;
                for (int k = 0; k < frames; k++) {
                    values[k][c * features + f] = smooth[k * q2];
                }
            }
        }
        normalise(values, channels * features, config.zscore(), frozenMeans, frozenSds);
        double[] timestamps = new double[frames];
        for (int k = 0; k < frames; k++) {
            timestamps[k] = firstTimestamp + (long) k * q2 * q1 / config.sampleRateHz();
        }
        return new Result(timestamps, values, channels, features);
    }

    private static void normalise(double[][] values, int width, ZScore zscore, double[] frozenMeans,
            double[] frozenSds) {
        if (zscore.mode() == ZScore.Mode.NONE || values.length == 0) {
            return;
        }
        double[] mean = new double[width];
        double[] sd = new double[width];
        if (zscore.mode() == ZScore.Mode.FROZEN) {
            if (frozenMeans == null || frozenSds == null || frozenMeans.length != width || frozenSds.length != width) {
                throw new IllegalArgumentException("frozen z-scores need " + width + " means and sds (channels x "
                        + "features), got " + (frozenMeans == null ? "none" : frozenMeans.length + " and "
                        + (frozenSds == null ? "none" : Integer.toString(frozenSds.length))));
            }
            mean = Arrays.copyOf(frozenMeans, width);
            sd = Arrays.copyOf(frozenSds, width);
        } else {
            for (double[] frame : values) {
                for (int i = 0; i < width; i++) {
                    mean[i] += frame[i] / values.length;
                }
            }
            for (double[] frame : values) {
                for (int i = 0; i < width; i++) {
                    sd[i] += (frame[i] - mean[i]) * (frame[i] - mean[i]) / values.length;
                }
            }
            for (int i = 0; i < width; i++) {
                sd[i] = Math.sqrt(sd[i]);
            }
        }
        for (double[] frame : values) {
            for (int i = 0; i < width; i++) {
                frame[i] = sd[i] > 0 ? (frame[i] - mean[i]) / sd[i] : 0;
            }
        }
    }
}
