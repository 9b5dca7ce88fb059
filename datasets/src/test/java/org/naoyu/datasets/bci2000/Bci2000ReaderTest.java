package org.naoyu.datasets.bci2000;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.datasets.FileFormatException;
import org.naoyu.datasets.SharedData;

/** The P300 speller run of shared/data/bci/README.md: header, parameters, state bit fields and event timing. */
class Bci2000ReaderTest {

    private static Bci2000Recording p300() throws Exception {
        return Bci2000Reader.read(SharedData.path("bci/p300_speller_bci2000/eeg3_1.dat"));
    }

    @Test
    void headerParametersAndSamples() throws Exception {
        Bci2000Recording run = p300();
        assertEquals(56840, run.sampleCount());
        assertEquals(256.0, run.samplingRateHz());
        assertEquals(List.of("Fz", "Cz", "P3", "Pz", "P4", "PO7", "Oz", "PO8"), run.channelNames());
        assertArrayEquals(new double[] {0.019, 0.019, 0.019, 0.019, 0.019, 0.019, 0.019, 0.019}, run.gains());
        assertArrayEquals(new double[8], run.offsets());
        assertArrayEquals(new double[] {399, 1173, -1603, -313, -396, -1116, 563, -2189},
                java.util.Arrays.copyOf(run.rawSamples(), 8));
        assertEquals(399 * 0.019, run.microvolts(0, 0), 1e-12);
        assertEquals("T3OF", run.parameters().get("TextToSpell").value());
        assertEquals("15", run.parameters().get("NumberOfSequences").value());
        assertEquals("2", run.parameters().get("InterpretMode").value());
        assertEquals("Source:Signal%20Properties:DataIOFilter", run.parameters().get("SamplingRate").section());
    }

    @Test
    void stateBitFieldsAreDecoded() throws Exception {
        Bci2000Recording run = p300();
        Bci2000State code = run.states().stream().filter(s -> s.name().equals("StimulusCode")).findFirst()
                .orElseThrow();
        assertEquals(new Bci2000State("StimulusCode", 16, 0, 0, 0), code);
        assertEquals(new Bci2000State("SelectedColumn", 8, 0, 5, 4),
                run.states().stream().filter(s -> s.name().equals("SelectedColumn")).findFirst().orElseThrow());
        List<long[]> flashes = run.onsets("StimulusCode");
        assertEquals(720, flashes.size(), "4 characters x 15 sequences x 12 rows and columns");
        assertEquals(List.of(2312L, 2376L, 2440L), flashes.subList(0, 3).stream().map(f -> f[0]).toList());
        assertEquals(List.of(6L, 12L, 1L, 7L, 2L, 10L), flashes.subList(0, 6).stream().map(f -> f[1]).toList());
        long[] type = run.stateValues().get("StimulusType");
        long targets = flashes.stream().filter(f -> type[(int) f[0]] == 1).count();
        assertEquals(120, targets);
        // each flash lasts 32 samples (125 ms), onset to onset 64
        long[] codes = run.stateValues().get("StimulusCode");
        int on = 0;
        while (codes[2312 + on] > 0) {
            on++;
        }
        assertEquals(32, on);
        // the target codes of each character: T -> {4, 8}, 3 -> {5, 11}, O -> {3, 9}, F -> {1, 12}
        List<Set<Long>> perCharacter = new ArrayList<>();
        for (int character = 0; character < 4; character++) {
            Set<Long> codesOfTargets = new TreeSet<>();
            for (long[] f : flashes.subList(character * 180, (character + 1) * 180)) {
                if (type[(int) f[0]] == 1) {
                    codesOfTargets.add(f[1]);
                }
            }
            perCharacter.add(codesOfTargets);
        }
        assertEquals(List.of(Set.of(4L, 8L), Set.of(5L, 11L), Set.of(3L, 9L), Set.of(1L, 12L)), perCharacter);
        List<Long> selected = new ArrayList<>();
        for (long[] change : run.onsets("SelectedTarget")) {
            selected.add(change[1]);
        }
        assertEquals(List.of(20L, 15L, 14L, 6L), selected, "the online result TONF");
    }

    @Test
    void aBadHeaderLineNamesTheField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.dat");
        Files.writeString(file, "HeaderLen= lots SourceCh= 8 StatevectorLen= 36\r\n");
        FileFormatException e = assertThrows(FileFormatException.class, () -> Bci2000Reader.read(file));
        assertTrue(e.getMessage().endsWith("byte 0: the header line's HeaderLen must be an integer in [1, 48], got "
                + "'lots'"), e.getMessage());
    }
}
