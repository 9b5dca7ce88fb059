package org.naoyu.acquisition.lsl;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a live list of the streams that match a query, as they appear and disappear: a discovery wave every
 * {@code MulticastMinRTT} + 0.5 s (liblsl's continuous resolver pace), and a stream that has not answered for
 * {@code forgetAfter} is dropped.
 *
 * <pre>{@code
 * try (ContinuousResolver streams = new ContinuousResolver(config, "type='EEG'", Duration.ofSeconds(5))) {
 *     streams.addListener(new ContinuousResolver.Listener() { … });
 *     List<ResolvedStream> now = streams.results();
 * }
 * }</pre>
 */
public final class ContinuousResolver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContinuousResolver.class);

    /** Told on the resolver's thread when a stream appears or is forgotten. */
    public interface Listener {
        void appeared(ResolvedStream stream);

        void disappeared(ResolvedStream stream);
    }

    private record Seen(ResolvedStream stream, long atNanos) {
    }

    private final StreamResolver resolver;
    private final String query;
    private final long forgetAfterNanos;
    private final long waveNanos;
    private final Map<String, Seen> seen = new LinkedHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;

    /**
     * @param predicate   an XPath predicate within the session, empty for every stream
     * @param forgetAfter how long a silent stream stays listed; liblsl's default is 5 s
     */
    public ContinuousResolver(LslConfig config, String predicate, Duration forgetAfter) throws IOException {
        if (forgetAfter.compareTo(Duration.ofMillis(500)) < 0) {
            throw new IllegalArgumentException("forgetAfter must be at least 500 ms, got " + forgetAfter.toMillis()
                    + " ms");
        }
        this.resolver = new StreamResolver(config);
        this.query = StreamResolver.sessionQuery(config.sessionId(), predicate);
        this.forgetAfterNanos = forgetAfter.toNanos();
        this.waveNanos = (long) ((config.tuning().multicastMinRttSec() + 0.5) * 1e9);
        this.thread = new Thread(this::run, "lsl-continuous-resolver");
        thread.setDaemon(true);
        thread.start();
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** The streams seen within {@code forgetAfter}, in the order they appeared. */
    public List<ResolvedStream> results() {
        synchronized (seen) {
            List<ResolvedStream> result = new ArrayList<>(seen.size());
            for (Seen s : seen.values()) {
                result.add(s.stream());
            }
            return List.copyOf(result);
        }
    }

    private void run() {
        long nextWave = System.nanoTime();
        while (!closed) {
            try {
                long now = System.nanoTime();
                if (now - nextWave >= 0) {
                    resolver.sendWave(query);
                    nextWave = now + waveNanos;
                    forgetSilent(now);
                }
                ResolvedStream stream = resolver.receiveOne(50);
                if (stream != null) {
                    record(stream);
                }
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("continuous resolution stopped: {}", e.getMessage());
                }
                return;
            }
        }
    }

    private void record(ResolvedStream stream) {
        Seen previous;
        synchronized (seen) {
            previous = seen.put(stream.info().uid(), new Seen(stream, System.nanoTime()));
        }
        if (previous == null) {
            for (Listener listener : listeners) {
                notify(() -> listener.appeared(stream));
            }
        }
    }

    private void forgetSilent(long now) {
        List<ResolvedStream> gone = new ArrayList<>();
        synchronized (seen) {
            for (Iterator<Seen> it = seen.values().iterator(); it.hasNext(); ) {
                Seen s = it.next();
                if (now - s.atNanos() > forgetAfterNanos) {
                    it.remove();
                    gone.add(s.stream());
                }
            }
        }
        for (ResolvedStream stream : gone) {
            for (Listener listener : listeners) {
                notify(() -> listener.disappeared(stream));
            }
        }
    }

    /** A listener that throws is logged; resolution goes on for everyone else. */
    private static void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("a stream listener failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        closed = true;
        resolver.close();
        thread.interrupt();
    }
}
