package org.naoyu.speller.cli.recordings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.datasets.xdf.XdfReader;
import org.naoyu.datasets.xdf.XdfRecording;
import org.naoyu.speller.Cli;

@Timeout(60)
class RecordCommandTest {
    @TempDir
    Path dir;



    @Test
    void recordsAPushedStreamIntoABidsFolderWithoutOverwriting() throws Exception {
        String name = "rec-cli-" + UUID.randomUUID().toString().substring(0, 8);
        CompletableFuture<Cli.Run> push = CompletableFuture.supplyAsync(() -> Cli.naoyu("lsl", "push", name, "--channels",
                "4", "--rate", "200", "--seconds", "7", "--source-id", "naoyu-test-" + name));
        Thread.sleep(800);
        for (int run = 1; run <= 2; run++) {
            Cli.Run record = Cli.naoyu("record", "--stream", name, "--root", dir.toString(), "--participant", "P07",
                    "--task", "calibration", "--seconds", "1.5");
            assertEquals(0, record.exitCode(), record.err());
            Path file = dir.resolve("sub-P07/ses-01/ieeg/sub-P07_ses-01_task-calibration_run-0" + run + "_ieeg.xdf");
            assertTrue(record.out().contains("recording 1 stream(s) to " + file + " for 1.5 s"), record.out());
            assertTrue(record.out().contains("| " + name + ": "), record.out());
            assertTrue(record.out().contains("wrote " + file), record.out());
            XdfRecording recording = XdfReader.read(file, XdfReader.Options.raw());
            assertEquals(1, recording.streams().size());
            int samples = recording.streams().get(0).sampleCount();
            assertTrue(samples >= 250 && samples <= 330, "about 1.5 s at 200 Hz: " + samples);
            assertTrue(recording.fileHeaderXml().contains("<participant>P07</participant>"));
            assertTrue(recording.fileHeaderXml().contains("<run>" + run + "</run>"));
        }
        assertEquals(0, push.get().exitCode());
    }

    @Test
    void aMissingStreamExitsWith2AndNothingIsWritten() {
        Path file = dir.resolve("never.xdf");
        Cli.Run run = Cli.naoyu("record", "--stream", "no-such-" + UUID.randomUUID(), "--out", file.toString(), "--timeout",
                "0.6");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no stream matches"), run.err());
        assertTrue(!Files.exists(file));
    }

    @Test
    void aRealNameIsRefusedAsParticipant() {
        Cli.Run run = Cli.naoyu("record", "--stream", "x", "--root", dir.toString(), "--participant", "Li Lei");
        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("naoyu record: participant must be a BIDS label of 1-64 letters and digits "
                + "(a pseudonym, not a name), got 'Li Lei'"), run.err());
    }
}
