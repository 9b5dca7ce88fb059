package org.naoyu.speller.cli.recordings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.speller.Cli;

@Timeout(120)
class SimulateCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesAReproducibleFileThatInfoOpens() throws Exception {
        Path a = dir.resolve("a.xdf");
        Path b = dir.resolve("b.xdf");
        String[] args = {"--seconds", "6", "--channels", "64", "--rate", "1000", "--seed", "5", "--bad", "G03:railed"};
        Cli.Run first = Cli.naoyu(concat(new String[] {"simulate", "--out", a.toString()}, args));
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().startsWith("simulating 6 s, 8x8 grid, 4.0 mm pitch at 1000 Hz, task syllables, snr 2.5, "
                + "seed 5, participant 1\n"), first.out());
        assertTrue(first.out().contains("  bad channels: G03:railed "), first.out());
        assertTrue(first.out().contains("     6.0 / 6.0 s | 2 trials, "), first.out());
        assertTrue(first.out().endsWith("wrote " + a + ": 6.0 s, 64 ch at 1000 Hz, 2 trials, 7 markers\n"),
                first.out());
        assertEquals(0, Cli.naoyu(concat(new String[] {"simulate", "--out", b.toString()}, args)).exitCode());
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), "same seed, same bytes");

        Cli.Run info = Cli.naoyu("info", a.toString());
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("naoyu-sim          ECoG     64        1000"), info.out());
        assertTrue(info.out().contains("naoyu-sim-markers  Markers  1         irregular"), info.out());
        assertTrue(info.out().contains("x speech_onset "), info.out());
    }

    @Test
    void sentencesAndSixtyHertz() {
        Path out = dir.resolve("sentences.xdf");
        Cli.Run run = Cli.naoyu("simulate", "--out", out.toString(), "--seconds", "12", "--channels", "32",
                "--rate", "500", "--task", "sentences", "--line", "60", "--no-artifacts", "--random-bad", "0");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("  bad channels: none\n"), run.out());
        Cli.Run info = Cli.naoyu("info", out.toString());
        assertTrue(info.out().contains("x sentence_start "), info.out());
    }

    @Test
    void badArgumentsSayWhatIsWrong() throws Exception {
        Cli.Run snr = Cli.naoyu("simulate", "--out", dir.resolve("x.xdf").toString(), "--snr", "50");
        assertEquals(1, snr.exitCode());
        assertTrue(snr.err().startsWith("naoyu simulate: --snr must be in [0, 20], got 50\n"), snr.err());
        Cli.Run channels = Cli.naoyu("simulate", "--out", dir.resolve("x.xdf").toString(), "--channels", "4");
        assertTrue(channels.err().startsWith("naoyu simulate: --channels must be in [8, 1024], got 4\n"),
                channels.err());
        Cli.Run bad = Cli.naoyu("simulate", "--out", dir.resolve("x.xdf").toString(), "--bad", "G300:flat");
        assertTrue(bad.err().startsWith("naoyu simulate: bad channel 'G300' is not on the grid: use a label G001…G256 "
                + "or a number 1…256\n"), bad.err());
        Cli.Run task = Cli.naoyu("simulate", "--out", dir.resolve("x.xdf").toString(), "--task", "dance");
        assertTrue(task.err().startsWith("naoyu simulate: task must be syllables, sentences, rest or follow, got "
                + "'dance'\n"), task.err());
        Cli.Run follow = Cli.naoyu("simulate", "--task", "follow", "--seconds", "1");
        assertTrue(follow.err().startsWith("naoyu simulate: --task follow needs --follow QUERY: the task stream to "
                + "follow\n"), follow.err());
        Cli.Run fast = Cli.naoyu("simulate", "--follow", "naoyu-task", "--speed", "4", "--seconds", "1");
        assertTrue(fast.err().startsWith("naoyu simulate: --follow attempts cues as they come, in real time: give it "
                + "without --speed"), fast.err());
        Cli.Run cued = Cli.naoyu("simulate", "--follow", "naoyu-task", "--cues", "ma3", "--seconds", "1");
        assertTrue(cued.err().startsWith("naoyu simulate: --follow takes its cues from the task stream"), cued.err());
        Cli.Run both = Cli.naoyu("simulate", "--out", dir.resolve("x.xdf").toString(), "--lsl");
        assertTrue(both.err().startsWith("naoyu simulate: --out with --lsl needs --seconds: how long to record\n"),
                both.err());
        String x = dir.resolve("x.xdf").toString();
        assertTrue(Cli.naoyu("simulate", "--out", x, "--rate", "100").err()
                .startsWith("naoyu simulate: --rate must be in [250, 10000], got 100\n"));
        assertTrue(Cli.naoyu("simulate", "--out", x, "--speed", "4").err()
                .startsWith("naoyu simulate: --speed paces live outlets; a file alone is written as fast as possible"));
        Path sentences = dir.resolve("s.tsv");
        java.nio.file.Files.writeString(sentences, "我想喝水\two3 xiang3 he1 shui3\n我要\two3 yao9\n");
        assertTrue(Cli.naoyu("simulate", "--out", x, "--task", "sentences", "--sentences", sentences.toString()).err()
                .startsWith("naoyu simulate: sentence '我要': 'yao9' is not a toned syllable of the inventory\n"));
        java.nio.file.Files.writeString(sentences, "我想喝水 wo3 xiang3 he1 shui3\n");
        assertTrue(Cli.naoyu("simulate", "--out", x, "--task", "sentences", "--sentences", sentences.toString()).err()
                .startsWith("naoyu simulate: " + sentences + ": line 1: expected the hanzi, a tab and the toned "
                        + "pinyin\n"));
        java.nio.file.Files.writeString(sentences, "我想喝水\two3 xiang3 he1 shui3\n");
        assertTrue(Cli.naoyu("simulate", "--out", x, "--sentences", sentences.toString()).err()
                .startsWith("naoyu simulate: --sentences applies to --task sentences, not syllables\n"));
        assertTrue(Cli.naoyu("simulate", "--out", x, "--task", "sentences", "--cues", "ba1").err()
                .startsWith("naoyu simulate: --cues applies to --task syllables, not sentences\n"));
        assertTrue(Cli.naoyu("simulate", "--out", x, "--channels", "8", "--bad", "1:flat,2:flat,3:flat,4:flat,5:flat,"
                + "6:flat,7:flat", "--random-bad", "2").err()
                .startsWith("naoyu simulate: --random-bad must be in [0, 1] for 8 channels, got 2\n"));
        assertTrue(Cli.naoyu("simulate", "--out", x, "--bad", "G001:flat,G001:noisy").err()
                .startsWith("naoyu simulate: each bad channel must be listed once, got [G001:flat, G001:noisy]\n"));
        assertTrue(Files.notExists(dir.resolve("x.xdf")), "no file is left behind by a refused command");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void sessionsGoOnThroughTheCalibrationPlan() throws Exception {
        org.naoyu.speller.calibration.CalibrationPlan plan = org.naoyu.speller.calibration.CalibrationPlan.of(
                org.naoyu.datasets.corpus.SyllableInventory.standard(), 1);
        Path first = dir.resolve("s1.xdf");
        Cli.Run run = Cli.naoyu("simulate", "--out", first.toString(), "--seconds", "20", "--channels", "16",
                "--rate", "1000", "--plan-from", "0");
        assertEquals(0, run.exitCode(), run.err());
        java.util.regex.Matcher said = java.util.regex.Pattern.compile("calibration plan: trials 0 to (\\d+) of 1771 "
                + "\\(parts 1/3 to parts 1/3\\); the next session goes on with --plan-from (\\d+)\n").matcher(run.out());
        assertTrue(said.find(), run.out());
        int next = Integer.parseInt(said.group(2));
        assertEquals(Integer.parseInt(said.group(1)) + 1, next);
        Cli.Run info = Cli.naoyu("info", first.toString());
        assertTrue(info.out().contains("x cue " + plan.trials().get(0)), "the first cue is the plan's: " + info.out());

        Path second = dir.resolve("s2.xdf");
        Cli.Run on = Cli.naoyu("simulate", "--out", second.toString(), "--seconds", "10", "--channels", "16",
                "--rate", "1000", "--seed", "2", "--plan-from", Integer.toString(next));
        assertEquals(0, on.exitCode(), on.err());
        assertTrue(on.out().contains("calibration plan: trials " + next + " to "), on.out());

        Cli.Run both = Cli.naoyu("simulate", "--out", dir.resolve("x.xdf").toString(), "--seconds", "5",
                "--plan-from", "0", "--cues", "ba1");
        assertTrue(both.err().startsWith("naoyu simulate: --plan-from chooses the cues itself"), both.err());
        Cli.Run beyond = Cli.naoyu("simulate", "--out", dir.resolve("y.xdf").toString(), "--seconds", "5",
                "--plan-from", "1771");
        assertTrue(beyond.err().startsWith("naoyu simulate: --plan-from must be in [0, 1770], got 1771"),
                beyond.err());
    }

    @Test
    void aTestSessionDrawsItsCuesFromTheWholeInventory() throws Exception {
        Path drawn = dir.resolve("d.xdf");
        Cli.Run run = Cli.naoyu("simulate", "--out", drawn.toString(), "--seconds", "10", "--channels", "16",
                "--rate", "1000", "--draw", "12", "--seed", "3");
        assertEquals(0, run.exitCode(), run.err());
        java.util.regex.Matcher cues = java.util.regex.Pattern.compile("; cues=([a-z0-9 ]+);")
                .matcher(Cli.naoyu("info", drawn.toString()).out());
        assertTrue(cues.find(), "the recording says what was cued");
        List<String> cued = List.of(cues.group(1).split(" "));
        assertEquals(12, cued.size());
        assertEquals(12, new java.util.HashSet<>(cued).size(), "each syllable at most once");
        org.naoyu.datasets.corpus.SyllableInventory inventory = org.naoyu.datasets.corpus.SyllableInventory.standard();
        assertTrue(cued.stream().allMatch(c -> inventory.get(c).isPresent()), cued.toString());
        // drawn from all 1,391, not the most frequent: most of a uniform draw lies beyond the first 200
        List<String> frequent = inventory.syllables().subList(0, 200).stream().map(x -> x.toned()).toList();
        assertTrue(cued.stream().filter(frequent::contains).count() < 6, cued.toString());

        Path other = dir.resolve("e.xdf");
        assertEquals(0, Cli.naoyu("simulate", "--out", other.toString(), "--seconds", "5", "--channels", "16",
                "--rate", "1000", "--draw", "12", "--seed", "4").exitCode());
        assertTrue(!Cli.naoyu("info", other.toString()).out().contains("; cues=" + cues.group(1) + ";"),
                "another seed draws another session");
        Cli.Run tooMany = Cli.naoyu("simulate", "--out", dir.resolve("f.xdf").toString(), "--seconds", "5",
                "--draw", "1392");
        assertTrue(tooMany.err().startsWith("naoyu simulate: --draw must be in [1, 1391], got 1392"), tooMany.err());
        Cli.Run both = Cli.naoyu("simulate", "--out", dir.resolve("g.xdf").toString(), "--seconds", "5",
                "--draw", "5", "--cues", "ba1");
        assertTrue(both.err().startsWith("naoyu simulate: --draw chooses the cues itself"), both.err());
    }
}
