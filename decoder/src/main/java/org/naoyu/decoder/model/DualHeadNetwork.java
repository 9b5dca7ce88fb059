package org.naoyu.decoder.model;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.naoyu.decoder.data.Epoch;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The syllable decoder's network (DeepLearning4J): a window of feature frames through a temporal convolution and an
 * LSTM, then two softmax heads, one over base syllables and one over the five tones — NeuroXess's two streams. Joint
 * toned-syllable posteriors are the product of the heads (see {@link Posteriors}).
 */
public final class DualHeadNetwork {

    /**
     * The network's shape and training settings.
     *
     * @param convFilters  filters of the temporal convolution (kernel 5 frames, 50 ms at 100 frames/s)
     * @param lstmUnits    units of the recurrent layer
     * @param denseUnits   units of the shared layer before the heads
     * @param dropout      dropout retain probability of the shared layer, in (0, 1]
     * @param learningRate Adam's learning rate
     * @param seed         weights and shuffling
     */
    public record Settings(int convFilters, int lstmUnits, int denseUnits, double dropout, double learningRate,
            long seed) {
        public static final Settings DEFAULT = new Settings(64, 64, 128, 0.7, 1e-3, 1);

        public Settings {
            if (convFilters < 1 || lstmUnits < 1 || denseUnits < 1) {
                throw new IllegalArgumentException("layer sizes must be >= 1, got conv " + convFilters + ", lstm "
                        + lstmUnits + ", dense " + denseUnits);
            }
            if (!(dropout > 0 && dropout <= 1)) {
                throw new IllegalArgumentException("dropout (retain probability) must be in (0, 1], got " + dropout);
            }
            if (!(learningRate > 0 && learningRate < 1)) {
                throw new IllegalArgumentException("learningRate must be in (0, 1), got " + learningRate);
            }
        }
    }

    private final List<String> bases;
    private final int width;
    private final int frames;
    private final ComputationGraph graph;
    private final TrainedModel model;

    public DualHeadNetwork(List<String> bases, int width, int frames, Settings settings) {
        if (bases.isEmpty() || width < 1 || frames < 5) {
            throw new IllegalArgumentException("a network needs at least one base syllable, width >= 1 and >= 5 frames, "
                    + "got " + bases.size() + " bases, width " + width + ", " + frames + " frames");
        }
        this.bases = List.copyOf(bases);
        this.width = width;
        this.frames = frames;
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(settings.seed())
                .updater(new Adam(settings.learningRate()))
                .l2(1e-4)
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("frames")
                .setInputTypes(InputType.recurrent(width, frames))
                .addLayer("conv", new Convolution1DLayer.Builder().kernelSize(5).nOut(settings.convFilters())
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build(), "frames")
                .addLayer("lstm", new LSTM.Builder().nOut(settings.lstmUnits()).activation(Activation.TANH).build(),
                        "conv")
                // pooled over the window rather than the last step: with few trials per class, averaging lets the
                // network use activity wherever it falls in the window instead of carrying it to the end
                .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "lstm")
                .addLayer("shared", new DenseLayer.Builder().nOut(settings.denseUnits()).activation(Activation.RELU)
                        .dropOut(settings.dropout()).build(), "pool")
                .addLayer("base", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(bases.size())
                        .activation(Activation.SOFTMAX).build(), "shared")
                .addLayer("tone", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(5)
                        .activation(Activation.SOFTMAX).build(), "shared")
                .setOutputs("base", "tone")
                .build();
        this.graph = new ComputationGraph(conf);
        graph.init();
        this.model = new TrainedModel(TrainedModel.Kind.NETWORK, graph, bases, frames, width, 1);
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
        INDArray base = Nd4j.zeros(batch.size(), bases.size());
        INDArray tone = Nd4j.zeros(batch.size(), 5);
        for (int b = 0; b < batch.size(); b++) {
            int index = bases.indexOf(batch.get(b).label().base());
            if (index < 0) {
                throw new IllegalArgumentException("label " + batch.get(b).label() + " has a base syllable the network "
                        + "was not built for (it knows " + bases.size() + ")");
            }
            base.putScalar(b, index, 1);
            tone.putScalar(b, batch.get(b).label().tone() - 1, 1);
        }
        return new INDArray[] {base, tone};
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
