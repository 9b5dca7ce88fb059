package org.naoyu.decoder.model;

import java.util.List;
import java.util.function.Consumer;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.TonedSyllable;

/** Trains a {@link SyllableDecoder} (Tribuo's Trainer shape): the network and the linear baseline both are one. */
public interface DecoderTrainer {

    /**
     * What one pass over the training data achieved (for a closed-form trainer: one setting tried), and what it did
     * in words when passes do not describe it (null otherwise).
     */
    record Progress(int epoch, double trainLoss, double validationToned, double validationBase,
            double validationTone, String note) {
        public Progress(int epoch, double trainLoss, double validationToned, double validationBase,
                double validationTone) {
            this(epoch, trainLoss, validationToned, validationBase, validationTone, null);
        }
    }

    /** The heads the trained model will have. */
    Heads heads();

    /**
     * Trains on {@code train}, choosing when to stop by {@code validation} (may be empty: then a fixed number of
     * passes), reporting each pass to {@code progress}. {@code language} is every toned syllable the speller may
     * need: a model with part heads answers with all of them (and those it trained on), a whole-syllable model only
     * with those it trained on.
     */
    default TrainedModel train(List<Epoch> train, List<Epoch> validation, List<TonedSyllable> language,
            Consumer<Progress> progress) {
        return train(train, validation, language, null, progress);
    }

    /**
     * As {@link #train(List, List, List, Consumer)}, beginning from {@code start}'s weights (fine-tuning a
     * participant's previous model) when it is not null.
     *
     * @throws IllegalArgumentException when {@code start} has another kind, heads, syllables (for whole-syllable
     *                                  heads) or window, naming which
     */
    TrainedModel train(List<Epoch> train, List<Epoch> validation, List<TonedSyllable> language, TrainedModel start,
            Consumer<Progress> progress);

    /** Trains a model that answers with the syllables it trained on. */
    default TrainedModel train(List<Epoch> train, List<Epoch> validation, Consumer<Progress> progress) {
        return train(train, validation, List.of(), progress);
    }

    default TrainedModel train(List<Epoch> train, List<Epoch> validation) {
        return train(train, validation, List.of(), p -> { });
    }
}
