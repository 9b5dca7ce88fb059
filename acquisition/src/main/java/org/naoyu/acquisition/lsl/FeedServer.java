package org.naoyu.acquisition.lsl;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.StreamInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An outlet's TCP data server (lsl-wire-protocol.md §6–§8): accepts connections, answers {@code LSL:fullinfo} and
 * {@code LSL:shortinfo}, and turns an {@code LSL:streamfeed/110} request into a {@link ConsumerFeed} after the
 * response and the two test patterns. Owns the server socket, the connection threads, the request deadlines and the
 * set of feeds that pushed blocks go to. The limits it enforces are {@link StreamOutlet}'s constants.
 */
final class FeedServer {
    // the outlet's logger, so that log lines and log settings stay those of the public class
    private static final Logger LOG = LoggerFactory.getLogger(StreamOutlet.class);
    private static final String OK_VERSION = "LSL/110";

    private final StreamInfo info;
    private final ServerSocket server;
    private final String fullInfoXml;
    private final String shortInfoXml;
    private final QueryMatcher matcher;
    private final ProblemLog problems;
    private final Set<ConsumerFeed> feeds = ConcurrentHashMap.newKeySet();
    private final Set<Socket> openConnections = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor connections;
    private final ScheduledExecutorService requestDeadlines;
    private final Thread acceptor;
    private final Object consumersChanged = new Object();
    private volatile boolean closed;

    FeedServer(StreamInfo info, ServerSocket server, String fullInfoXml, String shortInfoXml, QueryMatcher matcher,
            ProblemLog problems) {
        this.info = info;
        this.server = server;
        this.fullInfoXml = fullInfoXml;
        this.shortInfoXml = shortInfoXml;
        this.matcher = matcher;
        this.problems = problems;
        this.connections = new ThreadPoolExecutor(0, StreamOutlet.MAX_CONNECTIONS, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                runnable -> Threads.daemon(runnable, "lsl-outlet-" + info.name() + "-connection"));
        this.requestDeadlines = Executors.newSingleThreadScheduledExecutor(
                runnable -> Threads.daemon(runnable, "lsl-outlet-" + info.name() + "-deadlines"));
        this.acceptor = Threads.daemon(this::acceptLoop, "lsl-outlet-" + info.name() + "-accept");
    }

    void start() {
        acceptor.start();
    }

    int consumerCount() {
        return feeds.size();
    }

    boolean hasConsumers() {
        return !feeds.isEmpty();
    }

    /** Waits until at least one inlet is receiving; false at the timeout. */
    boolean awaitConsumers(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (consumersChanged) {
            while (feeds.isEmpty()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(consumersChanged, remaining);
            }
            return true;
        }
    }

    /** Queues one encoded block for every inlet; the same bytes go to all of them. */
    void offer(ConsumerQueue.Block block) {
        for (ConsumerFeed feed : feeds) {
            feed.queue().offer(block);
            if (feed.queue().stalledNanos() > StreamOutlet.STALLED_INLET_NANOS) {
                // its sender has been stuck in one write for that long: the inlet does not read at all
                problems.logOnce("stalled", "outlet '{}' dropped an inlet at {} that read nothing for {} s",
                        feed.socket().getRemoteSocketAddress(), StreamOutlet.STALLED_INLET_NANOS / 1_000_000_000L);
                feeds.remove(feed);
                feed.close();
            }
        }
    }

