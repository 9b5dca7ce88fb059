package org.naoyu.speller.cli.options;

import java.io.PrintWriter;
import org.naoyu.speller.support.JsonText;
import picocli.CommandLine.Option;

/** {@code --json}: the command prints its result as JSON (through {@link JsonText}) instead of text. */
public final class JsonOption {
    @Option(names = "--json", description = "Print the result as JSON instead of text.")
    boolean json;

    public boolean requested() {
        return json;
    }

    /** Prints {@code value} as one JSON document on one line. */
    public void print(PrintWriter out, Object value) {
        out.println(JsonText.document(value));
    }

    /** Prints {@code value} as one JSON Lines record (for commands that print a row per line). */
    public void printLine(PrintWriter out, Object value) {
        out.println(JsonText.line(value));
    }
}
