package org.naoyu.decoder.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Splits of epochs into training and validation: stratified (every toned syllable keeps its share in each part), or
 * grouped by syllable (whole syllables held out, their parts still heard in training) for decoders that name
 * syllables from their parts.
 */
public final class EpochSplits {

    /** Training and validation epochs. */
    public record Split(List<Epoch> train, List<Epoch> validation) {
        public Split {
            train = List.copyOf(train);
            validation = List.copyOf(validation);
        }

        /** Every epoch, training then validation: what a model is fitted on again when validation chose nothing. */
        public List<Epoch> all() {
            List<Epoch> all = new ArrayList<>(train);
            all.addAll(validation);
            return all;
        }
    }

    /** Trials a toned syllable needs before some of them can be held out for validation (one stays to train on). */
    public static final int MIN_TRIALS_TO_VALIDATE = 3;

    /**
     * How far a set of epochs can be validated by a stratified split: how many toned syllables, how many of them have
     * the {@link #MIN_TRIALS_TO_VALIDATE} trials a held-out share needs, and the median trials per syllable.
     */
    public record Coverage(int syllables, int trials, int validatable, int medianTrials) {
        /** Whether at least half the syllables can be validated, the least that makes a validation score mean much. */
        public boolean supportsValidation() {
            return validatable > 0 && 2 * validatable >= syllables;
        }

        /** "179 toned syllables, 179 trials (median 1 a syllable), 0 with the 3 trials a validation split needs". */
        public String describe() {
            return syllables + " toned syllables, " + trials + " trials (median " + medianTrials + " a syllable), "
                    + validatable + " with the " + MIN_TRIALS_TO_VALIDATE + " trials a validation split needs";
        }
    }

    private EpochSplits() {
    }

    /** What a stratified split of {@code all} can validate. */
    public static Coverage coverage(List<Epoch> all) {
        Map<TonedSyllable, List<Epoch>> byClass = byClass(all);
        int validatable = (int) byClass.values().stream().filter(m -> m.size() >= MIN_TRIALS_TO_VALIDATE).count();
        return new Coverage(byClass.size(), all.size(), validatable, medianPerClass(all));
    }

    /**
     * Per toned syllable, {@code share} of its trials (in an order the seed fixes) go to validation; syllables with
     * fewer than {@link #MIN_TRIALS_TO_VALIDATE} trials stay whole in training.
     */
    public static Split split(List<Epoch> all, double share, long seed) {
        if (!(share >= 0 && share < 1)) {
            throw new IllegalArgumentException("the validation share must be in [0, 1), got " + share);
        }
        Random random = new Random(seed);
        List<Epoch> train = new ArrayList<>();
        List<Epoch> validation = new ArrayList<>();
        for (List<Epoch> members : byClass(all).values()) {
            List<Epoch> shuffled = new ArrayList<>(members);
            Collections.shuffle(shuffled, random);
            // at least one trial of each syllable stays for training
            int held = members.size() < MIN_TRIALS_TO_VALIDATE ? 0 : Math.min(members.size() - 1, (int) Math.round(share * members.size()));
            validation.addAll(shuffled.subList(0, held));
            train.addAll(shuffled.subList(held, shuffled.size()));
        }
        return new Split(train, validation);
    }

    /**
     * Holds out whole toned syllables, in an order the seed fixes, until {@code share} of the trials are held out: a
     * syllable is held out only while its initial, its final and its tone each keep at least
     * {@link #MIN_TRIALS_TO_VALIDATE} trials in training. The validation score then says how well a decoder with
     * part heads names syllables it never heard whole, which is what it is for; and it works where a stratified split
     * cannot, on calibrations that say each syllable once.
     */
    public static Split groupedBySyllable(List<Epoch> all, double share, long seed) {
        if (!(share >= 0 && share < 1)) {
            throw new IllegalArgumentException("the validation share must be in [0, 1), got " + share);
        }
        Map<String, Integer> partTrials = new java.util.HashMap<>();
        for (Epoch epoch : all) {
            partKeys(epoch.label()).forEach(key -> partTrials.merge(key, 1, Integer::sum));
        }
        List<List<Epoch>> classes = new ArrayList<>(byClass(all).values());
        Collections.shuffle(classes, new Random(seed));
        long target = Math.round(share * all.size());
        List<Epoch> train = new ArrayList<>();
        List<Epoch> validation = new ArrayList<>();
        for (List<Epoch> members : classes) {
            List<String> keys = partKeys(members.get(0).label());
            boolean keep = validation.size() >= target || keys.stream()
                    .anyMatch(key -> partTrials.get(key) - members.size() < MIN_TRIALS_TO_VALIDATE);
            if (keep) {
                train.addAll(members);
            } else {
                validation.addAll(members);
                keys.forEach(key -> partTrials.merge(key, -members.size(), Integer::sum));
            }
        }
        return new Split(train, validation);
    }

    private static List<String> partKeys(TonedSyllable syllable) {
        SyllableParts parts = SyllableParts.of(syllable);
        return List.of("initial " + parts.initial(), "final " + parts.fin(), "tone " + parts.tone());
    }

    /**
     * The first {@code perClass} trials of every toned syllable (all of them when it has fewer), in the order given:
     * a smaller training set for a learning curve, nested in every larger one.
     */
    public static List<Epoch> firstPerClass(List<Epoch> epochs, int perClass) {
        if (perClass < 1) {
            throw new IllegalArgumentException("perClass must be >= 1, got " + perClass);
        }
        List<Epoch> kept = new ArrayList<>();
        for (List<Epoch> members : byClass(epochs).values()) {
            kept.addAll(members.subList(0, Math.min(perClass, members.size())));
        }
        return kept;
    }

    /** The median number of trials per toned syllable. */
    public static int medianPerClass(List<Epoch> epochs) {
        int[] counts = byClass(epochs).values().stream().mapToInt(List::size).sorted().toArray();
        return counts.length == 0 ? 0 : counts[counts.length / 2];
    }

    private static Map<TonedSyllable, List<Epoch>> byClass(List<Epoch> epochs) {
        Map<TonedSyllable, List<Epoch>> byClass = new LinkedHashMap<>();
        for (Epoch epoch : epochs) {
            byClass.computeIfAbsent(epoch.label(), k -> new ArrayList<>()).add(epoch);
        }
        return byClass;
    }
}
