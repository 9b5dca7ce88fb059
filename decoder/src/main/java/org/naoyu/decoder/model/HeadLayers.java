package org.naoyu.decoder.model;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.SyllableParts;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The softmax heads both trainers put on their last layer, and the one-hot labels each head learns from. */
final class HeadLayers {
    private HeadLayers() {
    }

    /** Adds the heads' output layers, reading {@code input}, and names them the graph's outputs in order. */
    static ComputationGraphConfiguration.GraphBuilder add(ComputationGraphConfiguration.GraphBuilder graph, Heads heads,
            int bases, String input) {
        return add(graph, heads, bases, input, input);
    }

    /** The same, the initial and final heads reading {@code partsInput}. */
    static ComputationGraphConfiguration.GraphBuilder add(ComputationGraphConfiguration.GraphBuilder graph, Heads heads,
            int bases, String input, String partsInput) {
        for (String name : heads.layers()) {
            boolean part = name.equals("initial") || name.equals("final");
            graph.addLayer(name, new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(size(name, bases))
                    .activation(Activation.SOFTMAX).build(), part ? partsInput : input);
        }
        return graph.setOutputs(heads.layers().toArray(String[]::new));
    }

    /** The number of outputs of {@code head}; {@code bases} for the whole-syllable head. */
    static int size(String head, int bases) {
        return switch (head) {
            case "base" -> bases;
            case "tone" -> 5;
            case "initial" -> SyllableParts.INITIAL_LABELS.size();
            case "final" -> SyllableParts.FINALS.size();
            default -> throw new IllegalArgumentException("no head named " + head);
        };
    }

    /** One-hot labels of {@code batch} for each head, in the graph's output order. */
    static INDArray[] labels(List<Epoch> batch, Heads heads, List<String> bases) {
        List<String> names = heads.layers();
        INDArray[] labels = new INDArray[names.size()];
        for (int h = 0; h < labels.length; h++) {
            labels[h] = Nd4j.zeros(batch.size(), size(names.get(h), bases.size()));
        }
        for (int b = 0; b < batch.size(); b++) {
            SyllableParts parts = SyllableParts.of(batch.get(b).label());
            for (int h = 0; h < labels.length; h++) {
                int index = switch (names.get(h)) {
                    case "base" -> bases.indexOf(batch.get(b).label().base());
                    case "tone" -> parts.tone() - 1;
                    case "initial" -> parts.initialIndex();
                    default -> parts.finalIndex();
                };
                if (index < 0) {
                    throw new IllegalArgumentException("label " + batch.get(b).label() + " has no output in the "
                            + names.get(h) + " head (a base the network was not built for, or an unknown final)");
                }
                labels[h].putScalar(b, index, 1);
            }
        }
        return labels;
    }
}
