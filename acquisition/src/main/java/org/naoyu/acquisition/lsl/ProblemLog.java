package org.naoyu.acquisition.lsl;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One outlet's warnings about its peers. Bad input is logged once per kind, so a noisy peer cannot flood the log;
 * the TCP and UDP sides share one instance, so each kind is logged once per outlet, not once per socket.
 */
final class ProblemLog {
    // the outlet's logger, so that log lines and log settings stay those of the public class
    private static final Logger LOG = LoggerFactory.getLogger(StreamOutlet.class);

    private final String streamName;
    private final Set<String> loggedKinds = ConcurrentHashMap.newKeySet();

    ProblemLog(String streamName) {
        this.streamName = streamName;
    }

    /** Logs a warning the first time a problem of this kind happens; {@code format}'s first {} is the stream name. */
    void logOnce(String kind, String format, Object... arguments) {
        if (loggedKinds.add(kind)) {
            Object[] withName = new Object[arguments.length + 1];
            withName[0] = streamName;
            System.arraycopy(arguments, 0, withName, 1, arguments.length);
            LOG.warn(format, withName);
        }
    }
}
