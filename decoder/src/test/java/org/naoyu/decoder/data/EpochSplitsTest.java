package org.naoyu.decoder.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EpochSplitsTest {
    private static List<Epoch> trials(String toned, int count) {
        List<Epoch> list = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            list.add(new Epoch(k, TonedSyllable.parse(toned), 1, 1, new float[] {k}));
        }
        return list;
    }

    @Test
    void everySyllableKeepsItsShareAndAtLeastOneTrainingTrial() {
        List<Epoch> all = new ArrayList<>(trials("ba1", 10));
        all.addAll(trials("ga2", 3));
        all.addAll(trials("ma3", 2));
        EpochSplits.Split split = EpochSplits.split(all, 0.2, 1);
        assertEquals(2, split.validation().stream().filter(e -> e.label().toned().equals("ba1")).count());
        assertEquals(1, split.validation().stream().filter(e -> e.label().toned().equals("ga2")).count());
        assertEquals(0, split.validation().stream().filter(e -> e.label().toned().equals("ma3")).count(),
                "fewer than three trials stay whole in training");
        assertEquals(all.size(), split.train().size() + split.validation().size());
        EpochSplits.Split greedy = EpochSplits.split(all, 0.9, 1);
        for (String toned : List.of("ba1", "ga2", "ma3")) {
            assertTrue(greedy.train().stream().anyMatch(e -> e.label().toned().equals(toned)), toned);
        }
        assertEquals(split, EpochSplits.split(all, 0.2, 1), "the seed fixes the split");
    }

    @Test
    void aGroupedSplitHoldsOutWholeSyllablesWhosePartsStayInTraining() {
        // one trial each of every b/p/m/d with a/i/u in tones 1-4: 48 syllables said once
        List<Epoch> all = new ArrayList<>();
        for (String initial : List.of("b", "p", "m", "d")) {
            for (String fin : List.of("a", "i", "u")) {
                for (int tone = 1; tone <= 4; tone++) {
                    all.addAll(trials(initial + fin + tone, 1));
                }
            }
        }
        assertFalse(EpochSplits.coverage(all).supportsValidation(), "a stratified split validates nothing here");
        EpochSplits.Split split = EpochSplits.groupedBySyllable(all, 0.25, 3);
        assertEquals(12, split.validation().size(), "a quarter of the trials, whole syllables");
        assertEquals(all.size(), split.train().size() + split.validation().size());
        java.util.Set<TonedSyllable> heldOut = new java.util.HashSet<>();
        split.validation().forEach(e -> heldOut.add(e.label()));
        for (TonedSyllable syllable : heldOut) {
            assertTrue(split.train().stream().noneMatch(e -> e.label().equals(syllable)), syllable + " is held whole");
            SyllableParts parts = SyllableParts.of(syllable);
            assertTrue(split.train().stream().filter(e -> SyllableParts.of(e.label()).initial().equals(parts.initial()))
                    .count() >= EpochSplits.MIN_TRIALS_TO_VALIDATE, "its initial is still trained: " + syllable);
            assertTrue(split.train().stream().filter(e -> SyllableParts.of(e.label()).fin().equals(parts.fin()))
                    .count() >= EpochSplits.MIN_TRIALS_TO_VALIDATE, "its final is still trained: " + syllable);
        }
        assertEquals(split, EpochSplits.groupedBySyllable(all, 0.25, 3), "the seed fixes the split");
        assertEquals(0, EpochSplits.groupedBySyllable(trials("ba1", 5), 0.5, 1).validation().size(),
                "a syllable whose parts nothing else carries is never held out");
    }

    @Test
    void coverageSaysHowMuchASplitCanValidate() {
        List<Epoch> all = new ArrayList<>(trials("ba1", 10));
        all.addAll(trials("ga2", 3));
        all.addAll(trials("ma3", 2));
        EpochSplits.Coverage coverage = EpochSplits.coverage(all);
        assertEquals(new EpochSplits.Coverage(3, 15, 2, 3), coverage);
        assertTrue(coverage.supportsValidation(), "two of three syllables can be validated");
        assertEquals("3 toned syllables, 15 trials (median 3 a syllable), 2 with the 3 trials a validation split "
                + "needs", coverage.describe());

        List<Epoch> once = new ArrayList<>();
        for (String toned : List.of("ba1", "ga2", "ma3", "shi4")) {
            once.addAll(trials(toned, 1));
        }
        once.addAll(trials("ni3", 3));
        EpochSplits.Coverage sparse = EpochSplits.coverage(once);
        assertEquals(new EpochSplits.Coverage(5, 7, 1, 1), sparse);
        assertFalse(sparse.supportsValidation(), "one syllable of five is too little to judge a model by");
        assertFalse(EpochSplits.coverage(List.of()).supportsValidation());
    }

    @Test
    void smallerSetsAreNestedInLargerOnes() {
        List<Epoch> all = new ArrayList<>(trials("ba1", 10));
        all.addAll(trials("ga2", 3));
        List<Epoch> two = EpochSplits.firstPerClass(all, 2);
        List<Epoch> five = EpochSplits.firstPerClass(all, 5);
        assertEquals(4, two.size());
        assertEquals(8, five.size());
        assertTrue(five.containsAll(two));
        assertEquals(10, EpochSplits.medianPerClass(all)); // counts 3 and 10: the upper of the two middles
    }
}
