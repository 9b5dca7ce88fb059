package org.naoyu.speller.web;

import io.javalin.websocket.WsContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.naoyu.speller.session.Events;
import org.naoyu.speller.session.LatencyStats;
import org.naoyu.speller.session.event.SessionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pages connected over the WebSocket and what is sent to them. Session events are queued by the session thread
 * and written by a sender thread of their own, without blocking: a page with too many unsent messages has stopped
 * reading and is closed, never waited for, so a slow browser cannot hold up decoding.
 */
final class PageSockets {
    private static final Logger LOG = LoggerFactory.getLogger(SpellerServer.class);
    private static final int MAX_UNSENT = 64;

    private final Set<WsContext> sockets = ConcurrentHashMap.newKeySet();
    private final Set<WsContext> operators = ConcurrentHashMap.newKeySet();
    private final Map<WsContext, AtomicInteger> unsent = new ConcurrentHashMap<>();
    private final BlockingQueue<Outgoing> outbox = new LinkedBlockingQueue<>(10_000);
    private final Thread sender = new Thread(this::sendLoop, "naoyu-web-sender");
    private final LatencyStats latency;

    /** @param latency where the time from an attempt's block to its write on a page is recorded */
    PageSockets(LatencyStats latency) {
        this.latency = latency;
        sender.setDaemon(true);
    }

    void start() {
        sender.start();
    }

    void stop() {
        sender.interrupt();
    }

    void add(WsContext ctx) {
        sockets.add(ctx);
    }

    /** A page that sent the right token: it gets the operator's data too. */
    void addOperator(WsContext ctx) {
        operators.add(ctx);
    }

    void remove(WsContext ctx) {
        sockets.remove(ctx);
        operators.remove(ctx);
        unsent.remove(ctx);
    }

    boolean hasOperators() {
        return !operators.isEmpty();
    }

    void sendToOperators(String json) {
        for (WsContext ctx : operators) {
            send(ctx, json);
        }
    }

    /**
     * Session events: participant-facing ones to every page, the log only to operators. Called on the session
     * thread, so it only queues.
     *
     * @param receivedNanos when the block behind an attempt was received (0 for other events)
     */
    void broadcast(SessionEvent event, long receivedNanos) {
        boolean operatorOnly = event instanceof SessionEvent.Log;
        if (!outbox.offer(new Outgoing(Events.json(event), operatorOnly, receivedNanos))) {
            LOG.debug("web outbox full: an event for the pages was dropped");
        }
    }

    private record Outgoing(String json, boolean operatorOnly, long receivedNanos) {
    }

    private void sendLoop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Outgoing next = outbox.take();
                for (WsContext ctx : next.operatorOnly() ? operators : sockets) {
                    send(ctx, next.json(), next.receivedNanos());
                }
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    void send(WsContext ctx, String json) {
        send(ctx, json, 0);
    }

    /**
     * Writes without blocking; a page with too many unsent messages has stopped reading and is closed. For an
     * attempt ({@code receivedNanos} not 0), the time from its block's arrival to the write's completion on this page
     * is the budget's end-to-end figure.
     */
    private void send(WsContext ctx, String json, long receivedNanos) {
        AtomicInteger queued = unsent.computeIfAbsent(ctx, c -> new AtomicInteger());
        if (queued.get() > MAX_UNSENT || !ctx.session.isOpen()) {
            drop(ctx);
            return;
        }
        queued.incrementAndGet();
        try {
            ctx.session.getRemote().sendString(json, new WriteCallback() {
                @Override
                public void writeFailed(Throwable failed) {
                    queued.decrementAndGet();
                    drop(ctx);
                }

                @Override
                public void writeSuccess() {
                    queued.decrementAndGet();
                    if (receivedNanos != 0) {
                        latency.record(LatencyStats.Stage.TO_PAGES, System.nanoTime() - receivedNanos);
                    }
                }
            });
        } catch (RuntimeException e) {
            queued.decrementAndGet();
            drop(ctx);
        }
    }

    private void drop(WsContext ctx) {
        remove(ctx);
        try {
            ctx.closeSession(1008, "too slow or gone");
        } catch (RuntimeException ignored) {
            // already closed
        }
    }
}
