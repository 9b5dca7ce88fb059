package org.naoyu.decoder.model;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * Starting a training from a participant's previous model instead of from random weights, so a new session's few
 * minutes refine what earlier sessions taught (the electrodes stay where they were implanted). The previous model
 * must have the same kind and heads and read the same window: its weights are copied into the new graph before the
 * first pass.
 */
final class FineTuning {
    private FineTuning() {
    }

    /** Copies {@code start}'s weights into {@code graph}, or refuses naming what differs. */
    static void startFrom(ComputationGraph graph, TrainedModel start, TrainedModel.Kind kind, Heads heads,
            List<String> bases) {
        if (start.kind() != kind) {
            throw new IllegalArgumentException("the model to start from is a " + start.kind().description()
                    + "; this training makes a " + kind.description());
        }
        if (start.heads() != heads) {
            throw new IllegalArgumentException("the model to start from has " + start.heads().label() + " heads; "
                    + "this training has " + heads.label() + " heads");
        }
        if (heads.whole() && !start.bases().equals(bases)) {
            throw new IllegalArgumentException("the model to start from knows " + start.bases().size() + " base "
                    + "syllables, this data " + bases.size() + "; whole-syllable heads need the same syllables (part "
                    + "heads do not)");
        }
        if (start.graph().numParams() != graph.numParams()) {
            throw new IllegalArgumentException("the model to start from has " + start.graph().numParams()
                    + " weights, this training " + graph.numParams() + ": its window or channels differ");
        }
        graph.setParams(start.graph().params().dup());
    }
}
