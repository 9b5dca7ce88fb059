package org.naoyu.decoder.model;

import java.util.List;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.TonedSyllable;

/**
 * What both trainers read off their training epochs: the base syllables in output order (sorted), the toned syllables
 * validation is scored over, and the first epoch, whose shape the model takes.
 */
record TrainingSet(List<String> bases, List<TonedSyllable> inventory, Epoch first) {

    static TrainingSet of(List<Epoch> train) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("training needs at least one epoch");
        }
        return new TrainingSet(train.stream().map(e -> e.label().base()).distinct().sorted().toList(),
                train.stream().map(Epoch::label).distinct().toList(), train.get(0));
    }
}
