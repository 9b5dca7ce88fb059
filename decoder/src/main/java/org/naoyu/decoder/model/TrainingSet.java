package org.naoyu.decoder.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.TonedSyllable;

/**
 * What both trainers read off their training epochs: the base syllables of the whole-syllable head in output order
 * (sorted; none without one), the toned syllables the model will answer with (those heard; with part heads also every
 * syllable of {@code language}), and the first epoch, whose shape the model takes.
 */
record TrainingSet(List<String> bases, List<TonedSyllable> outputs, Epoch first) {

    static TrainingSet of(List<Epoch> train, Heads heads, List<TonedSyllable> language) {
        if (train.isEmpty()) {
            throw new IllegalArgumentException("training needs at least one epoch");
        }
        List<String> bases = heads.whole()
                ? train.stream().map(e -> e.label().base()).distinct().sorted().toList() : List.of();
        Set<TonedSyllable> outputs = new LinkedHashSet<>();
        if (heads.parts()) {
            outputs.addAll(language);
        }
        train.forEach(e -> outputs.add(e.label()));
        return new TrainingSet(bases, List.copyOf(outputs), train.get(0));
    }
}
