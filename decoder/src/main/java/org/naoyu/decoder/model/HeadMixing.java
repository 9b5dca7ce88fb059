package org.naoyu.decoder.model;

import java.util.List;
import org.naoyu.decoder.data.Epoch;

/**
 * Chooses how a decoder with both kinds of head mixes them: the whole-syllable head's share that scores best on the
 * validation epochs. Which share is right depends on the data: a validation of syllables held out whole (what part
 * heads are for) favours the parts, one of syllables also trained favours the whole-syllable head.
 */
final class HeadMixing {
    /**
     * The whole-syllable head's share until validation chooses another: an even mix, so a heard syllable's two
     * opinions count alike and an unheard one still gets half the mass the parts give it.
     */
    static final double EVEN = 0.5;

    /** The shares tried; ties go to the one nearest an even mix. */
    static final double[] SHARES = {EVEN, 0.25, 0.75, 0, 1};

    private HeadMixing() {
    }

    /** {@code model} with its best share on {@code validation}, or as it is without both heads or validation. */
    static TrainedModel chosen(TrainedModel model, List<Epoch> validation) {
        if (model.heads() != Heads.BOTH || validation.isEmpty()) {
            return model;
        }
        List<Posteriors> predicted = model.predict(validation);
        double best = -1;
        double bestShare = model.wholeWeight();
        for (double share : SHARES) {
            List<Posteriors> mixed = predicted.stream().map(p -> p.withWholeWeight(share)).toList();
            double toned = Accuracy.of(mixed, validation, model.outputs()).toned();
            if (toned > best) {
                best = toned;
                bestShare = share;
            }
        }
        return model.withWholeWeight(bestShare);
    }
}
