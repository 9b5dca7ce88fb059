package org.naoyu.decoder.onset;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.naoyu.decoder.data.FrameSeries;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The speech-onset detector of self-paced spelling: a small DL4J network that reads the last {@code contextFrames}
 * feature frames (averaged in {@code bins} bins, so it sees both the level and its rise) and gives the probability that
 * the participant is speaking; an {@link OnsetRule} turns those probabilities into attempt onsets.
 */
public final class OnsetDetector {

    /**
     * The detector's input and size.
     *
     * @param contextFrames frames it reads, ending at the current one, in [1, 200]
     * @param bins          bins they are averaged in, dividing {@code contextFrames}
     * @param hiddenUnits   units of its hidden layer, in [1, 1024]
     */
    public record Shape(int contextFrames, int bins, int hiddenUnits) {
        public static final Shape DEFAULT = new Shape(10, 2, 32);

        public Shape {
            if (contextFrames < 1 || contextFrames > 200) {
                throw new IllegalArgumentException("contextFrames must be in [1, 200], got " + contextFrames);
            }
            if (bins < 1 || contextFrames % bins != 0) {
                throw new IllegalArgumentException("bins must divide contextFrames = " + contextFrames + ", got " + bins);
            }
            if (hiddenUnits < 1 || hiddenUnits > 1024) {
                throw new IllegalArgumentException("hiddenUnits must be in [1, 1024], got " + hiddenUnits);
            }
        }

        int inputs(int width) {
            return bins * width;
        }
    }

    private final MultiLayerNetwork network;
    private final Shape shape;
    private final int width;
    private final OnsetRule rule;

    OnsetDetector(MultiLayerNetwork network, Shape shape, int width, OnsetRule rule) {
        if (network.getnLayers() != 2) {
            throw new IllegalArgumentException("an onset network has a hidden layer and an output layer, this one has "
                    + network.getnLayers() + " layers");
        }
        if (network.layerInputSize(0) != shape.inputs(width)) {
            throw new IllegalArgumentException("the onset network takes " + network.layerInputSize(0) + " inputs; "
                    + shape + " over " + width + " values per frame needs " + shape.inputs(width));
        }
        this.network = network;
        this.shape = shape;
        this.width = width;
        this.rule = rule;
    }

    public Shape shape() {
        return shape;
    }

    public int width() {
        return width;
    }

    public OnsetRule rule() {
        return rule;
    }

    OnsetDetector withRule(OnsetRule newRule) {
        return new OnsetDetector(network, shape, width, newRule);
    }

    /** Speech probability at every frame of a series (the first frames see a context padded with the first frame). */
    public double[] probabilities(FrameSeries series) {
        if (series.width() != width) {
            throw new IllegalArgumentException("the onset detector takes frames of " + width + " values, got "
                    + series.width());
        }
        int frames = series.frames();
        double[] p = new double[frames];
        int chunk = 2048;
        float[] input = new float[Math.min(chunk, Math.max(1, frames)) * shape.inputs(width)];
        for (int from = 0; from < frames; from += chunk) {
            int n = Math.min(chunk, frames - from);
            for (int k = 0; k < n; k++) {
                context(series.values(), from + k, input, k * shape.inputs(width));
            }
            INDArray out = network.output(Nd4j.create(java.util.Arrays.copyOf(input, n * shape.inputs(width)),
                    new long[] {n, shape.inputs(width)}, 'c'), false);
            for (int k = 0; k < n; k++) {
                p[from + k] = out.getDouble(k, 1);
            }
        }
        return p;
    }

    /** The onsets the rule finds in a series, as frame times. */
    public double[] detections(FrameSeries series) {
        return rule.detections(series.times(), probabilities(series));
    }

    /** The input of the frame at {@code frame} of frame-major {@code values}, written at {@code out[offset…]}. */
    void context(float[] values, int frame, float[] out, int offset) {
        int perBin = shape.contextFrames() / shape.bins();
        java.util.Arrays.fill(out, offset, offset + shape.inputs(width), 0f);
        for (int b = 0; b < shape.bins(); b++) {
            for (int k = 0; k < perBin; k++) {
                int f = Math.max(0, frame - shape.contextFrames() + 1 + b * perBin + k);
                int from = f * width;
                int to = offset + b * width;
                for (int i = 0; i < width; i++) {
                    float v = values[from + i];
                    out[to + i] += Float.isFinite(v) ? v / perBin : 0f; // a missing value is no evidence
                }
            }
        }
    }

