package org.naoyu.speller.cli.lsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.naoyu.speller.Cli;

/** The `naoyu lsl` commands as a user runs them, against each other on loopback. */
@Timeout(60)
class LslCommandTest {



    @Test
    void pushListInfoAndPullWithSignalCheck() throws Exception {
        String name = "cli-" + UUID.randomUUID().toString().substring(0, 8);
        CompletableFuture<Cli.Run> push = CompletableFuture.supplyAsync(() -> Cli.naoyu("lsl", "push", name,
                "--channels", "4", "--rate", "200", "--seconds", "9", "--format", "int32",
                "--source-id", "naoyu-test-" + name));
        Thread.sleep(800);

        Cli.Run list = Cli.naoyu("lsl", "list", "--json", "--timeout", "1.5");
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("{\"name\": \"" + name + "\", \"type\": \"EEG\", \"channels\": 4, "
                + "\"rateHz\": 200, \"format\": \"int32\", \"sourceId\": \"naoyu-test-" + name + "\""), list.out());

        Cli.Run table = Cli.naoyu("lsl", "list", "--timeout", "1");
        assertTrue(table.out().startsWith("NAME"), table.out());
        assertTrue(table.out().contains(name), table.out());

        Cli.Run info = Cli.naoyu("lsl", "info", name);
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().startsWith("<?xml version=\"1.0\"?>\n<info>\n\t<name>" + name + "</name>"), info.out());

        Cli.Run pull = Cli.naoyu("lsl", "pull", name, "--seconds", "2", "--verify-signal", "--json");
        assertEquals(0, pull.exitCode(), pull.err());
        assertTrue(pull.out().contains("\"signalMismatches\": 0"), pull.out());
        assertTrue(pull.out().contains("\"gaps\": 0"), pull.out());
        Matcher samples = Pattern.compile("\"samples\": (\\d+)").matcher(pull.out());
        assertTrue(samples.find(), pull.out());
        int count = Integer.parseInt(samples.group(1));
        assertTrue(count >= 360 && count <= 410, "about 2 s at 200 Hz: " + count);
        Matcher rate = Pattern.compile("\"effectiveRateHz\": ([0-9.]+)").matcher(pull.out());
        assertTrue(rate.find());
        assertEquals(200.0, Double.parseDouble(rate.group(1)), 0.5);

        Cli.Run pushed = push.get();
        assertEquals(0, pushed.exitCode(), pushed.err());
        assertTrue(pushed.out().startsWith("publishing '" + name + "': 4 ch int32 at 200.0 Hz for 9.0 s on 127.0.0.1:"),
                pushed.out());
        assertTrue(pushed.out().contains("pushed 1800 samples"), pushed.out());
    }

    @Test
    void aMissingStreamExitsWith2AndSaysWhereItLooked() {
        Cli.Run run = Cli.naoyu("lsl", "pull", "no-such-stream-" + UUID.randomUUID(), "--timeout", "0.6");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("answered within 0.6 s (scope machine, session 'default'); 'naoyu lsl list' "
                + "shows what is there"), run.err());
        assertEquals(2, Cli.naoyu("lsl", "info", "no-such-stream-" + UUID.randomUUID(), "--timeout", "0.6").exitCode());
    }

    @Test
    void badArgumentsNameTheOption() {
        Cli.Run format = Cli.naoyu("lsl", "push", "x", "--format", "float");
        assertEquals(1, format.exitCode());
        assertTrue(format.err().startsWith("naoyu lsl push: --format: channel_format must be one of float32, "
                + "double64, string, int32, int16, int8, int64, got 'float'"), format.err());
        Cli.Run rate = Cli.naoyu("lsl", "push", "x", "--rate", "-5");
        assertTrue(rate.err().startsWith("naoyu lsl push: --rate must be in [1, 100000] Hz, got -5.0"), rate.err());
        Cli.Run timeout = Cli.naoyu("lsl", "list", "--timeout", "0");
        assertTrue(timeout.err().startsWith("naoyu lsl list: --timeout must be in (0, 3600] seconds, got 0.0"),
                timeout.err());
        Cli.Run scope = Cli.naoyu("lsl", "list", "--scope", "planet");
        assertTrue(scope.err().startsWith("naoyu lsl list: ResolveScope must be one of machine, link, site, "
                + "organization, global, got 'planet'"), scope.err());
    }
}
