package org.naoyu.decoder.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.Subsampling1DLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.naoyu.decoder.data.Epoch;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The network computed as frames stream in gives DL4J's posteriors for every window, to float rounding. */
class StreamingNetworkTest {
    private static final List<String> BASES = List.of("ba", "ga", "da", "ma", "na", "la", "sha");
    private static final int WIDTH = 12;
    private static final int FRAMES = 70;
    private static final int RING = 150;

    /** Random weights and biases (a fresh network's biases are all 0, which would hide a bias misplaced). */
    private static void randomise(ComputationGraph graph, long seed) {
        Random random = new Random(seed);
        float[] flat = new float[(int) graph.numParams()];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = (float) (0.3 * random.nextGaussian());
        }
        graph.setParams(Nd4j.create(flat, new long[] {1, flat.length}, 'c'));
    }

    /** The decoder network's default shape with random weights and biases. */
    private static DualHeadNetwork randomNetwork(long seed) {
        DualHeadNetwork network = new DualHeadNetwork(BASES, WIDTH, FRAMES, DualHeadNetwork.Settings.DEFAULT);
        randomise(network.graph(), seed);
        return network;
    }

    /** 600 frames of noise with a slow wave; some values are exactly 0, as bad samples enter a window. */
    private static float[][] history() {
        float[][] history = new float[600][WIDTH];
        Random random = new Random(3);
        for (int f = 0; f < history.length; f++) {
            for (int i = 0; i < WIDTH; i++) {
                history[f][i] = random.nextInt(20) == 0 ? 0f : (float) (random.nextGaussian() + Math.sin(f / 7.0));
            }
        }
        return history;
    }

    private static void assertDl4jsPosteriors(TrainedModel model, float[][] history, int first, Posteriors streamed) {
        float[] values = new float[FRAMES * WIDTH];
        for (int k = 0; k < FRAMES; k++) {
            System.arraycopy(history[first + k], 0, values, k * WIDTH, WIDTH);
        }
        Posteriors expected = model.predict(new Epoch(first / 100.0, null, FRAMES, WIDTH, values));
        assertArrayEquals(expected.base(), streamed.base(), 2e-5, "window at frame " + first);
        assertArrayEquals(expected.tone(), streamed.tone(), 2e-5, "window at frame " + first);
        // 22 and 42 outputs sum more float rounding than 5 tones
        assertArrayEquals(expected.initial(), streamed.initial(), 1e-4, "window at frame " + first);
        assertArrayEquals(expected.fin(), streamed.fin(), 1e-4, "window at frame " + first);
        assertEquals(expected.wholeWeight(), streamed.wholeWeight());
    }

    /**
     * Streams 600 frames through a ring of 150 (so windows wrap around it), the convolution kept up frame by frame as
     * it is while an attempt waits, and compares windows' posteriors with DL4J's on the same epochs.
     */
    private static void assertStreamedEqualsDl4j(TrainedModel model) {
        StreamingNetwork streaming = StreamingNetwork.of(model, RING).orElseThrow();
        float[] ring = new float[RING * WIDTH];
        float[][] history = history();
        int compared = 0;
        for (int f = 0; f < history.length; f++) {
            System.arraycopy(history[f], 0, ring, (f % RING) * WIDTH, WIDTH);
            int first = f - FRAMES + 1;
            streaming.convolve(ring, Math.max(0, first), f);
            if (first >= 0 && (first % 13 == 0 || first < 3)) {
                assertDl4jsPosteriors(model, history, first, streaming.decode(ring, first, f));
                compared++;
            }
        }
        assertTrue(compared > 40, "windows compared: " + compared);
    }

    @Test
    void windowsDecodedLateAndOutOfOrderAreCaughtUp() {
        DualHeadNetwork network = randomNetwork(7);
        StreamingNetwork streaming = StreamingNetwork.of(network.model(), RING).orElseThrow();
        float[] ring = new float[RING * WIDTH];
        float[][] history = history();
        for (int f = 0; f <= 400; f++) {
            System.arraycopy(history[f], 0, ring, (f % RING) * WIDTH, WIDTH);
        }
        // nothing was computed as the frames came (no attempt waited); cues that came late, in any order
        for (int first : new int[] {331, 300, 251, 320, 260, 331}) {
            assertDl4jsPosteriors(network.model(), history, first, streaming.decode(ring, first, 400));
        }
        for (int f = 401; f < 600; f++) { // then a window kept up frame by frame after a jump ahead
            System.arraycopy(history[f], 0, ring, (f % RING) * WIDTH, WIDTH);
            streaming.convolve(ring, 500, f);
        }
        assertDl4jsPosteriors(network.model(), history, 500, streaming.decode(ring, 500, 599));
        IllegalArgumentException gone = assertThrows(IllegalArgumentException.class,
                () -> streaming.decode(ring, 449, 599));
        assertTrue(gone.getMessage().contains("the ring holds 450 to 599"), gone.getMessage());
    }

    @Test
    void theDecoderNetworkStreamedGivesDl4jsPosteriors() {
        DualHeadNetwork network = randomNetwork(5);
        assertStreamedEqualsDl4j(network.model());
    }

    @Test
    void partHeadsAndBothKindsOfHeadStreamToo() {
        List<org.naoyu.decoder.data.TonedSyllable> language = List.of("ba1", "pa2", "si4").stream()
                .map(org.naoyu.decoder.data.TonedSyllable::parse).toList();
        for (Heads heads : List.of(Heads.PARTS, Heads.BOTH, Heads.WHOLE)) {
            // with the linear path: 7 bins of 10 frames, as the part heads' default has it
            DualHeadNetwork network = new DualHeadNetwork(heads.whole() ? BASES : List.of(), WIDTH, FRAMES,
                    DualHeadNetwork.Settings.DEFAULT.withWideUnits(9), heads, language, 0.5);
            randomise(network.graph(), 13);
            assertEquals(heads.parts(), network.model().predict(new Epoch(0, null, FRAMES, WIDTH,
                    new float[FRAMES * WIDTH])).hasParts());
            assertStreamedEqualsDl4j(network.model());
        }
        DualHeadNetwork parts = new DualHeadNetwork(List.of(), WIDTH, FRAMES, DualHeadNetwork.Settings.DEFAULT,
                Heads.PARTS, language, 0);
        randomise(parts.graph(), 17);
        assertStreamedEqualsDl4j(parts.model());
        assertFalse(StreamingNetwork.supported(randomNetwork(3).graph(), Heads.PARTS), "heads the graph lacks");
    }

    /** The network's shape with other settings: pooling, the whole-window convolution's activation and padding. */
    private static ComputationGraph custom(PoolingType pooling, IActivation patternActivation, int patternPadding) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).graphBuilder()
                .addInputs("frames")
                .setInputTypes(InputType.recurrent(WIDTH, FRAMES))
                .addLayer("conv", new Convolution1DLayer.Builder().kernelSize(7).nOut(9)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.RELU).build(), "frames")
                .addLayer("steps", new Subsampling1DLayer.Builder().poolingType(pooling).kernelSize(4)
                        .stride(3).build(), "conv")
                .addLayer("pattern", new Convolution1DLayer.Builder().kernelSize(10).nOut(11).padding(patternPadding)
                        .convolutionMode(ConvolutionMode.Truncate).activation(patternActivation).build(), "steps")
                .addLayer("patternFlat", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "pattern")
                .addLayer("shared", new DenseLayer.Builder().nOut(13).activation(Activation.RELU).build(),
                        "patternFlat")
                .addLayer("base", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(BASES.size())
                        .activation(Activation.SOFTMAX).build(), "shared")
                .addLayer("tone", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(5)
                        .activation(Activation.SOFTMAX).build(), "shared")
                .setOutputs("base", "tone")
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        randomise(graph, 9);
        return graph;
    }

    @Test
    void averagePoolingAWiderKernelAndOverlappingStepsStreamToo() {
        ComputationGraph graph = custom(PoolingType.AVG, new ActivationReLU(), 0);
        Subsampling1DLayer pool = (Subsampling1DLayer) graph.getLayer("steps").conf().getLayer();
        assertEquals(PoolingType.AVG, PoolingType.valueOf(pool.getPoolingType().name()), "the test's own premise");
        assertStreamedEqualsDl4j(new TrainedModel(TrainedModel.Kind.NETWORK, graph, BASES, FRAMES, WIDTH, 1));
    }

    @Test
    void aGraphThisCannotComputeExactlyIsLeftToDl4j() {
        ComputationGraph padded = custom(PoolingType.MAX, new ActivationReLU(), 1);
        assertFalse(StreamingNetwork.supported(padded, Heads.WHOLE), "padding on the whole-window convolution");
        ComputationGraph leaky = custom(PoolingType.MAX, new ActivationReLU(null, 0.0, 0.1), 0);
        assertFalse(StreamingNetwork.supported(leaky, Heads.WHOLE), "a leaky ReLU");
        ComputationGraph capped = custom(PoolingType.MAX, new ActivationReLU(6.0, 0.0, 0.0), 0);
        assertFalse(StreamingNetwork.supported(capped, Heads.WHOLE), "a capped ReLU");
        assertTrue(StreamingNetwork.supported(custom(PoolingType.MAX, new ActivationReLU(), 0), Heads.WHOLE),
                "the plain one");
    }

    @Test
    void afterAResetTheFramesCountFromZeroAgain() {
        DualHeadNetwork network = randomNetwork(11);
        StreamingNetwork streaming = StreamingNetwork.of(network.model(), RING).orElseThrow();
        float[] ring = new float[RING * WIDTH];
        float[][] history = history();
        for (int f = 0; f < 300; f++) { // a stream that computed everything up to frame 299
            System.arraycopy(history[f], 0, ring, (f % RING) * WIDTH, WIDTH);
            streaming.convolve(ring, Math.max(0, f - FRAMES + 1), f);
        }
        streaming.reset();
        float[][] restarted = java.util.Arrays.copyOfRange(history, 300, 600);
        for (int f = 0; f < FRAMES; f++) {
            System.arraycopy(restarted[f], 0, ring, (f % RING) * WIDTH, WIDTH);
            streaming.convolve(ring, 0, f);
        }
        assertDl4jsPosteriors(network.model(), restarted, 0, streaming.decode(ring, 0, FRAMES - 1));
    }

    @Test
    void otherModelsAreLeftToDl4j() {
        DualHeadNetwork withLstm = new DualHeadNetwork(BASES, WIDTH, FRAMES,
                new DualHeadNetwork.Settings(8, 5, 6, 0, 16, 1, 1e-3, 1));
        assertFalse(StreamingNetwork.of(withLstm.model(), RING).isPresent());
        DualHeadNetwork both = new DualHeadNetwork(BASES, WIDTH, FRAMES,
                new DualHeadNetwork.Settings(8, 5, 6, 4, 16, 1, 1e-3, 1));
        assertFalse(StreamingNetwork.of(both.model(), RING).isPresent());
        DualHeadNetwork plain = new DualHeadNetwork(BASES, WIDTH, FRAMES, DualHeadNetwork.Settings.DEFAULT);
        IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
                () -> StreamingNetwork.of(plain.model(), FRAMES - 1));
        assertTrue(small.getMessage().contains("70 frames, got 69"), small.getMessage());
    }
}
