package org.naoyu.speller.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.naoyu.datasets.corpus.Syllable;
import org.naoyu.datasets.corpus.SyllableInventory;
import org.naoyu.decoder.data.SyllableParts;
import org.naoyu.decoder.data.TonedSyllable;

class CalibrationPlanTest {
    private static final SyllableInventory INVENTORY = SyllableInventory.standard();
    private static final CalibrationPlan PLAN = CalibrationPlan.of(INVENTORY, 1);

    private static SyllableParts parts(String toned) {
        return SyllableParts.of(TonedSyllable.parse(toned));
    }

    @Test
    void thePartsBlockCoversEveryInitialAndFinalWithEveryToneThreeTimes() {
        Set<String> wanted = new HashSet<>();
        for (Syllable s : INVENTORY.syllables()) {
            SyllableParts p = parts(s.toned());
            wanted.add("initial " + p.initial() + " " + p.tone());
            wanted.add("final " + p.fin() + " " + p.tone());
        }
        int partsTrials = PLAN.trialsThrough("parts 3/3");
        Map<String, Integer> heard = new HashMap<>();
        Map<String, Integer> perSyllable = new HashMap<>();
        for (String cue : PLAN.trials().subList(0, partsTrials)) {
            SyllableParts p = parts(cue);
            heard.merge("initial " + p.initial() + " " + p.tone(), 1, Integer::sum);
            heard.merge("final " + p.fin() + " " + p.tone(), 1, Integer::sum);
            perSyllable.merge(cue, 1, Integer::sum);
        }
        assertEquals(wanted, heard.keySet(), "every pair the inventory has, and no other");
        assertTrue(heard.values().stream().allMatch(n -> n >= 3), "each pair at least three times");
        assertTrue(perSyllable.values().stream().allMatch(n -> n == 3), "each syllable exactly three times");
        assertEquals(190, perSyllable.size(), "the greedy cover's size over today's inventory");
        assertEquals(3 * 190, partsTrials);
    }

    @Test
    void thenEveryBaseThenEveryToneSyllable() {
        int throughBases = PLAN.trialsThrough("bases");
        Set<String> bases = new HashSet<>();
        PLAN.trials().subList(0, throughBases).forEach(t -> bases.add(TonedSyllable.parse(t).base()));
        assertEquals(new HashSet<>(INVENTORY.bases()), bases, "after the bases block every base has been said");
        assertEquals(836, throughBases, "docs/DECODING.md: 570 part trials, then 266 bases");
        assertEquals(INVENTORY.size(), new HashSet<>(PLAN.trials()).size(), "the whole plan says all 1,391");
        assertEquals(PLAN.trials().size(), 2 * 190 + INVENTORY.size(), "parts twice more, then each syllable once");
        List<String> toned = PLAN.blocks().get(PLAN.blocks().size() - 1).cues();
        assertEquals(INVENTORY.syllables().stream().map(Syllable::toned).filter(toned::contains).toList(), toned,
                "the rest most frequent first");
    }

    @Test
    void sessionsTakeTheirTurnAndTheSeedOnlyShuffles() {
        assertEquals(PLAN.trials().subList(100, 150), PLAN.slice(100, 50));
        assertEquals(PLAN.trials().size() - 10, PLAN.slice(10, 1_000_000).size() + 0, "the rest when less is left");
        assertEquals("parts 1/3", PLAN.blockAt(0).name());
        assertEquals("parts 2/3", PLAN.blockAt(190).name());
        assertEquals("toned", PLAN.blockAt(PLAN.trials().size() - 1).name());
        CalibrationPlan other = CalibrationPlan.of(INVENTORY, 2);
        assertEquals(new HashSet<>(PLAN.blocks().get(0).cues()), new HashSet<>(other.blocks().get(0).cues()));
        assertTrue(!PLAN.trials().equals(other.trials()), "another participant, another order");
        assertEquals(PLAN.trials(), CalibrationPlan.of(INVENTORY, 1).trials(), "the same participant, the same plan");
        IllegalArgumentException late = assertThrows(IllegalArgumentException.class,
                () -> PLAN.slice(PLAN.trials().size(), 1));
        assertTrue(late.getMessage().startsWith("the plan's position must be in [0, "), late.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PLAN.trialsThrough("warm-up"));
    }
}
