package org.naoyu.speller.support;
import org.naoyu.speller.Naoyu;

/**
 * An error a command reports with its own exit code (for example 2, "stream not found"), with a message that says
 * what was wrong; {@link Naoyu} prints the message and exits with the code.
 */
public class CommandFailure extends RuntimeException {
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
