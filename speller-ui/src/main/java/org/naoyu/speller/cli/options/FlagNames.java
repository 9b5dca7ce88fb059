package org.naoyu.speller.cli.options;

import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Errors from the libraries name their fields ({@code sampleRateHz must be in …}); on the command line the user typed
 * a flag ({@code --rate}). This runs a command and renames the field at the start of a refusal to its flag.
 */
public final class FlagNames {
    private FlagNames() {
    }

    /**
     * Runs {@code body}; an {@link IllegalArgumentException} whose message starts with a key of {@code flags} is
     * re-thrown with that key replaced by its flag.
     */
    public static Integer run(Map<String, String> flags, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            for (Map.Entry<String, String> flag : flags.entrySet()) {
                if (message.startsWith(flag.getKey())) {
                    throw new IllegalArgumentException(flag.getValue() + message.substring(flag.getKey().length()), e);
                }
            }
            throw e;
        }
    }
}
