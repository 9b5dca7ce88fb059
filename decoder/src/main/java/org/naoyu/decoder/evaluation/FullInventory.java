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
 * @param unseenAttempts attempts at syllables absent from the model's training data
 * @param toned          top-1 toned syllable over every attempt
 * @param tonedSeen      top-1 on attempts at syllables in the training data (NaN when there were none)
 * @param tonedUnseen    top-1 on attempts at syllables absent from it (NaN when there were none)
 * @param initial        share of attempts whose top-1 has the said syllable's initial ({@link SyllableParts})
 * @param fin            the same for the final
 * @param tone           the same for the tone
 * @param byPart         those three shares per said initial, final and tone (in that order)
 */
public record FullInventory(int inventory, int attempts, int unseenAttempts, double toned, double tonedSeen,
        double tonedUnseen, double initial, double fin, double tone, List<PartAccuracy> byPart) {

    /**
     * For one kind of part ({@code initial}, {@code final} or {@code tone}), which has {@code values} values in
     * Mandarin: per value said (in {@link SyllableParts}' order; values never said left out), the attempts and the
     * share whose top-1 had it.
     */
    public record PartAccuracy(String part, int values, List<String> labels, int[] attempts, double[] accuracy) {
        public PartAccuracy {
            labels = List.copyOf(labels);
            if (attempts.length != labels.size() || accuracy.length != labels.size()) {
                throw new IllegalArgumentException("one count and one share per label");
            }
        }

        static PartAccuracy of(String part, List<String> order, int[] said, int[] right) {
            List<String> labels = new java.util.ArrayList<>();
            List<Integer> kept = new java.util.ArrayList<>();
            for (int i = 0; i < order.size(); i++) {
                if (said[i] > 0) {
                    labels.add(order.get(i).isEmpty() ? "∅" : order.get(i));
                    kept.add(i);
                }
            }
            return new PartAccuracy(part, order.size(), labels, kept.stream().mapToInt(i -> said[i]).toArray(),
                    kept.stream().mapToDouble(i -> right[i] / (double) said[i]).toArray());
        }
    }

    public FullInventory {
        byPart = List.copyOf(byPart);
    }

    /** Decodes {@code attempts} with {@code model}, which trained on the syllables {@code trained}. */
    public static FullInventory measure(TrainedModel model, List<Epoch> attempts, List<TonedSyllable> trained) {
        return of(attempts.isEmpty() ? List.of() : model.predict(attempts), attempts, model.outputs(), trained);
    }

    /**
     * Scores {@code decoded}, the posteriors of {@code attempts} in order, over the model's {@code outputs}; attempts
     * at syllables outside {@code trained} count as unseen.
     */
    public static FullInventory of(List<Posteriors> decoded, List<Epoch> attempts, List<TonedSyllable> outputs,
            List<TonedSyllable> trained) {
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("the model's outputs must not be empty");
        }
        List<TonedSyllable> inventory = outputs;
        if (decoded.size() != attempts.size()) {
            throw new IllegalArgumentException("one posterior per attempt: " + decoded.size() + " posteriors for "
                    + attempts.size() + " attempts");
        }
        Set<TonedSyllable> known = new HashSet<>(trained);
        int seen = 0;
        int seenRight = 0;
        int unseenRight = 0;
        // per kind of part (initial, final, tone): attempts whose top-1 had the said one, and the same per value
        int[] partRight = new int[3];
        List<String> tones = List.of("1", "2", "3", "4", "5");
        int[][] saidCounts = {new int[SyllableParts.INITIAL_LABELS.size()], new int[SyllableParts.FINALS.size()],
            new int[5]};
        int[][] rightCounts = {new int[SyllableParts.INITIAL_LABELS.size()], new int[SyllableParts.FINALS.size()],
            new int[5]};
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
            int[] index = {saidParts.initialIndex(), saidParts.finalIndex(), saidParts.tone() - 1};
            boolean[] same = {saidParts.initial().equals(guessParts.initial()),
                saidParts.fin().equals(guessParts.fin()), saidParts.tone() == guessParts.tone()};
            for (int k = 0; k < 3; k++) {
                partRight[k] += same[k] ? 1 : 0;
                if (index[k] >= 0) {
                    saidCounts[k][index[k]]++;
                    rightCounts[k][index[k]] += same[k] ? 1 : 0;
                }
            }
        }
        int n = attempts.size();
        int unseen = n - seen;
        return new FullInventory(inventory.size(), n, unseen, share(seenRight + unseenRight, n),
                share(seenRight, seen), share(unseenRight, unseen), share(partRight[0], n), share(partRight[1], n),
                share(partRight[2], n), List.of(PartAccuracy.of("initial", SyllableParts.INITIAL_LABELS, saidCounts[0],
                        rightCounts[0]), PartAccuracy.of("final", SyllableParts.FINALS, saidCounts[1], rightCounts[1]),
                        PartAccuracy.of("tone", tones, saidCounts[2], rightCounts[2])));
    }

    private static double share(int count, int of) {
        return of == 0 ? Double.NaN : count / (double) of;
    }
}