    /** A per-frame detector for the live stream: it keeps the context itself and reuses its input buffers. */
    public Live live() {
        return new Live();
    }

    /** Frame-by-frame probabilities and onsets; owns its ring of recent frames. */
    public final class Live {
        private final float[] ring = new float[shape.contextFrames() * width];
        private final float[] input = new float[shape.inputs(width)];
        // the network is one ReLU layer and a two-way softmax: evaluated here in plain Java from a copy of its
        // weights, so that a frame allocates nothing (DL4J's output() allocates its activations on every call)
        private final int inputs = shape.inputs(width);
        private final int hidden = shape.hiddenUnits();
        private final float[] w0 = weights(0, "W");
        private final float[] b0 = weights(0, "b");
        private final float[] w1 = weights(1, "W");
        private final float[] b1 = weights(1, "b");
        private final double[] activation = new double[hidden];
        private final OnsetRule.Tracker tracker = new OnsetRule.Tracker(rule);
        private long seen;
        private double probability = Double.NaN;

        /**
         * Feeds one frame of {@code width} values; returns true when an onset is declared at it (the attempt began
         * about {@link OnsetRule#lagSeconds()} earlier).
         */
        public boolean accept(double time, double[] frame) {
            if (frame.length != width) {
                throw new IllegalArgumentException("a frame needs exactly " + width + " values, got " + frame.length);
            }
            int slot = (int) (seen % shape.contextFrames());
            for (int i = 0; i < width; i++) {
                ring[slot * width + i] = (float) frame[i];
            }
            if (seen == 0) { // pad the context with the first frame, as the offline path does
                for (int k = 1; k < shape.contextFrames(); k++) {
                    System.arraycopy(ring, 0, ring, k * width, width);
                }
            }
            seen++;
            java.util.Arrays.fill(input, 0f);
            int perBin = shape.contextFrames() / shape.bins();
            int contextFrames = shape.contextFrames();
            // oldest frame first, as the offline path adds them, so the sums round alike
            for (int position = 0; position < contextFrames; position++) {
                long frameIndex = seen - contextFrames + position;
                int from = (int) ((frameIndex % contextFrames + contextFrames) % contextFrames) * width;
                int to = position / perBin * width;
                for (int i = 0; i < width; i++) {
                    float v = ring[from + i];
                    input[to + i] += Float.isFinite(v) ? v / perBin : 0f;
                }
            }
            probability = speechProbability();
            return tracker.accept(time, probability);
        }

        private double speechProbability() {
            for (int j = 0; j < hidden; j++) {
                activation[j] = b0[j];
            }
            for (int i = 0; i < inputs; i++) {
                float x = input[i];
                if (x != 0f) {
                    int row = i * hidden; // W is [nIn, nOut], copied row by row (see weights)
                    for (int j = 0; j < hidden; j++) {
                        activation[j] += x * w0[row + j];
                    }
                }
            }
            double z0 = b1[0];
            double z1 = b1[1];
            for (int j = 0; j < hidden; j++) {
                double h = Math.max(0, activation[j]);
                z0 += h * w1[j * 2];
                z1 += h * w1[j * 2 + 1];
            }
            return 1 / (1 + Math.exp(z0 - z1));
        }

        /** A layer's parameter as a row-major [nIn, nOut] (or [nOut]) array. */
        private float[] weights(int layer, String name) {
            INDArray parameter = network.getLayer(layer).getParam(name);
            return parameter.dup('c').data().asFloat();
        }

        /** The speech probability of the last frame. */
        public double probability() {
            return probability;
        }

        public void reset() {
            seen = 0;
            tracker.reset();
            probability = Double.NaN;
        }
    }

    /** Writes the network in DL4J's format (the shape and rule travel in the model's provenance). */
    public void write(OutputStream out) throws IOException {
        ModelSerializer.writeModel(network, out, false);
    }

    /** Reads a network written by {@link #write}. */
    public static OnsetDetector read(InputStream in, Shape shape, int width, OnsetRule rule) throws IOException {
        return new OnsetDetector(ModelSerializer.restoreMultiLayerNetwork(in, false), shape, width, rule);
    }
}
