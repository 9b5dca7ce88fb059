package org.naoyu.speller;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Sets how much naoyu says on stderr: warnings by default, everything of ours with {@code --verbose}. */
final class Logging {
    static final String OUR_LOGGERS = "org.naoyu";

    private Logging() {
    }

    static void configure(boolean verbose) {
        // Third-party libraries stay at INFO even when verbose: their DEBUG output would drown ours.
        root().setLevel(verbose ? Level.INFO : Level.WARN);
        ours().setLevel(verbose ? Level.DEBUG : null);
    }

    static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    static Logger ours() {
        return (Logger) LoggerFactory.getLogger(OUR_LOGGERS);
    }
}
