package org.naoyu.decoder.model;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.naoyu.decoder.data.Epoch;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The syllable decoder's network (DeepLearning4J): a window of feature frames through a temporal convolution (5 frames)
 * that learns spatial-temporal filters across channels, the maximum over each {@code poolFrames} frames, then a
 * summary of the window (a convolution as long as the window, an LSTM averaged over it, or both; optionally beside a
 * linear path over the window in 100-ms bins), a shared dense layer, and softmax heads ({@link Heads}): one over base
 * syllables and one over the five tones — NeuroXess's two streams — on the shared layer, and with part heads one over
 * initials and one over finals — Westlake's branches — read straight off the summary, so that a part is a linear
 * function of features that do not depend on which syllable it came in. Toned-syllable posteriors combine the heads
 * (see {@link Posteriors}).
 */
public final class DualHeadNetwork {

    /**
     * The network's shape and training settings.
     *
     * @param convFilters  filters of the temporal convolution (kernel 5 frames, 50 ms at 100 frames/s)
     * @param poolFrames   frames pooled (their maximum) into one step after the convolution (1: none), in [1, 20]
     * @param lstmUnits    units of the recurrent layer (0: none)
     * @param patternUnits units of the whole-window convolution (0: none; one of the two must be there)
     * @param denseUnits   units of the shared layer before the heads
     * @param dropout      dropout retain probability of the shared layer, in (0, 1]
     * @param learningRate Adam's learning rate
     * @param seed         weights and shuffling
     * @param wideUnits    units of the linear path beside the convolutions (0: none): the window averaged in bins of
     *                     {@value #WIDE_BIN_FRAMES} frames, as the linear baseline reads it, projected linearly, in
     *                     [0, 1024]
     */
    public record Settings(int convFilters, int poolFrames, int lstmUnits, int patternUnits, int denseUnits,
            double dropout, double learningRate, long seed, int wideUnits) {
        /**
         * Chosen on simulated sessions (64 channels, 20 toned syllables, 18 training trials each, tested on two other
         * sessions): the whole-window convolution alone scored 0.81 top-1 toned; adding an LSTM over the same steps
         * 0.72-0.77, at 5x the decode time; the LSTM alone 0.58-0.62; the linear baseline 0.66-0.70.
         */
        public static final Settings DEFAULT = new Settings(32, 5, 0, 64, 64, 0.5, 1e-3, 1);

        /** A network without the linear path. */
        public Settings(int convFilters, int poolFrames, int lstmUnits, int patternUnits, int denseUnits,
                double dropout, double learningRate, long seed) {
            this(convFilters, poolFrames, lstmUnits, patternUnits, denseUnits, dropout, learningRate, seed, 0);
        }

        public Settings withSeed(long newSeed) {
            return new Settings(convFilters, poolFrames, lstmUnits, patternUnits, denseUnits, dropout, learningRate,
                    newSeed, wideUnits);
        }

        /** The same network with a linear path of {@code units} (0: none). */
        public Settings withWideUnits(int units) {
            return new Settings(convFilters, poolFrames, lstmUnits, patternUnits, denseUnits, dropout, learningRate,
                    seed, units);
        }

        public Settings {
            if (convFilters < 1 || lstmUnits < 0 || patternUnits < 0 || lstmUnits + patternUnits < 1
                    || denseUnits < 1) {
                throw new IllegalArgumentException("layer sizes must be >= 1 (lstm and pattern >= 0, not both 0), got "
                        + "conv " + convFilters + ", lstm " + lstmUnits + ", pattern " + patternUnits + ", dense "
                        + denseUnits);
            }
            if (poolFrames < 1 || poolFrames > 20) {
                throw new IllegalArgumentException("poolFrames must be in [1, 20], got " + poolFrames);
            }
            if (!(dropout > 0 && dropout <= 1)) {
                throw new IllegalArgumentException("dropout (retain probability) must be in (0, 1], got " + dropout);
            }
            if (!(learningRate > 0 && learningRate < 1)) {
                throw new IllegalArgumentException("learningRate must be in (0, 1), got " + learningRate);
            }
            if (wideUnits < 0 || wideUnits > 1024) {
                throw new IllegalArgumentException("wideUnits must be in [0, 1024] (0: no linear path), got "
                        + wideUnits);
            }
        }
    }

    /** Frames averaged into one bin of the linear path: 100 ms at 100 frames/s, the linear baseline's bins. */
    public static final int WIDE_BIN_FRAMES = 10;

    private final List<String> bases;
    private final Heads heads;
    private final int width;
    private final int frames;
    private final ComputationGraph graph;
    private final TrainedModel model;

    /** A network with the whole-syllable and tone heads, answering with any of its bases in any tone. */
    public DualHeadNetwork(List<String> bases, int width, int frames, Settings settings) {
        this(bases, width, frames, settings, Heads.WHOLE, null, 1);
    }

