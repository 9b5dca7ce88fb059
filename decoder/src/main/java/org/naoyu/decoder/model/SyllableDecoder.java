package org.naoyu.decoder.model;

import java.util.List;
import org.naoyu.decoder.data.Epoch;

/** A trained decoder: posteriors over base syllables and tones for each epoch. */
public interface SyllableDecoder {
    List<Posteriors> predict(List<Epoch> epochs);

    default Posteriors predict(Epoch epoch) {
        return predict(List.of(epoch)).get(0);
    }
}
