package org.naoyu.speller.cli.options;

import java.time.Duration;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.ResolveScope;
import picocli.CommandLine.Option;

/** Options every {@code naoyu lsl} command shares: how far to look, and for how long. */
public final class LslOptions {
    @Option(names = "--scope", paramLabel = "SCOPE",
            description = "Discovery scope: machine (default: this computer only), link, site, organization, global. "
                    + "Wider scopes send queries to the network; use them only in a lab.")
    String scope;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "2",
            description = "How long to look for streams (default: ${DEFAULT-VALUE} s).")
    public double timeoutSeconds;

    public LslConfig config() {
        LslConfig config = LslConfig.load();
        return scope == null ? config : config.withScope(ResolveScope.fromConfigName(scope));
    }

    public Duration timeout() {
        if (!(timeoutSeconds > 0 && timeoutSeconds <= 3600)) {
            throw new IllegalArgumentException("--timeout must be in (0, 3600] seconds, got " + timeoutSeconds);
        }
        return Duration.ofMillis((long) (timeoutSeconds * 1000));
    }
}
