package org.naoyu.decoder.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.TonedSyllable;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The linear baseline: each epoch's frames averaged in bins of {@code binFrames} (100 ms at 100 frames/s), and two
 * L2-regularised multinomial logistic regressions on them, one for the base syllable and one for the tone — the
 * classic windowed high-gamma decoder, in the same API as the network so the two compare on equal terms.
 */
public record LinearTrainer(int binFrames, double l2, int passes, long seed) implements DecoderTrainer {

    public static final LinearTrainer DEFAULT = new LinearTrainer(10, 1e-3, 80, 1);

    public LinearTrainer {
        if (binFrames < 1 || binFrames > 100) {
            throw new IllegalArgumentException("binFrames must be in [1, 100], got " + binFrames);
        }
        if (!(l2 >= 0 && l2 < 1)) {
            throw new IllegalArgumentException("l2 must be in [0, 1), got " + l2);
        }
        if (passes < 1 || passes > 1000) {
            throw new IllegalArgumentException("passes must be in [1, 1000], got " + passes);
        }
    }

    /** The same training with another seed. */
    public LinearTrainer withSeed(long newSeed) {
        return new LinearTrainer(binFrames, l2, passes, newSeed);
    }

    /** The same training with {@code count} passes. */
    public LinearTrainer withPasses(int count) {
        return new LinearTrainer(binFrames, l2, count, seed);
    }

    @Override
    public TrainedModel train(List<Epoch> train, List<Epoch> validation, Consumer<Progress> progress) {
        TrainingSet set = TrainingSet.of(train);
        List<String> bases = set.bases();
        List<TonedSyllable> inventory = set.inventory();
        Epoch first = set.first();
        int inputs = TrainedModel.binned(first, binFrames).length;
        ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(seed)
                .updater(new Adam(1e-2)).l2(l2).weightInit(WeightInit.XAVIER).graphBuilder()
                .addInputs("bins").setInputTypes(InputType.feedForward(inputs))
                .addLayer("base", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(bases.size())
                        .activation(Activation.SOFTMAX).build(), "bins")
                .addLayer("tone", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(5)
                        .activation(Activation.SOFTMAX).build(), "bins")
                .setOutputs("base", "tone").build());
        graph.init();
        Random random = new Random(seed);
        List<Epoch> order = new ArrayList<>(NetworkTrainer.balance(train, random));
        TrainedModel decoder = new TrainedModel(TrainedModel.Kind.LINEAR, graph, bases, first.frames(), first.width(),
                binFrames);
        for (int pass = 1; pass <= passes; pass++) {
            Collections.shuffle(order, random);
            double loss = 0;
            int batches = 0;
            for (int from = 0; from < order.size(); from += 64) {
                List<Epoch> batch = order.subList(from, Math.min(order.size(), from + 64));
                INDArray base = Nd4j.zeros(batch.size(), bases.size());
                INDArray tone = Nd4j.zeros(batch.size(), 5);
                for (int b = 0; b < batch.size(); b++) {
                    base.putScalar(b, bases.indexOf(batch.get(b).label().base()), 1);
                    tone.putScalar(b, batch.get(b).label().tone() - 1, 1);
                }
                graph.fit(new MultiDataSet(new INDArray[] {decoder.binnedInput(batch)}, new INDArray[] {base, tone}));
                loss += graph.score();
                batches++;
            }
            Accuracy accuracy = validation.isEmpty() ? null
                    : Accuracy.of(decoder.predict(validation), validation, inventory);
            progress.accept(new Progress(pass, loss / batches, accuracy == null ? Double.NaN : accuracy.toned(),
                    accuracy == null ? Double.NaN : accuracy.base(), accuracy == null ? Double.NaN : accuracy.tone()));
        }
        return decoder;
    }
}
