package org.naoyu.speller;

import picocli.CommandLine;

/** Lets tests in sub-packages build the command line exactly as {@code main} does. */
public final class NaoyuTestAccess {
    private NaoyuTestAccess() {
    }

    public static CommandLine commandLine() {
        return Naoyu.commandLine();
    }
}
