package org.naoyu.decoder.model;

import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The decoder network of {@link DualHeadNetwork} run as the frames stream in, in plain Java from a copy of its
 * weights. The temporal convolution, which is most of the network's work, is computed for each frame of a waiting
 * attempt's window as soon as the frames it reads have arrived; when the last frame comes, only the window's two edge
 * frames on each side (which see the window's zero padding instead of their neighbours), the pooling, the
 * whole-window convolution, the shared layer and the heads remain: a tenth of a millisecond at 256 channels,
 * where DL4J's {@code output()} on the whole window took 1.3 ms on a warm core and 4 to 17 ms in a live session
 * whose caches the other threads had cooled. The results are DL4J's to float rounding ({@code StreamingNetworkTest}).
 *
 * <p>Only the shape {@link DualHeadNetwork} builds without an LSTM is run this way (convolution, 1-D pooling,
 * whole-window convolution, global average, dense, softmax heads); {@link #of} answers empty for anything else,
 * and the caller keeps DL4J. One instance follows one stream of frames, held in its caller's ring.
 */
public final class StreamingNetwork {
    private final TrainedModel model;
    private final int width;
    private final int frames;
    private final int kernel;
    private final int pad;
    private final int filters;
    /**
     * The first convolution's weights as [tap][input][filter]. DL4J shows the parameter as [filters, inputs, taps, 1],
     * but its 1-D convolution hands the same buffer to the native op reshaped, not permuted, as [taps, inputs,
     * filters]: so that is what the network learned, and the buffer is read as it is.
     */
    private final float[] convWeights;
    private final float[] convBias;
    private final boolean maxPooling;
    private final int poolKernel;
    private final int poolStride;
    private final int steps;
    private final int patternKernel;
    private final int patternUnits;
    private final int patternOutputs;
    /** The whole-window convolution's weights as [step][filter][unit], read as {@link #convWeights} is. */
    private final float[] patternWeights;
    private final float[] patternBias;
    private final int dense;
    /** The shared layer's weights as [input][unit]. */
    private final float[] denseWeights;
    private final float[] denseBias;
    /** Each head's weights as [input][output] and biases, in the order of {@link Heads#layers()}. */
    private final float[][] headWeights;
    private final float[][] headBiases;
    private final int baseHead;
    private final int toneHead;
    private final int initialHead;
    private final int finalHead;

    private final float[] convRing;
    private final int ringFrames;
    /** The centres whose convolution {@code convRing} holds: from, through (empty when through < from). */
    private long computedFrom;
    private long computedThrough = -1;
    private final float[] convolved;
    /** One centre's filter sums while they are added up. */
    private final float[] sums;
    private final float[] pooled;
    private final float[] unit;
    private final float[] pattern;
    private final float[] shared;
    /** The linear path (empty arrays without one): bins of the window, then its units. */
    private final int wideUnits;
    private final int wideBins;
    /** The linear path's weights as [bin][input][unit], read as {@link #convWeights} is. */
    private final float[] wideWeights;
    private final float[] wideBias;
    private final float[] binned;
    private final float[] wideOut;
    /** What the shared layer and the part heads read: the pattern units, then the linear path's. */
    private final float[] summary;
    /** Whether head h reads the summary (the part heads) rather than the shared layer. */
    private final boolean[] readsSummary;

    private StreamingNetwork(TrainedModel model, ComputationGraph graph, int ringFrames) {
        this.model = model;
        this.width = model.width();
        this.frames = model.frames();
        Convolution1DLayer conv = (Convolution1DLayer) graph.getLayer("conv").conf().getLayer();
        this.kernel = conv.getKernelSize()[0];
        this.pad = (kernel - 1) / 2; // DL4J's Same mode at stride 1: the odd padding frame goes after
        INDArray w = graph.getLayer("conv").getParam("W");
        this.filters = (int) w.size(0);
        this.convWeights = rowMajor(w);
        this.convBias = rowMajor(graph.getLayer("conv").getParam("b"));
        Subsampling1DLayer pool = (Subsampling1DLayer) graph.getLayer("steps").conf().getLayer();
        this.maxPooling = pool.getPoolingType() == PoolingType.MAX;
        this.poolKernel = pool.getKernelSize()[0];
        this.poolStride = pool.getStride()[0];
        this.steps = (frames - poolKernel) / poolStride + 1;
        INDArray pw = graph.getLayer("pattern").getParam("W"); // shown as [units, filters, kernel, 1]
        this.patternUnits = (int) pw.size(0);
        this.patternKernel = (int) pw.size(2);
        this.patternOutputs = steps - patternKernel + 1;
        this.patternWeights = rowMajor(pw);
        this.patternBias = rowMajor(graph.getLayer("pattern").getParam("b"));
        this.denseWeights = rowMajor(graph.getLayer("shared").getParam("W"));
        this.denseBias = rowMajor(graph.getLayer("shared").getParam("b"));
        this.dense = denseBias.length;
        List<String> heads = model.heads().layers();
        this.headWeights = new float[heads.size()][];
        this.headBiases = new float[heads.size()][];
        this.readsSummary = new boolean[heads.size()];
        for (int h = 0; h < heads.size(); h++) {
            headWeights[h] = rowMajor(graph.getLayer(heads.get(h)).getParam("W"));
            headBiases[h] = rowMajor(graph.getLayer(heads.get(h)).getParam("b"));
            readsSummary[h] = !graph.getConfiguration().getVertexInputs().get(heads.get(h)).equals(List.of("shared"));
        }
        boolean wide = graph.getConfiguration().getVertices().containsKey("wide");
        this.wideUnits = wide ? (int) graph.getLayer("wide").getParam("W").size(0) : 0;
        this.wideBins = wide ? (int) graph.getLayer("wide").getParam("W").size(2) : 0;
        this.wideWeights = wide ? rowMajor(graph.getLayer("wide").getParam("W")) : new float[0];
        this.wideBias = wide ? rowMajor(graph.getLayer("wide").getParam("b")) : new float[0];
        this.binned = new float[wideBins * width];
        this.wideOut = new float[wideUnits];
        this.summary = new float[patternUnits + wideUnits];
        this.baseHead = heads.indexOf("base");
        this.toneHead = heads.indexOf("tone");
        this.initialHead = heads.indexOf("initial");
        this.finalHead = heads.indexOf("final");
        this.ringFrames = ringFrames;
        this.convRing = new float[ringFrames * filters];
        this.convolved = new float[frames * filters];
        this.sums = new float[filters];
        this.pooled = new float[steps * filters];
        this.unit = new float[patternUnits];
        this.pattern = new float[patternUnits];
        this.shared = new float[dense];
    }

    /**
     * The streaming form of {@code model} following a ring of {@code ringFrames} frames, or empty when the model is
     * not a network of the shape this runs (the linear baseline, a network with an LSTM).
     */
    public static Optional<StreamingNetwork> of(TrainedModel model, int ringFrames) {
        if (model.kind() != TrainedModel.Kind.NETWORK || !supported(model.graph(), model.heads())) {
            return Optional.empty();
        }
        if (ringFrames < model.frames()) {
            throw new IllegalArgumentException("the ring must hold a window of " + model.frames() + " frames, got "
                    + ringFrames);
        }
        return Optional.of(new StreamingNetwork(model, model.graph(), ringFrames));
    }

    /**
     * Whether the graph is exactly conv → 1-D pooling → whole-window conv → global average (→ merged with the linear
     * path: 100-ms average bins → whole-window linear conv → global average) → dense → the heads, each reading the
     * dense layer or (part heads) the summary.
     */
    static boolean supported(ComputationGraph graph, Heads heads) {
        Layer[] layers = graph.getLayers();
        boolean wide = graph.getConfiguration().getVertices().containsKey("wide");
        String summary = wide ? "summary" : "patternFlat";
        if (layers.length != 5 + (wide ? 3 : 0) + heads.layers().size()
                || graph.getConfiguration().getNetworkInputs().size() != 1) {
            return false;
        }
        try {
            Convolution1DLayer conv = (Convolution1DLayer) graph.getLayer("conv").conf().getLayer();
            Subsampling1DLayer pool = (Subsampling1DLayer) graph.getLayer("steps").conf().getLayer();
            Convolution1DLayer pattern = (Convolution1DLayer) graph.getLayer("pattern").conf().getLayer();
            GlobalPoolingLayer flat = (GlobalPoolingLayer) graph.getLayer("patternFlat").conf().getLayer();
            DenseLayer shared = (DenseLayer) graph.getLayer("shared").conf().getLayer();
            for (String name : heads.layers()) {
                OutputLayer head = (OutputLayer) graph.getLayer(name).conf().getLayer();
                boolean part = name.equals("initial") || name.equals("final");
                if (!(head.hasBias() && head.getActivationFn() instanceof ActivationSoftmax
                        && (inputs(graph, name, "shared") || part && inputs(graph, name, summary)))) {
                    return false;
                }
            }
            return conv.getConvolutionMode() == ConvolutionMode.Same && plain(conv, PLAIN_RELU)
                    && conv.getKernelSize()[0] % 2 == 1
                    && pooling(pool) && (pool.getPoolingType() == PoolingType.MAX
                            || pool.getPoolingType() == PoolingType.AVG)
                    && pattern.getConvolutionMode() == ConvolutionMode.Truncate && plain(pattern, PLAIN_RELU)
                    && averaged(flat)
                    && shared.hasBias() && PLAIN_RELU.equals(shared.getActivationFn())
                    && inputs(graph, "conv", "frames") && inputs(graph, "steps", "conv")
                    && inputs(graph, "pattern", "steps") && inputs(graph, "patternFlat", "pattern")
                    && inputs(graph, "shared", summary) && (!wide || widePath(graph));
        } catch (ClassCastException | NullPointerException | IllegalStateException notThisShape) {
            return false;
        }
    }

    /** The linear path: average bins of the input, one linear convolution over them all, merged after the pattern. */
    private static boolean widePath(ComputationGraph graph) {
        Subsampling1DLayer bins = (Subsampling1DLayer) graph.getLayer("bins").conf().getLayer();
        Convolution1DLayer wide = (Convolution1DLayer) graph.getLayer("wide").conf().getLayer();
        GlobalPoolingLayer flat = (GlobalPoolingLayer) graph.getLayer("wideFlat").conf().getLayer();
        return pooling(bins) && bins.getPoolingType() == PoolingType.AVG
                && bins.getKernelSize()[0] == bins.getStride()[0]
                && wide.getConvolutionMode() == ConvolutionMode.Truncate && plain(wide, new ActivationIdentity())
                && averaged(flat) && inputs(graph, "bins", "frames") && inputs(graph, "wide", "bins")
                && inputs(graph, "wideFlat", "wide")
                && graph.getConfiguration().getVertices().get("summary") instanceof MergeVertex
                && inputs(graph, "summary", "patternFlat", "wideFlat");
    }

    private static boolean pooling(Subsampling1DLayer pool) {
        return pool.getConvolutionMode() == ConvolutionMode.Truncate && pool.getPadding()[0] == 0
                && pool.getDilation()[0] == 1;
    }

    private static boolean averaged(GlobalPoolingLayer flat) {
        return flat.getPoolingType() == PoolingType.AVG && (flat.getPoolingDimensions() == null
                || java.util.Arrays.equals(flat.getPoolingDimensions(), new int[] {2}));
    }

    /** max(0, x): no threshold, no cap, no leak. */
    private static final ActivationReLU PLAIN_RELU = new ActivationReLU();

    /** A 1-D convolution this class computes: stride 1, no dilation or padding, a bias, this activation, NCW. */
    private static boolean plain(Convolution1DLayer conv, Object activation) {
        return conv.getStride()[0] == 1 && conv.getDilation()[0] == 1 && conv.getPadding()[0] == 0 && conv.hasBias()
                && activation.equals(conv.getActivationFn()) && conv.getRnnDataFormat() == RNNFormat.NCW;
    }

    private static boolean inputs(ComputationGraph graph, String vertex, String... inputs) {
        return graph.getConfiguration().getVertexInputs().get(vertex).equals(List.of(inputs));
    }

    /** A DL4J parameter's values in row-major order (a dense layer's [nIn, nOut] weights row by row; a bias as is). */
    static float[] rowMajor(INDArray parameter) {
        return parameter.dup('c').data().asFloat();
    }

    /**
     * Computes the convolution at every centre whose taps lie within frames {@code first} through {@code newest} (the
     * newest frame; each frame is held at slot {@code frame % ringFrames} of {@code ring}), unless already done.
     * Called as each frame arrives while an attempt waits, it has the window's work done by its last frame; the frames
     * of a window that came before the call (before its cue or its detection) are caught up at once. Nothing is
     * computed while no attempt waits. Values across a gap in the stream are never used: windows do not span gaps.
     */
    public void convolve(float[] ring, long first, long newest) {
        long held = newest - ringFrames + 1;
        long oldestCentre = Math.max(pad, Math.max(first, held) + pad);
        long newestCentre = newest - pad;
        // centres whose taps have left the ring are dropped, so no slot is reused inside the range
        computedFrom = Math.max(computedFrom, held + pad);
        if (computedThrough < computedFrom || computedThrough < oldestCentre - 1) {
            computedFrom = oldestCentre; // nothing usable, or a hole before the window: start at the window
            computedThrough = oldestCentre - 1;
        }
        for (long centre = oldestCentre; centre < computedFrom; centre++) {
            convolveAt(ring, centre);
        }
        computedFrom = Math.min(computedFrom, oldestCentre);
        for (long centre = computedThrough + 1; centre <= newestCentre; centre++) {
            convolveAt(ring, centre);
        }
        computedThrough = Math.max(computedThrough, newestCentre);
    }

    /** Forgets what was computed (the frames are numbered from 0 again). */
    public void reset() {
        computedFrom = 0;
        computedThrough = -1;
    }

    private void convolveAt(float[] ring, long centre) {
        java.util.Arrays.fill(sums, 0f);
        for (int k = 0; k < kernel; k++) {
            accumulate(ring, slot(centre - pad + k), k);
        }
        System.arraycopy(sums, 0, convRing, slot(centre) * filters, filters);
    }

    /**
     * Adds one tap's contribution of the frame at {@code slot} to {@link #sums}. The innermost loop runs over the
     * filters, four inputs at a time: a filter's sum is loaded and stored once per four inputs, and the loop has enough
     * work per step for the JIT's vector instructions to pay (one input at a time, they made it slower than scalar).
     */
    private void accumulate(float[] ring, int slot, int tap) {
        int from = slot * width;
        int weights = tap * width * filters;
        float[] into = sums;
        float[] w = convWeights;
        int i = 0;
        for (; i + 3 < width; i += 4) {
            float x0 = ring[from + i];
            float x1 = ring[from + i + 1];
            float x2 = ring[from + i + 2];
            float x3 = ring[from + i + 3];
            int r0 = weights + i * filters;
            int r1 = r0 + filters;
            int r2 = r1 + filters;
            int r3 = r2 + filters;
            for (int c = 0; c < filters; c++) {
                into[c] += x0 * w[r0 + c] + x1 * w[r1 + c] + x2 * w[r2 + c] + x3 * w[r3 + c];
            }
        }
        for (; i < width; i++) {
            float x = ring[from + i];
            int row = weights + i * filters;
            for (int c = 0; c < filters; c++) {
                into[c] += x * w[row + c];
            }
        }
    }

    /**
     * The posteriors of the window of {@link TrainedModel#frames()} frames starting at frame {@code first}, all of
     * which have arrived and are still in {@code ring}; {@code newest} is the newest frame.
     */
    public Posteriors decode(float[] ring, long first, long newest) {
        if (first < 0 || first + frames - 1 > newest || first <= newest - ringFrames) {
            throw new IllegalArgumentException("the window of frames " + first + " to " + (first + frames - 1)
                    + " is not held: the ring holds " + Math.max(0, newest - ringFrames + 1) + " to " + newest);
        }
        convolve(ring, first, newest);
        for (int f = 0; f < frames; f++) {
            int out = f * filters;
            if (f >= pad && f + pad < frames) {
                System.arraycopy(convRing, slot(first + f) * filters, convolved, out, filters);
            } else { // an edge frame: its taps outside the window see zeros, as DL4J's padding does
                java.util.Arrays.fill(sums, 0f);
                for (int k = 0; k < kernel; k++) {
                    int at = f - pad + k;
                    if (at >= 0 && at < frames) {
                        accumulate(ring, slot(first + at), k);
                    }
                }
                System.arraycopy(sums, 0, convolved, out, filters);
            }
            for (int c = 0; c < filters; c++) {
                convolved[out + c] = Math.max(0f, convolved[out + c] + convBias[c]);
            }
        }
        for (int s = 0; s < steps; s++) {
            for (int c = 0; c < filters; c++) {
                float v = maxPooling ? Float.NEGATIVE_INFINITY : 0f;
                for (int f = s * poolStride; f < s * poolStride + poolKernel; f++) {
                    float x = convolved[f * filters + c];
                    v = maxPooling ? Math.max(v, x) : v + x;
                }
                pooled[s * filters + c] = maxPooling ? v : v / poolKernel;
            }
        }
        java.util.Arrays.fill(pattern, 0f);
        for (int o = 0; o < patternOutputs; o++) {
            System.arraycopy(patternBias, 0, unit, 0, patternUnits);
            for (int s = 0; s < patternKernel; s++) {
                for (int c = 0; c < filters; c++) {
                    float x = pooled[(o + s) * filters + c];
                    int row = (s * filters + c) * patternUnits;
                    for (int u = 0; u < patternUnits; u++) {
                        unit[u] += x * patternWeights[row + u];
                    }
                }
            }
            for (int u = 0; u < patternUnits; u++) {
                pattern[u] += Math.max(0f, unit[u]) / patternOutputs;
            }
        }
        System.arraycopy(pattern, 0, summary, 0, patternUnits);
        if (wideUnits > 0) {
            widePath(ring, first);
        }
        layer(summary, denseWeights, denseBias, shared);
        for (int j = 0; j < dense; j++) {
            shared[j] = Math.max(0f, shared[j]);
        }
        return new Posteriors(model.bases(), head(baseHead), head(toneHead), head(initialHead), head(finalHead),
                model.wholeWeight(), model.coupling());
    }

    /** The linear path of the window starting at {@code first}: bin means, then one linear map into the summary. */
    private void widePath(float[] ring, long first) {
        int binFrames = frames / wideBins;
        java.util.Arrays.fill(binned, 0f);
        for (int b = 0; b < wideBins; b++) {
            for (int f = b * binFrames; f < (b + 1) * binFrames; f++) {
                int from = slot(first + f) * width;
                for (int i = 0; i < width; i++) {
                    binned[b * width + i] += ring[from + i];
                }
            }
        }
        for (int k = 0; k < binned.length; k++) {
            binned[k] /= binFrames;
        }
        // weights [bin][input][unit]: the bins are the taps of a convolution as long as the window
        layer(binned, wideWeights, wideBias, wideOut);
        System.arraycopy(wideOut, 0, summary, patternUnits, wideUnits);
    }

    /** The softmax of head {@code h} over its input; empty when the model has no such head. */
    private double[] head(int h) {
        return h < 0 ? NO_HEAD : softmax(readsSummary[h] ? summary : shared, headWeights[h], headBiases[h]);
    }

    private static final double[] NO_HEAD = new double[0];

    private int slot(long frame) {
        return (int) (frame % ringFrames);
    }

    /** {@code out = in · weights + bias}, weights [in][out] row by row. */
    private static void layer(float[] in, float[] weights, float[] bias, float[] out) {
        System.arraycopy(bias, 0, out, 0, out.length);
        for (int i = 0; i < in.length; i++) {
            float x = in[i];
            int row = i * out.length;
            for (int j = 0; j < out.length; j++) {
                out[j] += x * weights[row + j];
            }
        }
    }

    /** A softmax layer on {@code in}: weights row-major [inputs][outputs], as DL4J keeps them. */
    static double[] softmax(float[] in, float[] weights, float[] bias) {
        float[] logits = new float[bias.length];
        layer(in, weights, bias, logits);
        double max = Double.NEGATIVE_INFINITY;
        for (float z : logits) {
            max = Math.max(max, z);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int j = 0; j < p.length; j++) {
            p[j] = Math.exp(logits[j] - max);
            sum += p[j];
        }
        for (int j = 0; j < p.length; j++) {
            p[j] /= sum;
        }
        return p;
    }
}
