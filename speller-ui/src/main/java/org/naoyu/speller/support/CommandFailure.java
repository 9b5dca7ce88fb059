package org.naoyu.speller.support;

import org.naoyu.speller.Naoyu;

/**
 * An error a command reports with its own exit code (for example 2, "stream not found"), with a message that says
 * what was wrong; {@code org.naoyu.speller.Naoyu} prints the message and exits with the code.
 */
public class CommandFailure extends RuntimeException {
    /** An error while running: the message names what was wrong. */
    public static final int EXIT_ERROR = 1;
    /** A stream or file the command was asked for was not found. */
    public static final int EXIT_NOT_FOUND = 2;
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public CommandFailure(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
