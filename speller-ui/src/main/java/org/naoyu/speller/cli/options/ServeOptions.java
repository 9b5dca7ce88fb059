package org.naoyu.speller.cli.options;

import org.naoyu.speller.launch.SessionLauncher;
import picocli.CommandLine.Option;

/** How {@code naoyu run} and {@code naoyu demo} show the session and how long it runs. */
public final class ServeOptions {
    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "Port of the web speller (default ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address of the web speller (default 127.0.0.1). Another address exposes brain data "
                    + "to that network: only for a clinical network you trust.")
    String bind;

    @Option(names = "--headless", description = "No web UI: print decoded sentences to stdout.")
    boolean headless;

    @Option(names = "--seconds", paramLabel = "S",
            description = "Stop after S seconds (default: until Ctrl-C).")
    Double seconds;

    /** What was chosen. */
    public SessionLauncher.Serving serving() {
        return new SessionLauncher.Serving(port, bind, headless, seconds);
    }
}
