package org.naoyu.decoder.model;

import java.util.List;
import org.naoyu.decoder.data.Epoch;

/**
 * Chooses how a decoder with both kinds of head mixes them: the whole-syllable head's share that scores best on the
 * validation epochs. Which share is right depends on the data: a validation of syllables held out whole (what part
 * heads are for) favours the parts, one of syllables also trained favours the whole-syllable head.
 */
final class HeadMixing {
    /** The shares tried; ties go to the one nearest an even mix, the default without validation. */
    static final double[] SHARES = {0.5, 0.25, 0.75, 0, 1};

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
            List<Posteriors> mixed = predicted.stream().map(p -> new Posteriors(p.bases(), p.base(), p.tone(),
                    p.initial(), p.fin(), share)).toList();
            double toned = Accuracy.of(mixed, validation, model.outputs()).toned();
            if (toned > best) {
                best = toned;
                bestShare = share;
            }
        }
        return model.withWholeWeight(bestShare);
    }
}
