package org.naoyu.decoder.model;

import java.util.List;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.TonedSyllable;

/** Top-1 accuracies of posteriors against the epochs' labels, and top-k over a set of toned syllables. */
public record Accuracy(int count, double toned, double topFiveToned, double base, double tone) {

    public static Accuracy of(List<Posteriors> predicted, List<Epoch> epochs, List<TonedSyllable> inventory) {
        if (predicted.size() != epochs.size()) {
            throw new IllegalArgumentException("need one prediction per epoch, got " + predicted.size() + " for "
                    + epochs.size());
        }
        int toned = 0;
        int top5 = 0;
        int base = 0;
        int tone = 0;
        for (int i = 0; i < epochs.size(); i++) {
            TonedSyllable truth = epochs.get(i).label();
            Posteriors p = predicted.get(i);
            List<Posteriors.Scored> best = p.topToned(inventory, 5);
            toned += !best.isEmpty() && best.get(0).syllable().equals(truth) ? 1 : 0;
            top5 += best.stream().anyMatch(s -> s.syllable().equals(truth)) ? 1 : 0;
            // a decoder without a whole-syllable head has no base of its own: its best toned syllable's is taken
            String bestBase = p.hasWhole() ? p.bestBase() : best.isEmpty() ? "" : best.get(0).syllable().base();
            base += bestBase.equals(truth.base()) ? 1 : 0;
            tone += p.bestTone() == truth.tone() ? 1 : 0;
        }
        double n = Math.max(1, epochs.size());
        return new Accuracy(epochs.size(), toned / n, top5 / n, base / n, tone / n);
    }
}
