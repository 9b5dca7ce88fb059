package org.naoyu.acquisition.lsl;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.naoyu.acquisition.LocalClock;
import org.naoyu.acquisition.StreamInfoXml;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An outlet's UDP side (lsl-wire-protocol.md §4, §5): answers discovery queries on the service socket and on the
 * shared discovery port, and {@code LSL:timedata} probes on the service socket only. Owns both sockets and a thread
 * for each; {@link #bindDiscoveryPort} binds the shared one as liblsl does.
 */
final class UdpResponder {
    // the outlet's logger, so that log lines and log settings stay those of the public class
    private static final Logger LOG = LoggerFactory.getLogger(StreamOutlet.class);

    private final String streamName;
    private final DatagramSocket service;
    private final DatagramSocket discovery;
    private final String shortInfoXml;
    private final QueryMatcher matcher;
    private final ProblemLog problems;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param service   the outlet's own UDP port: discovery and time probes
     * @param discovery the shared discovery port, or null when another program holds it
     */
    UdpResponder(String streamName, DatagramSocket service, DatagramSocket discovery, String shortInfoXml,
            QueryMatcher matcher, ProblemLog problems) {
        this.streamName = streamName;
        this.service = service;
        this.discovery = discovery;
        this.shortInfoXml = shortInfoXml;
        this.matcher = matcher;
        this.problems = problems;
    }

    void start() {
        start(() -> udpLoop(service, true), "service");
        if (discovery != null) {
            start(() -> udpLoop(discovery, false), "responder");
        }
    }

    void close() {
        closed = true;
        Sockets.closeQuietly(service);
        Sockets.closeQuietly(discovery);
        for (Thread thread : threads) {
            thread.interrupt();
        }
    }

    private void start(Runnable loop, String role) {
        Thread thread = Threads.daemon(loop, "lsl-outlet-" + streamName + "-" + role);
        threads.add(thread);
        thread.start();
    }

    private void udpLoop(DatagramSocket socket, boolean answersTimeData) {
        byte[] buffer = new byte[StreamOutlet.MAX_DATAGRAM_BYTES];
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
                    problems.logOnce("udp-" + e.getClass().getSimpleName(), "outlet '{}' UDP error: {}",
                            e.getMessage());
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
            problems.logOnce("udp-garbage", "outlet '{}' ignored a datagram that is not an LSL request from {}",
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

    /**
     * The shared discovery port (SO_REUSEADDR, so every outlet on the machine can bind it), or null when it cannot be
     * bound.
     */
    static DatagramSocket bindDiscoveryPort(LslConfig config) {
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
}
