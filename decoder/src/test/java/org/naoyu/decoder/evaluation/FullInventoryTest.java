package org.naoyu.decoder.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.decoder.model.Posteriors;

class FullInventoryTest {
    private static final List<String> BASES = List.of("ba", "ma", "shi");
    private static final List<TonedSyllable> INVENTORY = List.of("ba1", "ma3", "shi4").stream()
            .map(TonedSyllable::parse).toList();

    /** Posteriors sure of one base and one tone. */
    private static Posteriors sure(String base, int tone) {
        double[] b = new double[BASES.size()];
        b[BASES.indexOf(base)] = 1;
        double[] t = new double[5];
        t[tone - 1] = 1;
        return new Posteriors(BASES, b, t);
    }

    private static Epoch said(String toned) {
        return new Epoch(0, TonedSyllable.parse(toned), 1, 1, new float[] {0});
    }

    @Test
    void unseenSyllablesCountAsMissesAndTheirPartsAreScored() {
        List<Epoch> attempts = List.of(said("ba1"), said("ma3"), said("shi4"), said("pa1"), said("si4"));
        List<Posteriors> decoded = List.of(sure("ba", 1), sure("ba", 1), sure("shi", 4), sure("ba", 1),
                sure("shi", 4));
        FullInventory full = FullInventory.of(decoded, attempts, INVENTORY);
        assertEquals(3, full.inventory());
        assertEquals(5, full.attempts());
        assertEquals(2, full.unseenAttempts(), "pa1 and si4 were never trained");
        assertEquals(2 / 5.0, full.toned(), 1e-12, "ba1 and shi4 right");
        assertEquals(2 / 3.0, full.tonedSeen(), 1e-12);
        assertEquals(0, full.tonedUnseen(), 1e-12, "a whole-syllable model cannot output what it never heard");
        // initials: ba/ba b=b, ma/ba no, shi/shi yes, pa/ba no, si/shi no -> 2 of 5
        assertEquals(2 / 5.0, full.initial(), 1e-12);
        // finals: a/a, a/a, -i/-i, a/a, -i/-i -> all 5 (si and shi share the apical final)
        assertEquals(1, full.fin(), 1e-12);
        // tones: 1/1, 3/1, 4/4, 1/1, 4/4 -> 4 of 5
        assertEquals(4 / 5.0, full.tone(), 1e-12);
    }

    @Test
    void nothingMeasuredIsNaNAndMismatchesAreRefused() {
        FullInventory none = FullInventory.of(List.of(), List.of(), INVENTORY);
        assertTrue(Double.isNaN(none.toned()) && Double.isNaN(none.tonedUnseen()));
        assertThrows(IllegalArgumentException.class, () -> FullInventory.of(List.of(), List.of(said("ba1")),
                INVENTORY));
        assertThrows(IllegalArgumentException.class, () -> FullInventory.of(List.of(), List.of(), List.of()));
    }
}
