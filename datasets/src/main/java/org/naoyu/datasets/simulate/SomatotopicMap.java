package org.naoyu.datasets.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How strongly each electrode picks up each articulator's representation: a participant's ventral sensorimotor
 * cortex under the grid. Each {@link Articulator} is an elongated Gaussian field around its nominal place (shifted
 * per participant by a few percent of the grid), wider along the anterior-posterior axis because representations
 * straddle the central sulcus; each electrode's selectivity is further scaled log-normally (σ = 0.3) to give the
 * mixed, uneven tuning recorded electrodes show. Weights below 0.03 are zero: electrodes far from the speech
 * representations do not respond, as in recordings. Each articulator's strongest electrode has weight 1.
 */
public final class SomatotopicMap {
    private static final double WIDTH_DORSO_VENTRAL = 0.075;
    private static final double WIDTH_ANTERO_POSTERIOR = 0.2;
    private static final double FLOOR = 0.03;

    private final ElectrodeGrid grid;
    /** weight[channel][articulator ordinal]. */
    private final double[][] weight;

    SomatotopicMap(ElectrodeGrid grid, long participant) {
        this.grid = grid;
        Articulator[] articulators = Articulator.values();
        this.weight = new double[grid.channelCount()][articulators.length];
        SimRandom random = new SimRandom(participant, 0x50A7L);
        for (Articulator articulator : articulators) {
            double centreDv = articulator.dorsoVentral() + 0.025 * random.nextGaussian();
            double centreAp = articulator.anteroPosterior() + 0.05 * random.nextGaussian();
            double widthDv = WIDTH_DORSO_VENTRAL * random.logNormal(0.15);
            double widthAp = WIDTH_ANTERO_POSTERIOR * random.logNormal(0.15);
            double max = 0;
            for (int c = 0; c < grid.channelCount(); c++) {
                double dv = (grid.dorsoVentral(c) - centreDv) / widthDv;
                double ap = (grid.anteroPosterior(c) - centreAp) / widthAp;
                double w = StrictMath.exp(-0.5 * (dv * dv + ap * ap)) * random.logNormal(0.3);
                weight[c][articulator.ordinal()] = w;
                max = StrictMath.max(max, w);
            }
            for (int c = 0; c < grid.channelCount(); c++) {
                double w = weight[c][articulator.ordinal()] / max;
                weight[c][articulator.ordinal()] = w < FLOOR ? 0 : w;
            }
        }
    }

    /** The map of a participant's cortex under a grid; the same participant always gives the same map. */
    public static SomatotopicMap of(ElectrodeGrid grid, long participant) {
        return new SomatotopicMap(grid, participant);
    }

    public ElectrodeGrid grid() {
        return grid;
    }

    /** How strongly {@code channel} picks up {@code articulator}, in [0, 1]. */
    public double weight(int channel, Articulator articulator) {
        return weight[channel][articulator.ordinal()];
    }

    /** The articulators that reach {@code channel} (weight above 0), by ordinal in dorsal-to-ventral order. */
    int[] tunedArticulators(int channel) {
        double[] w = weight[channel];
        return java.util.stream.IntStream.range(0, w.length).filter(a -> w[a] > 0).toArray();
    }

    /** The weights of {@link #tunedArticulators}, in the same order. */
    double[] tunedWeights(int channel) {
        double[] w = weight[channel];
        return java.util.Arrays.stream(w).filter(v -> v > 0).toArray();
    }

    /** The electrode most tuned to an articulator. */
    public int peakChannel(Articulator articulator) {
        int best = 0;
        for (int c = 1; c < grid.channelCount(); c++) {
            if (weight[c][articulator.ordinal()] > weight[best][articulator.ordinal()]) {
                best = c;
            }
        }
        return best;
    }

    /** The channels whose weight for an articulator is at least {@code threshold}. */
    public List<Integer> channelsAbove(Articulator articulator, double threshold) {
        List<Integer> channels = new ArrayList<>();
        for (int c = 0; c < grid.channelCount(); c++) {
            if (weight[c][articulator.ordinal()] >= threshold) {
                channels.add(c);
            }
        }
        return channels;
    }

    /** Whether any articulator reaches this electrode. */
    public boolean isResponsive(int channel) {
        for (double w : weight[channel]) {
            if (w > 0) {
                return true;
            }
        }
        return false;
    }

    /** The expected activation of each channel for a gestural score: Σ over gestures of amplitude × weight. */
    public double[] expectedResponse(List<Gesture> gestures) {
        double[] response = new double[grid.channelCount()];
        for (Gesture gesture : gestures) {
            for (int c = 0; c < response.length; c++) {
                response[c] += gesture.amplitude() * (gesture.end() - gesture.start())
                        * weight[c][gesture.articulator().ordinal()];
            }
        }
        return response;
    }

    /** The dominant articulator of each channel, or none where no articulator reaches. */
    public Map<Integer, Articulator> dominantArticulators() {
        Map<Integer, Articulator> dominant = new java.util.TreeMap<>();
        for (int c = 0; c < grid.channelCount(); c++) {
            Articulator best = null;
            double bestWeight = 0;
            for (Articulator a : Articulator.values()) {
                if (weight[c][a.ordinal()] > bestWeight) {
                    bestWeight = weight[c][a.ordinal()];
                    best = a;
                }
            }
            if (best != null) {
                dominant.put(c, best);
            }
        }
        return dominant;
    }
}
