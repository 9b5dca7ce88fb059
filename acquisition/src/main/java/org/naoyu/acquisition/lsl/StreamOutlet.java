package org.naoyu.acquisition.lsl;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
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
    // the outlet's limits, kept here in one place; FeedServer and UdpResponder enforce them
    /** How long a client may take to send its whole request before it is dropped (in total, not per read). */
    static final int REQUEST_TIMEOUT_MS = 5_000;
    static final int MAX_LINE_BYTES = 4096;
    static final int MAX_CONNECTIONS = 128;
    static final int MAX_DATAGRAM_BYTES = 65_535;
    /** An inlet that takes no data for this long is disconnected, freeing its thread and connection slot. */
    static final long STALLED_INLET_NANOS = 30_000_000_000L;
    /** liblsl's default {@code max_buffered} of an outlet. */
    static final double MAX_BUFFERED_SECONDS = 360;

    private final StreamInfo info;
    private final ServerSocket server;
    private final DatagramSocket service;
    private final String fullInfoXml;
    private final FeedServer feedServer;
    private final UdpResponder udpResponder;
    private volatile boolean closed;

    private StreamOutlet(StreamInfo info, LslConfig config) throws IOException {
        // like liblsl, every outlet instance is new: its own uid and creation time, the session of the settings
        this.info = info.toBuilder().uid(UUID.randomUUID().toString()).createdAt(LocalClock.now())
                .sessionId(config.sessionId()).build();
        ServerSocket tcp = null;
        DatagramSocket udp = null;
        try {
            tcp = Sockets.bindTcp(config);
            udp = Sockets.bindUdp(config);
        } catch (IOException e) {
            Sockets.closeQuietly(tcp);
            Sockets.closeQuietly(udp);
            throw e;
        }
        this.server = tcp;
        this.service = udp;
        DatagramSocket responder = UdpResponder.bindDiscoveryPort(config);
        StreamInfoXml.Endpoint endpoint = new StreamInfoXml.Endpoint("", server.getLocalPort(), service.getLocalPort());
        this.fullInfoXml = StreamInfoXml.toXml(this.info, endpoint, true);
        String shortInfoXml = StreamInfoXml.toXml(this.info, endpoint, false);
        QueryMatcher matcher = new QueryMatcher(fullInfoXml);
        ProblemLog problems = new ProblemLog(this.info.name());
        this.feedServer = new FeedServer(this.info, server, fullInfoXml, shortInfoXml, matcher, problems);
        this.udpResponder = new UdpResponder(this.info.name(), service, responder, shortInfoXml, matcher, problems);
        feedServer.start();
        udpResponder.start();
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
        return feedServer.consumerCount();
    }

    /** Whether any inlet is receiving; pushing with none costs almost nothing. */
    public boolean haveConsumers() {
        return feedServer.hasConsumers();
    }

    /** Waits until at least one inlet is receiving. */
    public boolean waitForConsumers(Duration timeout) throws InterruptedException {
        return feedServer.awaitConsumers(timeout);
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
        if (!feedServer.hasConsumers() || chunk.isEmpty()) {
            return;
        }
        feedServer.offer(new ConsumerQueue.Block(SampleEncoder.encode(chunk, deduced, LocalClock.now()),
                chunk.sampleCount()));
    }

    /** Stops serving: closes every socket and every inlet's connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        feedServer.close();
        udpResponder.close();
        LOG.debug("outlet '{}' closed", info.name());
    }
}
