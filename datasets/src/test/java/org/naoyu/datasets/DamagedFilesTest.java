package org.naoyu.datasets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every reader against damaged copies of real files: truncated at random lengths and with random bits flipped. Each
 * read must end in a recording (perhaps with problems) or a {@link FileFormatException} naming the file — never
 * another exception, never a hang.
 */
class DamagedFilesTest {
    @TempDir
    Path dir;

    @org.junit.jupiter.api.Test
    void aControlCharacterInAChannelLabelIsShownNotFatal() throws Exception {
        byte[] bytes = Files.readAllBytes(SharedData.path("edf/mne_test_uneven_samp.edf"));
        bytes[256] = 0x01; // first byte of the first label
        Path file = dir.resolve("label.edf");
        Files.write(file, bytes);
        Recording recording = Recordings.open(file);
        assertTrue(recording.streams().stream().anyMatch(s -> s.info().channelLabels().get(0).startsWith("?")),
                recording.streams().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"edf/mne_test_uneven_samp.edf", "edf/pyedflib_test_utf8.edf",
        "edf/pyedflib_test_generator_datarec_generator_2.bdf", "xdf/empty_streams.xdf", "xdf/minimal.xdf",
        "bci/p300_speller_bci2000/eeg3_1.dat", "bci/ssvep_exoskeleton/subject01_record-2012.07.06-19.02.16.gdf"})
    @Timeout(120)
    void damagedCopiesGiveARecordingOrANamedError(String file) throws Exception {
        byte[] original = Files.readAllBytes(SharedData.path(file));
        SplittableRandom random = new SplittableRandom(file.hashCode());
        Path mutant = dir.resolve("mutant" + file.substring(file.lastIndexOf('.')));
        int trials = original.length > 1_000_000 ? 25 : 60;
        for (int trial = 0; trial < trials; trial++) {
            byte[] bytes;
            if (trial % 3 == 0) {
                bytes = Arrays.copyOf(original, random.nextInt(original.length));
            } else {
                bytes = original.clone();
                // most of a file is samples; damage the first 4 KiB (headers) as often as the rest
                for (int f = 0; f < 1 + random.nextInt(6); f++) {
                    int at = random.nextBoolean() ? random.nextInt(Math.min(4096, bytes.length))
                            : random.nextInt(bytes.length);
                    bytes[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            Files.deleteIfExists(mutant);
            Files.write(mutant, bytes);
            try {
                Recordings.open(mutant);
            } catch (FileFormatException expected) {
                assertTrue(expected.getMessage().startsWith(mutant + ", byte "), expected.getMessage());
            } catch (IOException | RuntimeException other) {
                throw new AssertionError("trial " + trial + " of " + file + ": " + other, other);
            }
        }
    }
}
