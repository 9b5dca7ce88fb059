package org.naoyu.speller.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.naoyu.acquisition.ChannelInfo;
import org.naoyu.acquisition.Chunk;
import org.naoyu.dsp.ChannelQuality;
import org.naoyu.dsp.FeatureChain;
import org.naoyu.dsp.QualityAnalysis;
import org.naoyu.dsp.QualityThresholds;

/** What several commands do to a recorded signal in the same way: check channel quality, run the causal features. */
public final class SignalSteps {

    /** Feature frames: timestamps and {@code times.length × width} values, frame-major. */
    public record Frames(double[] times, float[] values) {
    }

    private SignalSteps() {
    }

    /** Whether every channel has a position, so neighbours can be found by distance. */
    public static boolean positioned(List<ChannelInfo> info) {
        return !info.isEmpty() && info.stream().allMatch(c -> c.position() != null);
    }

    /**
     * Channel quality of {@code samples} (sample-major, in the channels' unit, scaled here to µV for the thresholds),
     * with neighbours by electrode position when every channel has one, else by index.
     */
    public static List<ChannelQuality> quality(double[] samples, int channels, double rate, List<ChannelInfo> info,
            double lineHz, QualityThresholds thresholds) {
        double scale = microvoltsPer(info);
        double[] microvolts = samples;
        if (scale != 1) {
            microvolts = samples.clone();
            for (int i = 0; i < microvolts.length; i++) {
                microvolts[i] *= scale;
            }
        }
        int[][] neighbours = positioned(info) ? QualityAnalysis.byPosition(info.stream().map(c -> new double[] {
            c.position().xMm(), c.position().yMm(), c.position().zMm()}).toArray(double[][]::new))
                : QualityAnalysis.adjacentIndices(channels);
        return QualityAnalysis.assess(microvolts, channels, rate, lineHz, neighbours, thresholds);
    }

    /** µV per unit of the stream's channels (XDF unit names), so the µV thresholds mean what they say. */
    static double microvoltsPer(List<ChannelInfo> info) {
        String unit = info.isEmpty() ? "" : info.get(0).unit().trim().toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "v", "volt", "volts" -> 1e6;
            case "mv", "millivolt", "millivolts" -> 1e3;
            case "nv", "nanovolt", "nanovolts" -> 1e-3;
            default -> 1; // µV, uV, microvolts, or unknown: taken as µV
        };
    }

    /**
     * The causal feature chain over a whole recorded stream, fed a second at a time as a live session would be fed
     * (any block size gives the same frames), each block stamped with its first sample's timestamp.
     */
    public static Frames causalFrames(FeatureChain chain, Chunk chunk, double rate) {
        int channels = chain.channels();
        List<double[]> frames = new ArrayList<>();
        List<Double> times = new ArrayList<>();
        int block = (int) Math.max(1, Math.round(rate));
        double[] buffer = new double[block * channels];
        // a second at a time from the recording's own values: an hour of 256 channels in doubles would be 7 GB
        for (int s = 0; s < chunk.sampleCount(); s += block) {
            int n = Math.min(block, chunk.sampleCount() - s);
            chunk.copyTo(s, n, buffer, 0);
            chain.process(buffer, n, chunk.timestamps()[s], (t, v) -> {
                times.add(t);
                frames.add(v.clone());
            });
        }
        int width = frames.isEmpty() ? 0 : frames.get(0).length;
        float[] values = new float[frames.size() * width];
        for (int k = 0; k < frames.size(); k++) {
            for (int i = 0; i < width; i++) {
                values[k * width + i] = (float) frames.get(k)[i];
            }
        }
        return new Frames(times.stream().mapToDouble(Double::doubleValue).toArray(), values);
    }
}
