package org.naoyu.speller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.naoyu.speller.support.VersionInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class NaoyuCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void quietAgain() {
        Logging.configure(false);
    }

    private int run(CommandLine commandLine, String... args) {
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private int run(String... args) {
        return run(Naoyu.commandLine(), args);
    }

    @Test
    void versionNamesTheBuildAndItsCommit() {
        assertEquals(0, run("--version"));
        String[] lines = out.toString().split("\\R");
        assertEquals(3, lines.length, out.toString());
        assertTrue(lines[0].matches("naoyu \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), lines[0]);
        assertTrue(lines[1].matches("commit [0-9a-f]{7,40}( with uncommitted changes)?, \\d{4}-\\d\\d-\\d\\dT.*"),
                "the build comes from a git checkout, so the commit is known: " + lines[1]);
        assertTrue(lines[2].startsWith("Java " + System.getProperty("java.version")), lines[2]);
        assertEquals("", err.toString());
    }

    @Test
    void helpListsTheOptionsAndCommands() {
        assertEquals(0, run("--help"));
        String help = out.toString();
        assertTrue(help.contains("Usage: naoyu [-hvV] [COMMAND]"), help);
        assertTrue(help.contains("-v, --verbose"), help);
        assertTrue(help.contains("-V, --version"), help);
        assertTrue(help.contains("Commands:"), help);
        assertTrue(help.contains("help "), help);
    }

    @Test
    void withoutACommandItShowsTheUsage() {
        assertEquals(0, run());
        assertTrue(out.toString().startsWith("naoyu (脑语) — streaming ECoG/EEG to Chinese text"), out.toString());
        assertTrue(out.toString().contains("Usage: naoyu"), out.toString());
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitCode2() {
        assertEquals(2, run("--bogus"));
        assertTrue(err.toString().startsWith("Unknown option: '--bogus'"), err.toString());
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithExitCode2() {
        assertEquals(2, run("fly"));
        assertTrue(err.toString().startsWith("Unmatched argument at index 0: 'fly'"), err.toString());
    }

    @Test
    void quietByDefault() {
        assertEquals(0, run("--version"));
        assertEquals(Level.WARN, Logging.root().getLevel());
        assertNull(Logging.ours().getLevel(), "org.naoyu inherits WARN from the root");
        assertFalse(Logging.ours().isDebugEnabled());
    }

    @Test
    void verboseTurnsOnOurDebugMessagesOnly() {
        assertEquals(0, run("--verbose", "--version"));
        assertEquals(Level.DEBUG, Logging.ours().getLevel());
        assertTrue(Logging.ours().isDebugEnabled());
        assertEquals(Level.INFO, Logging.root().getLevel(), "third-party libraries stay at INFO");
    }

    @Test
    void verboseIsAcceptedAfterASubcommandToo() {
        CommandLine commandLine = Naoyu.commandLine();
        commandLine.addSubcommand("ok", new Succeeding());
        assertEquals(0, run(commandLine, "ok", "-v"));
        assertEquals(Level.DEBUG, Logging.ours().getLevel());
    }

    @Test
    void anErrorInACommandIsOneLineNamingTheCommandAndExitCode1() {
        CommandLine commandLine = Naoyu.commandLine();
        commandLine.addSubcommand("fail", new Failing());
        assertEquals(1, run(commandLine, "fail"));
        assertEquals("naoyu fail: channelCount must be in [1, 65536], got 0\n"
                + "(run again with --verbose for details)\n", err.toString().replace("\r\n", "\n"));
    }

    @Test
    void aVerboseErrorShowsTheStackTrace() {
        CommandLine commandLine = Naoyu.commandLine();
        commandLine.addSubcommand("fail", new Failing());
        assertEquals(1, run(commandLine, "--verbose", "fail"));
        assertTrue(err.toString().startsWith("naoyu fail: channelCount must be in [1, 65536], got 0"), err.toString());
        assertTrue(err.toString().contains("at org.naoyu.speller.NaoyuCommandTest$Failing.call"), err.toString());
    }

    @Test
    void versionInfoReadsUnfilledPlaceholdersAsUnknown() {
        VersionInfo unknown = new VersionInfo("0.1.0", "unknown", "unknown", false);
        assertEquals("commit unknown (built outside a git checkout)", unknown.lines()[1]);
        VersionInfo dirty = new VersionInfo("0.1.0", "abc1234", "2026-11-28T10:00:00Z", true);
        assertEquals("commit abc1234 with uncommitted changes, 2026-11-28T10:00:00Z", dirty.lines()[1]);
    }

    @Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalArgumentException("channelCount must be in [1, 65536], got 0");
        }
    }

    @Command(name = "ok")
    static final class Succeeding implements Callable<Integer> {
        @Override
        public Integer call() {
            return 0;
        }
    }
}
