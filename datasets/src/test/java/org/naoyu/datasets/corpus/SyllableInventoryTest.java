package org.naoyu.datasets.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.datasets.Python;
import org.naoyu.datasets.SharedData;

class SyllableInventoryTest {
    private static final SyllableInventory INVENTORY = SyllableInventory.standard();

    @Test
    void countsOfTheShippedInventory() {
        assertEquals(1391, INVENTORY.size(), "toned syllables of the 8105 common characters");
        assertEquals(405, INVENTORY.bases().size(), "base syllables: Mandarin has about 400");
        int[] perTone = new int[6];
        INVENTORY.syllables().forEach(s -> perTone[s.tone()]++);
        for (int tone = 1; tone <= 4; tone++) {
            assertTrue(perTone[tone] > 250, "tone " + tone + ": " + perTone[tone]);
        }
        assertTrue(perTone[5] > 20 && perTone[5] < 200, "neutral tone: " + perTone[5]);
    }

    @Test
    void knownSyllablesAndTheirMostFrequentCharacters() {
        assertEquals("马", INVENTORY.get("ma3").orElseThrow().mostFrequentCharacter());
        assertEquals("的", INVENTORY.get("de5").orElseThrow().mostFrequentCharacter());
        assertEquals("你", INVENTORY.get("ni3").orElseThrow().mostFrequentCharacter());
        assertEquals("女", INVENTORY.get("nv3").orElseThrow().mostFrequentCharacter(), "ü is v, not u");
        assertTrue(INVENTORY.get("lv4").orElseThrow().characters().contains("绿"));
        assertTrue(INVENTORY.get("xing2").orElseThrow().characters().contains("行"));
        assertTrue(INVENTORY.get("hang2").orElseThrow().characters().contains("行"), "polyphones are in both");
        assertTrue(INVENTORY.get("nu3").orElseThrow().characters().contains("努"));
        assertTrue(INVENTORY.get("ma3").orElseThrow().characters().indexOf('女') < 0);
        assertEquals("de5", INVENTORY.syllables().get(0).toned(), "most frequent first");
        for (int i = 1; i < INVENTORY.size(); i++) {
            assertTrue(INVENTORY.syllables().get(i - 1).frequency() >= INVENTORY.syllables().get(i).frequency());
        }
    }

    @Test
    void badLinesAndFieldsAreNamed() {
        assertEquals("tone must be in [1, 5] (5 = neutral), got 6", assertThrows(IllegalArgumentException.class,
                () -> new Syllable("ma6", "ma", 6, 0, "")).getMessage());
        assertEquals("toned must be base + tone = ma3, got 'ma4'", assertThrows(IllegalArgumentException.class,
                () -> new Syllable("ma4", "ma", 3, 0, "")).getMessage());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SyllableInventory.parse(
                new java.io.BufferedReader(new java.io.StringReader("# header\nma3\tma\tx\t1\t马\n"))));
        assertTrue(e.getMessage().startsWith("syllables.tsv line 2 must be 'syllable base tone frequency "
                + "characters', got 'ma3\tma\tx\t1\t马'"), e.getMessage());
    }

    /** The committed script rebuilds the shipped file byte for byte from the shared data. */
    @Test
    void theScriptReproducesTheShippedFile(@TempDir Path dir) throws IOException, InterruptedException {
        Path out = dir.resolve("syllables.tsv");
        String log = Python.run("scripts/build_syllable_inventory.py",
                SharedData.path("chinese/README.md").getParent().toString(), out.toString());
        assertEquals("1391 toned syllables, 405 base syllables", log.strip());
        byte[] shipped = SyllableInventory.class.getResourceAsStream(SyllableInventory.RESOURCE).readAllBytes();
        assertArrayEquals(shipped, Files.readAllBytes(out));
    }

}
