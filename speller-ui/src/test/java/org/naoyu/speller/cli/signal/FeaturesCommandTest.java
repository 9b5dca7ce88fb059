package org.naoyu.speller.cli.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.speller.Cli;

@Timeout(120)
class FeaturesCommandTest {
    @TempDir
    static Path dir;
    static Path session;

    @BeforeAll
    static void simulate() {
        session = dir.resolve("s.xdf");
        Cli.Run run = Cli.naoyu("simulate", "--out", session.toString(), "--seconds", "12", "--channels", "32",
                "--rate", "1000", "--bad", "G03:flat,G10:noisy", "--random-bad", "0");
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void writesANumpyArrayWithItsSideCarAndRepeatsFromIt() throws Exception {
        Path out = dir.resolve("f.npy");
        Cli.Run run = Cli.naoyu("features", session.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("wrote " + out + ": 1200 frames x 32 channels x 1 feature(s) [high_gamma] at "
                + "100 frames/s, causal"), run.out());
        String sidecar = Files.readString(dir.resolve("f.json"));
        assertTrue(sidecar.contains("\"stream\" : \"naoyu-sim\""), sidecar);
        assertTrue(sidecar.contains("\"G32\""), sidecar);
        assertTrue(sidecar.contains("\"delays_ms\""), sidecar);
        Process python = new ProcessBuilder("python3", "-c", "import numpy, sys; a = numpy.load(sys.argv[1]); "
                + "print(a.shape, a.dtype, bool(numpy.isfinite(a).all()))", out.toString()).start();
        assertEquals("(1200, 32, 1) float32 True", new String(python.getInputStream().readAllBytes()).trim());

        Path again = dir.resolve("g.npy");
        Cli.Run repeat = Cli.naoyu("features", session.toString(), "--out", again.toString(), "--config",
                dir.resolve("f.json").toString());
        assertEquals(0, repeat.exitCode(), repeat.err());
        assertEquals(Files.size(out), Files.size(again));
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(out), Files.readAllBytes(again)), "the same frames");

        Cli.Run offline = Cli.naoyu("features", session.toString(), "--out", dir.resolve("o.npy").toString(),
                "--offline");
        assertEquals(0, offline.exitCode(), offline.err());
        assertTrue(offline.out().contains(", offline ("), offline.out());
    }

    @Test
    void refusesWhatItCannotDo() throws Exception {
        Cli.Run overwrite = Cli.naoyu("features", session.toString(), "--out", session.toString() + ".npy");
        assertEquals(0, overwrite.exitCode(), overwrite.err());
        Cli.Run again = Cli.naoyu("features", session.toString(), "--out", session.toString() + ".npy");
        assertTrue(again.err().startsWith("naoyu features: refusing to overwrite "), again.err());
        Path config = dir.resolve("c500.json");
        Files.writeString(config, org.naoyu.dsp.FeatureConfig.defaults(500).toJson());
        Cli.Run rate = Cli.naoyu("features", session.toString(), "--out", dir.resolve("r.npy").toString(),
                "--config", config.toString());
        assertTrue(rate.err().startsWith("naoyu features: the config is for 500 Hz but stream 'naoyu-sim' is sampled "
                + "at 1000 Hz"), rate.err());
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"sampleRateHz\": ");
        Cli.Run bad = Cli.naoyu("features", session.toString(), "--out", dir.resolve("b.npy").toString(),
                "--config", broken.toString());
        assertTrue(bad.err().startsWith("naoyu features: " + broken + ": feature config: "), bad.err());
        Cli.Run stream = Cli.naoyu("features", session.toString(), "--out", dir.resolve("x.npy").toString(),
                "--stream", "nope");
        assertTrue(stream.err().startsWith("naoyu features: --stream: the recording has no stream named 'nope'"),
                stream.err());
    }

    @Test
    void qualityFindsTheBadChannelsTheSimulatorMade() {
        Cli.Run run = Cli.naoyu("quality", session.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("neighbours by position"), run.out());
        assertTrue(run.out().contains("2 of 32 channels bad: [G03, G10]"), run.out());
        Cli.Run json = Cli.naoyu("quality", session.toString(), "--json");
        assertTrue(json.out().lines().anyMatch(l -> l.startsWith("{\"channel\":2,\"label\":\"G03\"")
                && l.contains("\"bad\":true")), json.out());
        Cli.Run lax = Cli.naoyu("quality", session.toString(), "--max-hf", "1000", "--max-deviation", "1000",
                "--min-correlation", "-1");
        assertTrue(lax.out().contains("1 of 32 channels bad: [G03]"), "a user can accept the noisy one: "
                + lax.out());
        Cli.Run eeg = Cli.naoyu("quality", Cli.shared("edf/eeglab_test.edf"));
        assertEquals(0, eeg.exitCode(), eeg.err());
        assertTrue(eeg.out().contains("neighbours by index"), eeg.out());
    }
}
