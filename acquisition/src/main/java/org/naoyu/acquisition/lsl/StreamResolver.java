package org.naoyu.acquisition.lsl;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.naoyu.acquisition.StreamInfoXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds LSL streams: sends the discovery query (lsl-wire-protocol.md §4.1) to every target of the configured scope
 * in waves, and collects the replies, de-duplicated by uid. In the default machine scope the targets are 127.0.0.1 on
 * the discovery port and on every data port, which finds every outlet on this computer, liblsl's included (§4.5).
 *
 * <pre>{@code
 * List<ResolvedStream> eeg = StreamResolver.resolve(config, "type='EEG'", 1, Duration.ofSeconds(5));
 * }</pre>
 */
public final class StreamResolver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamResolver.class);
    private static final int RECEIVE_SLICE_MS = 20;

    private final LslConfig config;
    private final DatagramSocket socket;
    private String queryId; // new for every query, so late replies to an earlier one are not taken for this one
    private final byte[] buffer = new byte[StreamOutlet.MAX_DATAGRAM_BYTES];

    /** Opens a resolver's receive socket; one resolver can run many queries, one at a time. */
    public StreamResolver(LslConfig config) throws IOException {
        this.config = config;
        this.queryId = newQueryId();
        MulticastSocket udp = new MulticastSocket(new InetSocketAddress(Sockets.address(config.bindAddress()), 0));
        if (config.scope() != ResolveScope.MACHINE) {
            udp.setBroadcast(true); // opt-in scopes only: link and wider send to broadcast and multicast addresses
            udp.setTimeToLive(config.multicastTtl());
        }
        this.socket = udp;
    }

    /** Every stream of the session that answers within {@code wait}. */
    public static List<ResolvedStream> resolveAll(LslConfig config, Duration wait) throws IOException {
        try (StreamResolver resolver = new StreamResolver(config)) {
            return resolver.find("", Integer.MAX_VALUE, wait);
        }
    }

    /**
     * Streams of the session whose info matches an XPath 1.0 predicate (§4.3), e.g. {@code name='sim'} or
     * {@code type='EEG' and channel_count>8}; returns as soon as {@code minimum} have answered, or at the timeout
     * with what was found.
     */
    public static List<ResolvedStream> resolve(LslConfig config, String predicate, int minimum, Duration timeout)
            throws IOException {
        try (StreamResolver resolver = new StreamResolver(config)) {
            return resolver.find(predicate, minimum, timeout);
        }
    }

    /** Streams whose {@code property} (name, type, source_id, …) equals {@code value}. */
    public static List<ResolvedStream> resolveByProperty(LslConfig config, String property, String value, int minimum,
            Duration timeout) throws IOException {
        return resolve(config, property + "=" + xpathLiteral(value), minimum, timeout);
    }

    /**
     * Runs one query: waves of datagrams every {@code MulticastMinRTT} until {@code minimum} distinct streams have
     * answered or the timeout passes.
     *
     * @param predicate an XPath predicate, combined with the session id as liblsl does; empty for all streams
     */
    public List<ResolvedStream> find(String predicate, int minimum, Duration timeout) throws IOException {
        return query(sessionQuery(config.sessionId(), predicate), minimum, timeout);
    }

    /** Runs a query text exactly as given (the recovery query of §4.3 has no session term). */
    List<ResolvedStream> query(String query, int minimum, Duration timeout) throws IOException {
        if (minimum < 1) {
            throw new IllegalArgumentException("minimum must be >= 1 stream, got " + minimum);
        }
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be >= 0, got " + timeout);
        }
        queryId = newQueryId();
        byte[] datagram = ("LSL:shortinfo\r\n" + query + "\r\n" + socket.getLocalPort() + " " + queryId + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
        Map<String, ResolvedStream> found = new LinkedHashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        long waveNanos = (long) (config.tuning().multicastMinRttSec() * 1e9);
        long nextWave = System.nanoTime();
        do {
            long now = System.nanoTime();
            if (now - nextWave >= 0) {
                sendWave(datagram);
                nextWave = now + waveNanos;
            }
            ResolvedStream stream = receiveOne(Math.max(1, Math.min(RECEIVE_SLICE_MS, (deadline - now) / 1_000_000)));
            if (stream != null) {
                found.putIfAbsent(stream.info().uid(), stream);
            }
        } while (found.size() < minimum && System.nanoTime() - deadline < 0);
        return List.copyOf(found.values());
    }

    /** Sends one wave of a query; replies are collected with {@link #receiveOne}. */
    void sendWave(String query) {
        sendWave(("LSL:shortinfo\r\n" + query + "\r\n" + socket.getLocalPort() + " " + queryId + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Waits up to {@code waitMillis} for one reply to this resolver's queries; null when none came. */
    ResolvedStream receiveOne(long waitMillis) throws IOException {
        socket.setSoTimeout((int) Math.max(1, waitMillis));
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException quiet) {
            return null;
        }
        return parseReply(packet);
    }

    private ResolvedStream parseReply(DatagramPacket packet) {
        String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
        int lineEnd = text.indexOf('\n');
        if (lineEnd < 0 || !text.substring(0, lineEnd).strip().equals(queryId)) {
            return null; // a reply to someone else's query, or not a reply
        }
        try {
            StreamInfoXml.Parsed parsed = StreamInfoXml.parseDetailed(text.substring(lineEnd + 1));
            String host = parsed.endpoint().v4address().isEmpty() ? packet.getAddress().getHostAddress()
                    : parsed.endpoint().v4address();
            return new ResolvedStream(parsed.info(), host, parsed.endpoint().v4dataPort(),
                    parsed.endpoint().v4servicePort(), parsed.protocolVersion());
        } catch (IllegalArgumentException e) {
            LOG.debug("ignored a discovery reply from {}: {}", packet.getSocketAddress(), e.getMessage());
            return null;
        }
    }

    private void sendWave(byte[] datagram) {
        for (InetSocketAddress target : config.discoveryTargets()) {
            try {
                InetSocketAddress to = target.isUnresolved()
                        ? new InetSocketAddress(target.getHostString(), target.getPort()) // a known peer by name
                        : target;
                socket.send(new DatagramPacket(datagram, datagram.length, to));
            } catch (IOException e) {
                // unreachable targets are skipped, as liblsl does (ENETUNREACH on a loopback-only host)
                LOG.trace("discovery to {} failed: {}", target, e.getMessage());
            }
        }
    }

    private static String newQueryId() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
    }

    /** The query liblsl sends for a predicate within a session (§4.3). */
    static String sessionQuery(String sessionId, String predicate) {
        String session = "session_id=" + xpathLiteral(sessionId);
        return predicate == null || predicate.isBlank() ? session : session + " and " + predicate;
    }

    /** A string as an XPath 1.0 literal; XPath has no escapes, so a value with both quote kinds uses concat(). */
    static String xpathLiteral(String value) {
        if (!value.contains("'")) {
            return "'" + value + "'";
        }
        if (!value.contains("\"")) {
            return "\"" + value + "\"";
        }
        List<String> parts = new ArrayList<>();
        for (String piece : value.split("'", -1)) {
            parts.add("'" + piece + "'");
        }
        return "concat(" + String.join(", \"'\", ", parts) + ")";
    }

    @Override
    public void close() {
        socket.close();
    }
}
