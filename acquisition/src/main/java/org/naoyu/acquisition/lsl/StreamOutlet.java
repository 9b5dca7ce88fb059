package org.naoyu.acquisition.lsl;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.LocalClock;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.StreamInfoXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An LSL outlet: makes a stream discoverable and serves its samples to any number of inlets, liblsl's or ours
 * (lsl-wire-protocol.md §4–§8).
 *
 * <p>Sockets: a UDP responder on the discovery port (shared with other outlets through SO_REUSEADDR), a UDP service
 * socket (discovery and {@code LSL:timedata}) and a TCP data server, both in the data port range. In the default
 * {@code machine} scope all three bind to 127.0.0.1. Each inlet gets its own bounded queue and sender thread; pushing
 * never waits for an inlet, and a slow or dead one loses only its own oldest samples.
 *
 * <pre>{@code
 * try (StreamOutlet outlet = StreamOutlet.open(info)) {
 *     outlet.push(chunk);
 * }
 * }</pre>
 */
public final class StreamOutlet implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamOutlet.class);
    /** How long a client may take to send its whole request before it is dropped (in total, not per read). */
    static final int REQUEST_TIMEOUT_MS = 5_000;
    static final int MAX_LINE_BYTES = 4096;
    static final int MAX_CONNECTIONS = 128;
    static final int MAX_DATAGRAM_BYTES = 65_535;
    /** An inlet that takes no data for this long is disconnected, freeing its thread and connection slot. */
    static final long STALLED_INLET_NANOS = 30_000_000_000L;
    /** liblsl's default {@code max_buffered} of an outlet. */
    static final double MAX_BUFFERED_SECONDS = 360;
    private static final String OK_VERSION = "LSL/110";

    private final StreamInfo info;
    private final LslConfig config;
    private final ServerSocket server;
    private final DatagramSocket service;
    private final DatagramSocket responder;
    private final String fullInfoXml;
    private final String shortInfoXml;
    private final QueryMatcher matcher;
    private final Set<Feed> feeds = ConcurrentHashMap.newKeySet();
    private final Set<Socket> openConnections = ConcurrentHashMap.newKeySet();
    private final Set<String> loggedProblems = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor connections;
    private final ScheduledExecutorService requestDeadlines;
    private final List<Thread> threads = new ArrayList<>();
    private final Object consumersChanged = new Object();
    private volatile boolean closed;

    private StreamOutlet(StreamInfo info, LslConfig config) throws IOException {
        this.config = config;
        // like liblsl, every outlet instance is new: its own uid and creation time, the session of the settings
        this.info = info.toBuilder().uid(UUID.randomUUID().toString()).createdAt(LocalClock.now())
                .sessionId(config.sessionId()).build();
        ServerSocket tcp = null;
        DatagramSocket udp = null;
        try {
            tcp = Sockets.bindTcp(config);
            udp = Sockets.bindUdp(config);
        } catch (IOException e) {
            closeQuietly(tcp);
            closeQuietly(udp);
            throw e;
        }
        this.server = tcp;
        this.service = udp;
        this.responder = bindResponder(config);
        StreamInfoXml.Endpoint endpoint = new StreamInfoXml.Endpoint("", server.getLocalPort(), service.getLocalPort());
        this.fullInfoXml = StreamInfoXml.toXml(this.info, endpoint, true);
        this.shortInfoXml = StreamInfoXml.toXml(this.info, endpoint, false);
        this.matcher = new QueryMatcher(fullInfoXml);
        this.connections = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                runnable -> daemon(runnable, "lsl-outlet-" + this.info.name() + "-connection"));
        this.requestDeadlines = Executors.newSingleThreadScheduledExecutor(
                runnable -> daemon(runnable, "lsl-outlet-" + this.info.name() + "-deadlines"));
        start(this::acceptLoop, "accept");
        start(() -> udpLoop(service, true), "service");
        if (responder != null) {
            start(() -> udpLoop(responder, false), "responder");
        }
        LOG.debug("outlet '{}' serving on tcp {} and udp {} (responder {}), scope {}", this.info.name(),
                server.getLocalSocketAddress(), service.getLocalSocketAddress(),
                responder == null ? "none" : responder.getLocalSocketAddress(), config.scope().configName());
    }

    /** Opens an outlet with the settings of {@code lsl_api.cfg} (machine scope unless the file opts in). */
    public static StreamOutlet open(StreamInfo info) throws IOException {
        return open(info, LslConfig.load());
    }

    /**
     * Opens an outlet and starts serving at once.
     *
     * @throws IOException when no port of the data range is free and random ports are not allowed
     */
    public static StreamOutlet open(StreamInfo info, LslConfig config) throws IOException {
        if (info == null || config == null) {
            throw new IllegalArgumentException("info and config must not be null");
        }
        return new StreamOutlet(info, config);
    }

    /** The stream as served: this outlet's own uid and creation time, and the session id of the settings. */
    public StreamInfo info() {
        return info;
    }

    /** The full info document as {@code LSL:fullinfo} serves it. */
    public String fullInfoXml() {
        return fullInfoXml;
    }

    public int dataPort() {
        return server.getLocalPort();
    }

    /** Where the TCP data server listens: 127.0.0.1 in the machine scope. */
    public InetSocketAddress dataAddress() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** Where the UDP service socket listens. */
    public InetSocketAddress serviceAddress() {
        return (InetSocketAddress) service.getLocalSocketAddress();
    }

    public int servicePort() {
        return service.getLocalPort();
    }

    /** How many inlets are receiving samples now. */
    public int consumerCount() {
        return feeds.size();
    }

    /** Whether any inlet is receiving; pushing with none costs almost nothing. */
    public boolean haveConsumers() {
        return !feeds.isEmpty();
    }

    /** Waits until at least one inlet is receiving. */
    public boolean waitForConsumers(Duration timeout) throws InterruptedException {
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

    /**
     * Sends every sample of the chunk with its own timestamp; as in liblsl, a timestamp of 0.0 means "now" and -1.0
     * means "deduce it from the previous sample and the nominal rate".
     */
    public void push(Chunk chunk) {
        push(chunk, false);
    }

    /**
     * Sends the first sample with its timestamp and the others without: inlets rebuild them as previous + 1/rate,
     * which saves 8 bytes a sample (liblsl's push_chunk with one timestamp).
     */
    public void pushDeduced(Chunk chunk) {
        push(chunk, true);
    }

    /** Sends one float32 sample stamped now. */
    public void pushSample(float[] values) {
        push(Chunk.ofFloat32(info.channelCount(), new double[] {LocalClock.now()}, values), false);
    }

    /** Sends one double64 sample stamped now. */
    public void pushSample(double[] values) {
        push(Chunk.ofDouble64(info.channelCount(), new double[] {LocalClock.now()}, values), false);
    }

    /** Sends one string sample (a marker) stamped now. */
    public void pushSample(String... values) {
        push(Chunk.ofStrings(info.channelCount(), new double[] {LocalClock.now()}, values), false);
    }

    private void push(Chunk chunk, boolean deduced) {
        if (closed) {
            throw new IllegalStateException("outlet '" + info.name() + "' is closed; open a new one with "
                    + "StreamOutlet.open(info)");
        }
        if (chunk.format() != info.format() || chunk.channelCount() != info.channelCount()) {
            throw new IllegalArgumentException("chunk must have " + info.channelCount() + " " + info.format()
                    + " channels like stream '" + info.name() + "', got " + chunk.channelCount() + " "
                    + chunk.format());
        }
        if (feeds.isEmpty() || chunk.isEmpty()) {
            return;
        }
        ConsumerQueue.Block block = new ConsumerQueue.Block(SampleEncoder.encode(chunk, deduced, LocalClock.now()),
                chunk.sampleCount());
        for (Feed feed : feeds) {
            feed.queue.offer(block);
            if (feed.queue.stalledNanos() > STALLED_INLET_NANOS) {
                // its sender has been stuck in one write for that long: the inlet does not read at all
                logOnce("stalled", "outlet '{}' dropped an inlet at {} that read nothing for {} s",
                        feed.socket.getRemoteSocketAddress(), STALLED_INLET_NANOS / 1_000_000_000L);
                feeds.remove(feed);
                feed.close();
            }
        }
    }

    /** Stops serving: closes every socket and every inlet's connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(server);
        closeQuietly(service);
        closeQuietly(responder);
        for (Feed feed : feeds) {
            feed.close();
        }
        openConnections.forEach(StreamOutlet::closeQuietly);
        connections.shutdownNow();
        requestDeadlines.shutdownNow();
        for (Thread thread : threads) {
            thread.interrupt();
        }
        LOG.debug("outlet '{}' closed", info.name());
    }

    // ---- TCP ----

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    logOnce("accept", "outlet '{}' stopped accepting connections: {}", e.getMessage());
                }
                return;
            }
            try {
                connections.execute(() -> serve(socket));
            } catch (RejectedExecutionException busy) {
                logOnce("busy", "outlet '{}' refused a connection from {}: already serving " + MAX_CONNECTIONS,
                        socket.getRemoteSocketAddress());
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) {
        openConnections.add(socket);
        if (closed) { // close() may have run between accept and here
            openConnections.remove(socket);
            closeQuietly(socket);
            return;
        }
        // a client trickling its request byte by byte is cut off at the deadline, whatever each read takes
        ScheduledFuture<?> deadline = requestDeadlines.schedule(() -> closeQuietly(socket), REQUEST_TIMEOUT_MS,
                TimeUnit.MILLISECONDS);
        try (socket) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(REQUEST_TIMEOUT_MS);
            WireReader reader = new WireReader(socket.getInputStream(), 2 * MAX_LINE_BYTES);
            String method = reader.readLine(MAX_LINE_BYTES).strip();
            OutputStream out = socket.getOutputStream();
            if (method.equals("LSL:fullinfo")) {
                out.write(fullInfoXml.getBytes(StandardCharsets.UTF_8));
            } else if (method.equals("LSL:shortinfo")) {
                if (matcher.matches(reader.readLine(MAX_LINE_BYTES).strip())) {
                    out.write(shortInfoXml.getBytes(StandardCharsets.UTF_8));
                }
            } else if (method.startsWith(FeedRequest.PREFIX)) {
                serveFeed(socket, reader, method, deadline);
            } else if (method.equals("LSL:streamfeed")) {
                logOnce("protocol100", "outlet '{}' refused a protocol-100 feed request from {}: naoyu serves "
                        + "protocol 110 only", socket.getRemoteSocketAddress());
            } else {
                logOnce("unknown-" + socket.getInetAddress(), "outlet '{}' got an unknown request from {} and "
                        + "closed the connection: '{}'", socket.getRemoteSocketAddress(), abbreviate(method));
            }
        } catch (SocketTimeoutException e) {
            logOnce("timeout", "outlet '{}' dropped a client that did not finish its request in {} ms",
                    REQUEST_TIMEOUT_MS);
        } catch (SocketException e) {
            if (!closed && deadline.isDone() && !deadline.isCancelled()) {
                logOnce("timeout", "outlet '{}' dropped a client that did not finish its request in {} ms",
                        REQUEST_TIMEOUT_MS);
            }
        } catch (IOException | IllegalArgumentException e) {
            if (!closed) {
                logOnce("request-" + e.getClass().getSimpleName(), "outlet '{}' dropped a client: {}",
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
        for (String line = reader.readLine(MAX_LINE_BYTES); !line.isEmpty(); line = reader.readLine(MAX_LINE_BYTES)) {
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
        Feed feed = new Feed(socket, new ConsumerQueue(Math.min(request.maxBufferLength(), maxQueuedSamples())));
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
                    socket.getRemoteSocketAddress(), feed.queue.droppedSamples());
        }
    }

    /**
     * The most samples queued for one inlet, whatever it asks for: liblsl's outlet default of 360 s, and never more
     * than {@link ConsumerQueue#MAX_QUEUED_BYTES} of samples, so a client that never reads cannot exhaust memory.
     */
    private long maxQueuedSamples() {
        double rate = info.isIrregular() ? 100 : info.nominalRateHz();
        long bytesPerSample = 9L + (long) info.channelCount() * Math.max(1, info.format().bytesPerValue());
        return Math.max(1, Math.min((long) Math.ceil(MAX_BUFFERED_SECONDS * rate),
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
            logOnce("downgrade", "outlet '{}' refused an inlet that needs LSL protocol 100 (version {}, value size "
                    + "{}, IEEE floats {})", request.requestedVersion(), request.valueSize(), request.ieee754Floats());
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

    /** One inlet: its queue and the connection its sender thread writes to. */
    private final class Feed {
        private final Socket socket;
        private final ConsumerQueue queue;

        Feed(Socket socket, ConsumerQueue queue) {
            this.socket = socket;
            this.queue = queue;
        }

        void sendUntilClosed(OutputStream out) {
            ArrayDeque<ConsumerQueue.Block> batch = new ArrayDeque<>();
            try {
                while (!closed && queue.drainTo(batch, 1000)) {
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
                LOG.debug("outlet '{}': inlet at {} went away: {}", info.name(), socket.getRemoteSocketAddress(),
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
            closeQuietly(socket);
        }
    }

    // ---- UDP ----

    private void udpLoop(DatagramSocket socket, boolean answersTimeData) {
        byte[] buffer = new byte[MAX_DATAGRAM_BYTES];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!closed) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
                double receivedAt = LocalClock.now();
                String text = new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
                DatagramPacket reply = answer(text, answersTimeData, receivedAt, packet);
                if (reply != null) {
                    socket.send(reply);
                }
            } catch (IOException | RuntimeException e) {
                // one bad datagram (or a send that failed) must not stop the socket serving everyone else
                if (!closed) {
                    logOnce("udp-" + e.getClass().getSimpleName(), "outlet '{}' UDP error: {}", e.getMessage());
                }
            }
        }
    }

    /**
     * The reply to a datagram, addressed: discovery replies go to the query's source IP at its return port (§4.2),
     * time replies to the probe's source address and port (§5). Null for a query that does not match and for anything
     * that is not a well-formed LSL request.
     */
    private DatagramPacket answer(String text, boolean answersTimeData, double receivedAt, DatagramPacket packet) {
        String[] lines = text.split("\r?\n", 4);
        String method = lines[0].strip();
        if (method.equals("LSL:shortinfo") && lines.length >= 3) {
            String[] returnPortAndId = lines[2].strip().split("\\s+");
            int port = returnPortAndId.length >= 2 ? parsePort(returnPortAndId[0]) : -1;
            if (port < 0 || !matcher.matches(lines[1].strip())) {
                return null;
            }
            byte[] reply = (returnPortAndId[1] + "\r\n" + shortInfoXml).getBytes(StandardCharsets.UTF_8);
            return new DatagramPacket(reply, reply.length, new InetSocketAddress(packet.getAddress(), port));
        }
        if (method.equals("LSL:timedata") && answersTimeData && lines.length >= 2) {
            String[] waveAndT0 = lines[1].strip().split("\\s+");
            if (waveAndT0.length < 2) {
                return null;
            }
            try {
                int wave = Integer.parseInt(waveAndT0[0]);
                double t0 = Double.parseDouble(waveAndT0[1]);
                byte[] reply = (" " + wave + " " + StreamInfoXml.formatDouble(t0) + " "
                        + StreamInfoXml.formatDouble(receivedAt) + " " + StreamInfoXml.formatDouble(LocalClock.now()))
                        .getBytes(StandardCharsets.US_ASCII);
                return new DatagramPacket(reply, reply.length, packet.getSocketAddress());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (!method.startsWith("LSL:")) {
            logOnce("udp-garbage", "outlet '{}' ignored a datagram that is not an LSL request from {}",
                    packet.getSocketAddress());
        }
        return null;
    }

    /** A UDP port in [1, 65535], or -1. */
    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            return port >= 1 && port <= 65535 ? port : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static DatagramSocket bindResponder(LslConfig config) {
        try {
            MulticastSocket socket = new MulticastSocket(null);
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(Sockets.address(config.bindAddress()), config.ports().multicastPort()));
            if (config.scope() != ResolveScope.MACHINE) {
                joinGroups(socket, config);
            }
            return socket;
        } catch (IOException e) {
            // another program holds the port without SO_REUSEADDR: the service port still answers every query
            LOG.debug("no UDP responder on port {}: {}", config.ports().multicastPort(), e.getMessage());
            return null;
        }
    }

    /** Opt-in scopes only: join the scope's multicast groups on every multicast-capable interface (§4.5). */
    private static void joinGroups(MulticastSocket socket, LslConfig config) throws SocketException {
        for (String address : config.scopeAddresses()) {
            java.net.InetAddress group = Sockets.address(address);
            if (!group.isMulticastAddress()) {
                continue;
            }
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nif.isUp() && nif.supportsMulticast()) {
                    try {
                        socket.joinGroup(new InetSocketAddress(group, 0), nif);
                    } catch (IOException e) {
                        LOG.debug("could not join {} on {}: {}", address, nif.getName(), e.getMessage());
                    }
                }
            }
        }
    }

    // ---- helpers ----

    private void start(Runnable loop, String role) {
        Thread thread = daemon(loop, "lsl-outlet-" + info.name() + "-" + role);
        threads.add(thread);
        thread.start();
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private void signalConsumersChanged() {
        synchronized (consumersChanged) {
            consumersChanged.notifyAll();
        }
    }

    /** Bad input is logged once per kind, so a noisy peer cannot flood the log. */
    private void logOnce(String kind, String format, Object... arguments) {
        if (loggedProblems.add(kind)) {
            Object[] withName = new Object[arguments.length + 1];
            withName[0] = info.name();
            System.arraycopy(arguments, 0, withName, 1, arguments.length);
            LOG.warn(format, withName);
        }
    }

    private static String abbreviate(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 80) + "…";
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing is best effort
            }
        }
    }
}
