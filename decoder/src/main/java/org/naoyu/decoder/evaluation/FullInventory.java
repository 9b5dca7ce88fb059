package org.naoyu.decoder.evaluation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.SyllableParts;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.decoder.model.Posteriors;
import org.naoyu.decoder.model.TrainedModel;

/**
 * Every attempt of the test sessions, not only those at syllables the model was trained on: the figure that says how
 * a speller does on the language rather than on its calibration. An attempt at a syllable the model cannot output is
 * a miss; top-1 is split into syllables seen and unseen in training, and scored by its parts (initial, final, tone),
 * which a model can get right even for a syllable it never heard whole.
 *
 * @param inventory      toned syllables the model can output
 * @param attempts       every attempt at a toned syllable in the test data
 * @param unseenAttempts attempts at syllables absent from the model's inventory (its training data)
 * @param toned          top-1 toned syllable over every attempt
 * @param tonedSeen      top-1 on attempts at syllables in the inventory (NaN when there were none)
 * @param tonedUnseen    top-1 on attempts at syllables outside it (NaN when there were none)
 * @param initial        share of attempts whose top-1 has the said syllable's initial ({@link SyllableParts})
 * @param fin            the same for the final
 * @param tone           the same for the tone
 */
public record FullInventory(int inventory, int attempts, int unseenAttempts, double toned, double tonedSeen,
        double tonedUnseen, double initial, double fin, double tone) {

    /** Decodes {@code attempts} with {@code model}, whose outputs are {@code inventory}. */
    public static FullInventory measure(TrainedModel model, List<Epoch> attempts, List<TonedSyllable> inventory) {
        return of(attempts.isEmpty() ? List.of() : model.predict(attempts), attempts, inventory);
    }

    /** Scores {@code decoded}, the posteriors of {@code attempts} in order, over the model's {@code inventory}. */
    public static FullInventory of(List<Posteriors> decoded, List<Epoch> attempts, List<TonedSyllable> inventory) {
        if (inventory.isEmpty()) {
            throw new IllegalArgumentException("the model's inventory must not be empty");
        }
        if (decoded.size() != attempts.size()) {
            throw new IllegalArgumentException("one posterior per attempt: " + decoded.size() + " posteriors for "
                    + attempts.size() + " attempts");
        }
        Set<TonedSyllable> known = new HashSet<>(inventory);
        int seen = 0;
        int seenRight = 0;
        int unseenRight = 0;
        int initialRight = 0;
        int finalRight = 0;
        int toneRight = 0;
        for (int i = 0; i < attempts.size(); i++) {
            TonedSyllable said = attempts.get(i).label();
            TonedSyllable guess = decoded.get(i).topToned(inventory, 1).get(0).syllable();
            boolean right = guess.equals(said);
            if (known.contains(said)) {
                seen++;
                seenRight += right ? 1 : 0;
            } else {
                unseenRight += right ? 1 : 0;
            }
            SyllableParts saidParts = SyllableParts.of(said);
            SyllableParts guessParts = SyllableParts.of(guess);
            initialRight += saidParts.initial().equals(guessParts.initial()) ? 1 : 0;
            finalRight += saidParts.fin().equals(guessParts.fin()) ? 1 : 0;
            toneRight += saidParts.tone() == guessParts.tone() ? 1 : 0;
        }
        int n = attempts.size();
        int unseen = n - seen;
        return new FullInventory(inventory.size(), n, unseen, share(seenRight + unseenRight, n),
                share(seenRight, seen), share(unseenRight, unseen), share(initialRight, n), share(finalRight, n),
                share(toneRight, n));
    }

    private static double share(int count, int of) {
        return of == 0 ? Double.NaN : count / (double) of;
    }
}
