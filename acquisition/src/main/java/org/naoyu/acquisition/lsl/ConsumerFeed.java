package org.naoyu.acquisition.lsl;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inlet of an outlet (lsl-wire-protocol.md §8): its bounded {@link ConsumerQueue} and the connection its sender
 * thread writes to. Owns the queue and the socket; {@link FeedServer} creates it after the handshake and runs
 * {@link #sendUntilClosed} on the connection's thread.
 */
final class ConsumerFeed {
    // the outlet's logger, so that log lines and log settings stay those of the public class
    private static final Logger LOG = LoggerFactory.getLogger(StreamOutlet.class);

    private final String streamName;
    private final Socket socket;
    private final ConsumerQueue queue;
    private final BooleanSupplier outletClosed;

    ConsumerFeed(String streamName, Socket socket, ConsumerQueue queue, BooleanSupplier outletClosed) {
        this.streamName = streamName;
        this.socket = socket;
        this.queue = queue;
        this.outletClosed = outletClosed;
    }

    Socket socket() {
        return socket;
    }

    ConsumerQueue queue() {
        return queue;
    }

    /** Writes queued blocks as they come until the inlet goes away or the outlet closes. */
    void sendUntilClosed(OutputStream out) {
        ArrayDeque<ConsumerQueue.Block> batch = new ArrayDeque<>();
        try {
            while (!outletClosed.getAsBoolean() && queue.drainTo(batch, 1000)) {
                if (batch.isEmpty()) {
                    if (hungUp()) {
                        return;
                    }
                    continue;
                }
                for (ConsumerQueue.Block block = batch.pollFirst(); block != null; block = batch.pollFirst()) {
                    out.write(block.bytes());
                }
                out.flush();
            }
        } catch (IOException e) {
            LOG.debug("outlet '{}': inlet at {} went away: {}", streamName, socket.getRemoteSocketAddress(),
                    e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Whether the inlet closed its end: checked when nothing was sent for a second, so that an idle outlet still
     * knows its consumers (a write would find out only at the next push).
     */
    private boolean hungUp() throws IOException {
        socket.setSoTimeout(1);
        try {
            return socket.getInputStream().read() < 0; // inlets send nothing after their request
        } catch (SocketTimeoutException alive) {
            return false;
        } finally {
            socket.setSoTimeout(0);
        }
    }

    void close() {
        queue.close();
        Sockets.closeQuietly(socket);
    }
}
