package org.naoyu.decoder.model;

import java.util.List;
import java.util.function.Consumer;
import org.naoyu.decoder.data.Epoch;

/** Trains a {@link SyllableDecoder} (Tribuo's Trainer shape): the network and the linear baseline both are one. */
public interface DecoderTrainer {

    /** What one pass over the training data achieved. */
    record Progress(int epoch, double trainLoss, double validationToned, double validationBase,
            double validationTone) {
    }

    /**
     * Trains on {@code train}, choosing when to stop by {@code validation} (may be empty: then a fixed number of
     * passes), reporting each pass to {@code progress}.
     */
    TrainedModel train(List<Epoch> train, List<Epoch> validation, Consumer<Progress> progress);

    default TrainedModel train(List<Epoch> train, List<Epoch> validation) {
        return train(train, validation, p -> { });
    }
}
