package org.naoyu.acquisition.lsl;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.naoyu.acquisition.StreamInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finding an inlet's stream again (lsl-wire-protocol.md §10): liblsl's recovery query by source id after the
 * connection broke, and the discovery check that tells a silent irregular stream from a vanished one. Owns the
 * resolving and the rules for which answer to take; {@link InletConnection} decides when to ask.
 */
final class InletRecovery {
    // the inlet's logger, so that log lines and log settings stay those of the public class
    private static final Logger LOG = LoggerFactory.getLogger(StreamInlet.class);
    private static final long RECONNECT_PAUSE_MS = 500;

    private final LslConfig config;
    private final StreamInfo info;

    InletRecovery(LslConfig config, StreamInfo info) {
        this.config = config;
        this.info = info;
    }

    /**
     * Resolves until the stream answers again: the outlet it was connected to (perhaps on new ports), or the one
     * stream that now has its source id; while several match, it waits until one remains.
     *
     * @param lost    the stream as it was before the break
     * @param stopped whether to give up (the inlet was closed)
     * @return the stream to reconnect to, or null when stopped first
     */
    ResolvedStream findAgain(ResolvedStream lost, BooleanSupplier stopped) {
        boolean first = true;
        while (!stopped.getAsBoolean()) {
            Threads.sleep(RECONNECT_PAUSE_MS);
            try (StreamResolver resolver = new StreamResolver(config)) {
                List<ResolvedStream> found = resolver.query(query(), Integer.MAX_VALUE,
                        Duration.ofMillis(first ? 1000 : 5000));
                first = false;
                ResolvedStream same = found.stream()
                        .filter(s -> s.info().uid().equals(lost.info().uid())).findFirst().orElse(null);
                if (same != null) {
                    return same; // the same outlet, perhaps on new ports
                }
                if (found.size() == 1) {
                    LOG.info("stream '{}' reappeared as {}", info.name(), found.get(0));
                    return found.get(0);
                }
                if (found.size() > 1) {
                    LOG.warn("stream '{}': {} streams match its source id '{}'; waiting until one remains",
                            info.name(), found.size(), info.sourceId());
                }
            } catch (IOException e) {
                LOG.debug("recovery resolve for '{}' failed: {}", info.name(), e.getMessage());
            }
        }
        return null;
    }

    /** liblsl's recovery query: same count, name, type, source id and format; no uid and no session (§4.3). */
    String query() {
        List<String> terms = new ArrayList<>();
        terms.add("channel_count='" + info.channelCount() + "'");
        if (!info.name().isEmpty()) {
            terms.add("name=" + StreamResolver.xpathLiteral(info.name()));
        }
        if (!info.type().isEmpty()) {
            terms.add("type=" + StreamResolver.xpathLiteral(info.type()));
        }
        if (!info.sourceId().isEmpty()) {
            terms.add("source_id=" + StreamResolver.xpathLiteral(info.sourceId()));
        }
        terms.add("channel_format='" + info.format().wireName() + "'");
        return String.join(" and ", terms);
    }

    /** Whether the outlet with {@code stream}'s uid still answers discovery. */
    boolean stillAnswers(ResolvedStream stream) {
        try (StreamResolver resolver = new StreamResolver(config)) {
            String uid = stream.info().uid();
            return resolver.query("uid=" + StreamResolver.xpathLiteral(uid), 1, Duration.ofSeconds(2)).stream()
                    .anyMatch(s -> s.info().uid().equals(uid));
        } catch (IOException e) {
            return false;
        }
    }
}
