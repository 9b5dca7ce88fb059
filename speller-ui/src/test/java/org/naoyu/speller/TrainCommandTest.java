package org.naoyu.speller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.decoder.model.ModelFile;

@Timeout(300)
class TrainCommandTest {
    @TempDir
    Path dir;

    @Test
    void trainsFromASimulatedSessionAndSavesTheModelWithItsProvenance() throws Exception {
        Path session = dir.resolve("cal.xdf");
        assertEquals(0, Cli.naoyu("simulate", "--out", session.toString(), "--seconds", "80", "--channels", "16",
                "--rate", "1000", "--cues", "ba1,ga2,shi4", "--bad", "G03:flat", "--random-bad", "0").exitCode());
        Path model = dir.resolve("m.zip");
        Cli.Run run = Cli.naoyu("train", "--data", session.toString(), "--out", model.toString(), "--epochs", "3",
                "--baseline");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith(session + ": "), run.out());
        assertTrue(run.out().contains("bad channels [G03]"), run.out());
        assertTrue(run.out().contains("  pass   3/3  loss "), run.out());
        assertTrue(run.out().contains("wrote " + model + ": linear, 3 toned syllables, validation toned accuracy "),
                run.out());
        ModelFile.Loaded loaded = ModelFile.load(model);
        assertEquals(16, loaded.provenance().channels().size());
        assertEquals(java.util.List.of("ba1", "ga2", "shi4"), loaded.provenance().inventory());
        assertEquals(java.util.List.of(), loaded.provenance().featureConfig().badChannels(),
                "bad channels stay with the session");
        assertEquals(64, loaded.provenance().data().get(0).sha256().length());

        Cli.Run again = Cli.naoyu("train", "--data", session.toString(), "--out", model.toString());
        assertTrue(again.err().startsWith("naoyu train: refusing to overwrite "), again.err());
        Path empty = dir.resolve("rest.xdf");
        Cli.naoyu("simulate", "--out", empty.toString(), "--seconds", "5", "--channels", "16", "--rate", "1000",
                "--task", "rest");
        Cli.Run none = Cli.naoyu("train", "--data", empty.toString(), "--out", dir.resolve("n.zip").toString());
        assertTrue(none.err().startsWith("naoyu train: found 0 epochs at 'speech_onset' markers"), none.err());
        assertTrue(Files.notExists(dir.resolve("n.zip")));
    }

    @Test
    void evaluatesOnAnotherSessionAndRefusesAnotherMontage() throws Exception {
        Path train = dir.resolve("a.xdf");
        Path test = dir.resolve("b.xdf");
        for (Path[] p : new Path[][] {{train, Path.of("1")}, {test, Path.of("2")}}) {
            assertEquals(0, Cli.naoyu("simulate", "--out", p[0].toString(), "--seconds", "60", "--channels", "16",
                    "--rate", "1000", "--cues", "ba1,ga2,shi4", "--seed", p[1].toString()).exitCode());
        }
        Path model = dir.resolve("m.zip");
        assertEquals(0, Cli.naoyu("train", "--data", train.toString(), "--out", model.toString(), "--epochs", "20",
                "--baseline").exitCode());
        Cli.Run json = Cli.naoyu("evaluate", "--model", model.toString(), "--data", test.toString(), "--json",
                "--report", dir.resolve("r.html").toString());
        assertEquals(0, json.exitCode(), json.err());
        assertTrue(json.out().startsWith("{\"model\":\"m.zip\",\"kind\":\"linear\",\"attempts\":"), json.out());
        assertTrue(json.out().contains("\"syllables\":3,"), json.out());
        String html = Files.readString(dir.resolve("r.html"));
        assertTrue(html.contains("<h2>Confusion matrix</h2><svg"), "the report draws its pictures");
        assertTrue(html.contains("<title>ba1 as "), "cells say what they count");
        Path other = dir.resolve("c.xdf");
        Cli.naoyu("simulate", "--out", other.toString(), "--seconds", "10", "--channels", "32", "--rate", "1000");
        Cli.Run refused = Cli.naoyu("evaluate", "--model", model.toString(), "--data", other.toString());
        assertTrue(refused.err().startsWith("naoyu evaluate: " + other + " does not fit the model: channels: the "
                + "model takes 16, the stream has 32"), refused.err());
        assertEquals(0.0, EvaluateCommand.wolpawBits(8, 0.125), 1e-12);
        assertEquals(3.0, EvaluateCommand.wolpawBits(8, 1.0), 1e-12);
    }
}
