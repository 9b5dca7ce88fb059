package org.naoyu.decoder.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