    /**
     * @param bases       the whole-syllable head's outputs (empty for part heads only)
     * @param outputs     the toned syllables the model answers with (null: every base in every tone)
     * @param wholeWeight the whole-syllable head's share when both kinds of head are mixed
     */
    public DualHeadNetwork(List<String> bases, int width, int frames, Settings settings, Heads heads,
            List<org.naoyu.decoder.data.TonedSyllable> outputs, double wholeWeight) {
        if (heads.whole() == bases.isEmpty() || width < 1 || frames < Math.max(5, settings.poolFrames())
                || settings.wideUnits() > 0 && frames < WIDE_BIN_FRAMES) {
            throw new IllegalArgumentException("a network needs base syllables exactly when it has a whole-syllable "
                    + "head, width >= 1 and >= 5 frames (" + WIDE_BIN_FRAMES + " with a linear path), got "
                    + heads.label() + " heads, " + bases.size() + " bases, width " + width + ", " + frames + " frames");
        }
        this.heads = heads;
        this.bases = List.copyOf(bases);
        this.width = width;
        this.frames = frames;
        int steps = (frames - settings.poolFrames()) / settings.poolFrames() + 1;
        ComputationGraphConfiguration.GraphBuilder graphBuilder = new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .updater(new Adam(settings.learningRate()))
                .l2(1e-4)
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("frames")
                .setInputTypes(InputType.recurrent(width, frames))
                .addLayer("conv", new Convolution1DLayer.Builder().kernelSize(5).nOut(settings.convFilters())
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build(), "frames")
                // this builder's pooling-type argument is not applied: DL4J builds max pooling, with which every
                // setting above was chosen and every saved model trained, so it is named for what it does
                .addLayer("steps", new Subsampling1DLayer.Builder(PoolingType.MAX).kernelSize(settings.poolFrames())
                        .stride(settings.poolFrames()).build(), "conv");
        List<String> summaries = new java.util.ArrayList<>();
        if (settings.lstmUnits() > 0) {
            // the LSTM averaged over the window rather than read at its last step: with few trials per class,
            // averaging lets the network use activity wherever it falls instead of carrying it to the end
            graphBuilder.addLayer("lstm", new LSTM.Builder().nOut(settings.lstmUnits()).activation(Activation.TANH)
                    .build(), "steps")
                    .addLayer("lstmMean", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "lstm");
            summaries.add("lstmMean");
        }
        if (settings.patternUnits() > 0) {
            // a convolution as long as the whole window: a dense layer over every step, which keeps when things
            // happened (a tone's contour) where the LSTM's average blurs it
            graphBuilder.addLayer("pattern", new Convolution1DLayer.Builder().kernelSize(steps)
                    .nOut(settings.patternUnits()).convolutionMode(ConvolutionMode.Truncate)
                    .activation(Activation.RELU).build(), "steps")
                    .addLayer("patternFlat", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "pattern");
            summaries.add("patternFlat");
        }
        if (settings.wideUnits() > 0) {
            // the linear baseline inside the network: the window in 100-ms bins, projected without an activation.
            // Syllables are sums of their parts' activity (the simulator's gestures, cortex's somatotopy); a linear
            // read-out carries that sum to combinations never trained, which the convolutions' ReLUs learn less well
            int bins = frames / WIDE_BIN_FRAMES;
            graphBuilder.addLayer("bins", new Subsampling1DLayer.Builder().poolingType(PoolingType.AVG)
                    .kernelSize(WIDE_BIN_FRAMES).stride(WIDE_BIN_FRAMES).build(), "frames")
                    .addLayer("wide", new Convolution1DLayer.Builder().kernelSize(bins).nOut(settings.wideUnits())
                            .convolutionMode(ConvolutionMode.Truncate).activation(Activation.IDENTITY).build(), "bins")
                    .addLayer("wideFlat", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "wide");
            summaries.add("wideFlat");
        }
        String summary = summaries.get(0);
        if (summaries.size() > 1) {
            graphBuilder.addVertex("summary", new MergeVertex(), summaries.toArray(String[]::new));
            summary = "summary";
        }
        ComputationGraphConfiguration conf = HeadLayers.add(graphBuilder
                .addLayer("shared", new DenseLayer.Builder().nOut(settings.denseUnits()).activation(Activation.RELU)
                        .dropOut(settings.dropout()).build(), summary), heads, bases.size(), "shared", summary)
                .build();
        this.graph = new ComputationGraph(conf);
        graph.init();
        this.model = outputs == null ? new TrainedModel(TrainedModel.Kind.NETWORK, graph, bases, frames, width, 1)
                : new TrainedModel(TrainedModel.Kind.NETWORK, graph, bases, frames, width, 1, heads, outputs,
                        wholeWeight);
    }

    /** The network as a decoder (it keeps training: predictions reflect the current weights). */
    public TrainedModel model() {
        return model;
    }

    public List<String> bases() {
        return bases;
    }

    /** One pass over the epochs in mini-batches (in the order given; callers shuffle); returns the mean loss. */
    public double fitEpoch(List<Epoch> epochs, int batchSize) {
        double loss = 0;
        int batches = 0;
        for (int from = 0; from < epochs.size(); from += batchSize) {
            List<Epoch> batch = epochs.subList(from, Math.min(epochs.size(), from + batchSize));
            graph.fit(new MultiDataSet(new INDArray[] {inputs(batch)}, labels(batch)));
            loss += graph.score();
            batches++;
        }
        return batches == 0 ? Double.NaN : loss / batches;
    }

    /** Posteriors for each epoch. */
    public List<Posteriors> predict(List<Epoch> epochs) {
        return model.predict(epochs);
    }

    private INDArray inputs(List<Epoch> batch) {
        return model.recurrentInput(batch);
    }

    private INDArray[] labels(List<Epoch> batch) {
        return HeadLayers.labels(batch, heads, bases);
    }

    /** A copy of all weights, to keep the best network while training goes on. */
    byte[] parameters() {
        float[] flat = graph.params().toFloatVector();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(4 * flat.length);
        buffer.asFloatBuffer().put(flat);
        return buffer.array();
    }

    void restoreParameters(byte[] saved) {
        float[] flat = new float[saved.length / 4];
        java.nio.ByteBuffer.wrap(saved).asFloatBuffer().get(flat);
        graph.setParams(Nd4j.create(flat, new long[] {1, flat.length}, 'c'));
    }

    ComputationGraph graph() {
        return graph;
    }
}
