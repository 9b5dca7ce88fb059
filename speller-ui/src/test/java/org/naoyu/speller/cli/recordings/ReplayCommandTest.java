package org.naoyu.speller.cli.recordings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.naoyu.speller.Cli;

@Timeout(60)
class ReplayCommandTest {

    private static String[] run(String... args) {
        Cli.Run run = Cli.naoyu(args);
        return new String[] {Integer.toString(run.exitCode()), run.out(), run.err()};
    }


    @Test
    void replaysARecordingToTheEnd() {
        String[] result = run("replay", Cli.shared("xdf/minimal.xdf"), "--speed", "4");
        assertEquals("0", result[0], result[2]);
        assertTrue(result[1].contains("(XDF, 0.9 s) at 4 x"), result[1]); // 5.0 (synced EEG) to 5.9 (markers)
        assertTrue(result[1].contains("  SendDataC: 3 ch int16, 10 Hz, source id '', on 127.0.0.1:"), result[1]);
        assertTrue(result[1].contains("  SendDataString: 1 ch string, 10 Hz"), result[1]);
        assertTrue(result[1].endsWith("done\n"), result[1]);
    }

    @Test
    void convertsAndRefusesToOverwrite(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path out = dir.resolve("p300.edf");
        String[] first = run("convert", Cli.shared("bci/p300_speller_bci2000/eeg3_1.dat"), out.toString());
        assertEquals("0", first[0], first[2]);
        assertTrue(first[1].startsWith("wrote " + out + " ("), first[1]);
        assertTrue(first[1].contains("2 streams, 720 events from"), first[1]);
        String[] again = run("convert", Cli.shared("bci/p300_speller_bci2000/eeg3_1.dat"), out.toString());
        assertEquals("1", again[0]);
        assertTrue(again[2].contains("refusing to overwrite an existing file"), again[2]);
    }

    @Test
    void namesTheStreamsAFileHasWhenAskedForOneItLacks() {
        String[] result = run("replay", Cli.shared("xdf/minimal.xdf"), "--streams", "Nope");
        assertEquals("1", result[0]);
        assertTrue(result[2].startsWith("naoyu replay: --streams: the recording has no stream named 'Nope'; it has "
                + "['SendDataC', 'SendDataString']"), result[2]);
        assertTrue(run("replay", Cli.shared("xdf/minimal.xdf"), "--speed", "0")[2]
                .startsWith("naoyu replay: speed must be in (0, 1000], got 0.0"));
    }
}
