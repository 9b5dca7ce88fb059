package org.naoyu.speller;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the naoyu command line in-process as {@code main} would, and finds the shared reference files. */
public final class Cli {
    /** What one run printed and returned. */
    public record Run(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    /** Runs a command line on a fresh {@link Naoyu#commandLine()}. */
    public static Run naoyu(String... args) {
        return run(Naoyu.commandLine(), args);
    }

    /** Runs a command line on a given (possibly extended) command. */
    public static Run run(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A file of ../shared/data, found by walking up from the working directory. */
    public static String shared(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve("shared/data").resolve(relative);
            if (Files.isRegularFile(file)) {
                return file.toString();
            }
        }
        throw new AssertionError("shared/data/" + relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
