package org.naoyu.decoder.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.SyllableParts;
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
        FullInventory full = FullInventory.of(decoded, attempts, INVENTORY, INVENTORY);
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
        FullInventory.PartAccuracy initials = full.byPart().get(0);
        assertEquals("initial", initials.part());
        assertEquals(List.of(22, 42, 5), full.byPart().stream().map(FullInventory.PartAccuracy::values).toList(),
                "how many values each kind of part has in Mandarin");
        assertEquals(List.of("b", "m", "p", "s", "sh"), initials.labels().stream().sorted().toList());
        int b = initials.labels().indexOf("b");
        assertEquals(1, initials.attempts()[b]);
        assertEquals(1.0, initials.accuracy()[b], 1e-12);
        assertEquals(0.0, initials.accuracy()[initials.labels().indexOf("p")], 1e-12, "pa1 was decoded ba1");
        FullInventory.PartAccuracy tones = full.byPart().get(2);
        assertEquals(List.of("1", "3", "4"), tones.labels(), "tones said, in order");
        assertEquals(0.0, tones.accuracy()[1], 1e-12, "ma3 was decoded ba1");
        assertEquals(2, tones.attempts()[2]);
    }

    /** Part posteriors sure of one initial, one final and one tone. */
    private static Posteriors sureParts(String initial, String fin, int tone) {
        double[] i = new double[SyllableParts.INITIAL_LABELS.size()];
        i[SyllableParts.INITIAL_LABELS.indexOf(initial)] = 1;
        double[] f = new double[SyllableParts.FINALS.size()];
        f[SyllableParts.FINALS.indexOf(fin)] = 1;
        double[] t = new double[5];
        t[tone - 1] = 1;
        return new Posteriors(List.of(), new double[0], t, i, f, 0);
    }

    @Test
    void partHeadsNameSyllablesNeverTrained() {
        List<TonedSyllable> language = List.of("ba1", "ma3", "shi4", "pa1", "si4").stream()
                .map(TonedSyllable::parse).toList();
        List<Epoch> attempts = List.of(said("ba1"), said("pa1"), said("si4"));
        List<Posteriors> decoded = List.of(sureParts("b", "a", 1), sureParts("p", "a", 1), sureParts("sh", "-i", 4));
        FullInventory full = FullInventory.of(decoded, attempts, language, INVENTORY);
        assertEquals(5, full.inventory(), "a model with part heads answers with the whole language");
        assertEquals(2, full.unseenAttempts());
        assertEquals(1, full.tonedSeen(), 1e-12);
        assertEquals(0.5, full.tonedUnseen(), 1e-12, "pa1 is named from its parts; si4 was heard as shi4");
        assertEquals(2 / 3.0, full.initial(), 1e-12);
    }

    @Test
    void nothingMeasuredIsNaNAndMismatchesAreRefused() {
        FullInventory none = FullInventory.of(List.of(), List.of(), INVENTORY, INVENTORY);
        assertTrue(Double.isNaN(none.toned()) && Double.isNaN(none.tonedUnseen()));
        assertThrows(IllegalArgumentException.class, () -> FullInventory.of(List.of(), List.of(said("ba1")),
                INVENTORY, INVENTORY));
        assertThrows(IllegalArgumentException.class,
                () -> FullInventory.of(List.of(), List.of(), List.of(), List.of()));
    }
}
