package org.naoyu.decoder.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.TonedSyllable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The linear baseline: each epoch's frames averaged in bins of {@code binFrames} (100 ms at 100 frames/s), and an
 * L2-regularised multinomial logistic regression on them for each head (base syllable and tone by default; initial,
 * final and tone with part heads) — the classic windowed high-gamma decoder, in the same API as the network so the
 * two compare on equal terms.
 */
public record LinearTrainer(int binFrames, double l2, int passes, long seed, Heads heads) implements DecoderTrainer {

    public static final LinearTrainer DEFAULT = new LinearTrainer(10, 1e-3, 80, 1);

    /** A baseline with the whole-syllable and tone heads. */
    public LinearTrainer(int binFrames, double l2, int passes, long seed) {
        this(binFrames, l2, passes, seed, Heads.WHOLE);
    }

    public LinearTrainer {
        heads = heads == null ? Heads.WHOLE : heads; // recipes saved before part heads existed
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
        return new LinearTrainer(binFrames, l2, passes, newSeed, heads);
    }

    /** The same training with {@code count} passes. */
    public LinearTrainer withPasses(int count) {
        return new LinearTrainer(binFrames, l2, count, seed, heads);
    }

    /** The same training with other heads. */
    public LinearTrainer withHeads(Heads other) {
        return new LinearTrainer(binFrames, l2, passes, seed, other);
    }

    @Override
    public TrainedModel train(List<Epoch> train, List<Epoch> validation, List<TonedSyllable> language,
            TrainedModel start, Consumer<Progress> progress) {
        TrainingSet set = TrainingSet.of(train, heads, language);
        List<String> bases = set.bases();
        List<TonedSyllable> outputs = set.outputs();
        Epoch first = set.first();
        int inputs = TrainedModel.binned(first, binFrames).length;
        ComputationGraph graph = new ComputationGraph(HeadLayers.add(new NeuralNetConfiguration.Builder().seed(seed)
                .updater(new Adam(1e-2)).l2(l2).weightInit(WeightInit.XAVIER).graphBuilder()
                .addInputs("bins").setInputTypes(InputType.feedForward(inputs)), heads, bases.size(), "bins").build());
        graph.init();
        if (start != null) {
            FineTuning.startFrom(graph, start, TrainedModel.Kind.LINEAR, heads, bases);
        }
        Random random = new Random(seed);
        List<Epoch> order = new ArrayList<>(NetworkTrainer.balance(train, random));
        TrainedModel decoder = new TrainedModel(TrainedModel.Kind.LINEAR, graph, bases, first.frames(), first.width(),
                binFrames, heads, outputs, HeadMixing.EVEN);
        for (int pass = 1; pass <= passes; pass++) {
            Collections.shuffle(order, random);
            double loss = 0;
            int batches = 0;
            for (int from = 0; from < order.size(); from += 64) {
                List<Epoch> batch = order.subList(from, Math.min(order.size(), from + 64));
                graph.fit(new MultiDataSet(new INDArray[] {decoder.binnedInput(batch)},
                        HeadLayers.labels(batch, heads, bases)));
                loss += graph.score();
                batches++;
            }
            Accuracy accuracy = validation.isEmpty() ? null
                    : Accuracy.of(decoder.predict(validation), validation, outputs);
            progress.accept(new Progress(pass, loss / batches, accuracy == null ? Double.NaN : accuracy.toned(),
                    accuracy == null ? Double.NaN : accuracy.base(), accuracy == null ? Double.NaN : accuracy.tone()));
        }
        return HeadMixing.chosen(decoder, validation);
    }
}