    /** Closes the server socket, every inlet's connection and every thread of the server. */
    void close() {
        closed = true;
        Sockets.closeQuietly(server);
        for (ConsumerFeed feed : feeds) {
            feed.close();
        }
        openConnections.forEach(Sockets::closeQuietly);
        connections.shutdownNow();
        requestDeadlines.shutdownNow();
        acceptor.interrupt();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    problems.logOnce("accept", "outlet '{}' stopped accepting connections: {}", e.getMessage());
                }
                return;
            }
            try {
                connections.execute(() -> serve(socket));
            } catch (RejectedExecutionException busy) {
                problems.logOnce("busy", "outlet '{}' refused a connection from {}: already serving "
                        + StreamOutlet.MAX_CONNECTIONS, socket.getRemoteSocketAddress());
                Sockets.closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) {
        openConnections.add(socket);
        if (closed) { // close() may have run between accept and here
            openConnections.remove(socket);
            Sockets.closeQuietly(socket);
            return;
        }
        // a client trickling its request byte by byte is cut off at the deadline, whatever each read takes
        ScheduledFuture<?> deadline = requestDeadlines.schedule(() -> Sockets.closeQuietly(socket),
                StreamOutlet.REQUEST_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        try (socket) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(StreamOutlet.REQUEST_TIMEOUT_MS);
            WireReader reader = new WireReader(socket.getInputStream(), 2 * StreamOutlet.MAX_LINE_BYTES);
            String method = reader.readLine(StreamOutlet.MAX_LINE_BYTES).strip();
            OutputStream out = socket.getOutputStream();
            if (method.equals("LSL:fullinfo")) {
                out.write(fullInfoXml.getBytes(StandardCharsets.UTF_8));
            } else if (method.equals("LSL:shortinfo")) {
                if (matcher.matches(reader.readLine(StreamOutlet.MAX_LINE_BYTES).strip())) {
                    out.write(shortInfoXml.getBytes(StandardCharsets.UTF_8));
                }
            } else if (method.startsWith(FeedRequest.PREFIX)) {
                serveFeed(socket, reader, method, deadline);
            } else if (method.equals("LSL:streamfeed")) {
                problems.logOnce("protocol100", "outlet '{}' refused a protocol-100 feed request from {}: naoyu "
                        + "serves protocol 110 only", socket.getRemoteSocketAddress());
            } else {
                problems.logOnce("unknown-" + socket.getInetAddress(), "outlet '{}' got an unknown request from {} "
                        + "and closed the connection: '{}'", socket.getRemoteSocketAddress(), abbreviate(method));
            }
        } catch (SocketTimeoutException e) {
            problems.logOnce("timeout", "outlet '{}' dropped a client that did not finish its request in {} ms",
                    StreamOutlet.REQUEST_TIMEOUT_MS);
        } catch (SocketException e) {
            if (!closed && deadline.isDone() && !deadline.isCancelled()) {
                problems.logOnce("timeout", "outlet '{}' dropped a client that did not finish its request in {} ms",
                        StreamOutlet.REQUEST_TIMEOUT_MS);
            }
        } catch (IOException | IllegalArgumentException e) {
            if (!closed) {
                problems.logOnce("request-" + e.getClass().getSimpleName(), "outlet '{}' dropped a client: {}",
                        e.getMessage());
            }
        } finally {
            deadline.cancel(false);
            openConnections.remove(socket);
        }
    }

    private void serveFeed(Socket socket, WireReader reader, String requestLine, ScheduledFuture<?> deadline)
            throws IOException {
        List<String> headers = new ArrayList<>();
        for (String line = reader.readLine(StreamOutlet.MAX_LINE_BYTES); !line.isEmpty();
                line = reader.readLine(StreamOutlet.MAX_LINE_BYTES)) {
            if (headers.size() == FeedRequest.MAX_HEADER_LINES) {
                throw new IOException("more than " + FeedRequest.MAX_HEADER_LINES + " header lines in a feed request");
            }
            headers.add(line);
        }
        FeedRequest request = FeedRequest.parse(requestLine, headers, info.format().bytesPerValue());
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
        String refusal = refusal(request);
        if (refusal != null) {
            out.write(refusal.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return;
        }
        boolean suppressSubnormals = !request.supportsSubnormals()
                && (info.format() == ChannelFormat.FLOAT32 || info.format() == ChannelFormat.DOUBLE64);
        String response = OK_VERSION + " 200 OK\r\n"
                + "UID: " + info.uid() + "\r\n"
                + "Byte-Order: 1234\r\n"
                + "Suppress-Subnormals: " + (suppressSubnormals ? 1 : 0) + "\r\n"
                + "Data-Protocol-Version: 110\r\n"
                + "\r\n";
        out.write(response.getBytes(StandardCharsets.US_ASCII));
        out.write(SampleEncoder.encode(TestPattern.sample(info.format(), info.channelCount(),
                TestPattern.FIRST_OFFSET), false));
        out.write(SampleEncoder.encode(TestPattern.sample(info.format(), info.channelCount(),
                TestPattern.SECOND_OFFSET), false));
        out.flush();
        if (!deadline.cancel(false)) {
            return; // the deadline closed the socket first
        }
        socket.setSoTimeout(0);
        if (request.maxBufferLength() == 0) {
            // liblsl sends nothing to an inlet that asked for no buffer; hold the connection until it goes
            awaitClose(socket);
            return;
        }
        ConsumerFeed feed = new ConsumerFeed(info.name(), socket,
                new ConsumerQueue(Math.min(request.maxBufferLength(), maxQueuedSamples())), () -> closed);
        feeds.add(feed);
        signalConsumersChanged();
        LOG.debug("outlet '{}' streaming to {}", info.name(), socket.getRemoteSocketAddress());
        try {
            feed.sendUntilClosed(out);
        } finally {
            feeds.remove(feed);
            feed.close();
            signalConsumersChanged();
            LOG.debug("outlet '{}' stopped streaming to {} ({} samples dropped for it)", info.name(),
                    socket.getRemoteSocketAddress(), feed.queue().droppedSamples());
        }
    }

    /**
     * The most samples queued for one inlet, whatever it asks for: liblsl's outlet default of 360 s, and never more
     * than {@link ConsumerQueue#MAX_QUEUED_BYTES} of samples, so a client that never reads cannot exhaust memory.
     */
    private long maxQueuedSamples() {
        double rate = info.isIrregular() ? 100 : info.nominalRateHz();
        long bytesPerSample = 9L + (long) info.channelCount() * Math.max(1, info.format().bytesPerValue());
        return Math.max(1, Math.min((long) Math.ceil(StreamOutlet.MAX_BUFFERED_SECONDS * rate),
                ConsumerQueue.MAX_QUEUED_BYTES / bytesPerSample));
    }

    /** The status line to refuse a request with (§6.3, steps 1–3), or null to serve it. */
    private String refusal(FeedRequest request) {
        if (request.requestedVersion() / 100 > 1) {
            return OK_VERSION + " 505 Version not supported";
        }
        if (!request.uid().isEmpty() && !request.uid().equals(info.uid())) {
            return OK_VERSION + " 404 Not found";
        }
        boolean wouldDowngrade = request.requestedVersion() < 110 || !request.ieee754Floats()
                || info.format().isNumeric() && request.valueSize() != info.format().bytesPerValue();
        if (wouldDowngrade) {
            // liblsl would fall back to protocol 100 here; naoyu serves 110 only and says so
            problems.logOnce("downgrade", "outlet '{}' refused an inlet that needs LSL protocol 100 (version {}, "
                    + "value size {}, IEEE floats {})", request.requestedVersion(), request.valueSize(),
                    request.ieee754Floats());
            return OK_VERSION + " 505 Version not supported";
        }
        return null;
    }

    private static void awaitClose(Socket socket) {
        try {
            while (socket.getInputStream().read() >= 0) {
                // inlets send nothing after the request; discard anything until they hang up
            }
        } catch (IOException e) {
            // closed
        }
    }

    private void signalConsumersChanged() {
        synchronized (consumersChanged) {
            consumersChanged.notifyAll();
        }
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "…";
    }
}
