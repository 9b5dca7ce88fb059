package org.naoyu.acquisition.lsl;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/**
 * Binding sockets the way liblsl does: the first free port of the data range, then any port if allowed (§2); and
 * closing them without caring how.
 */
final class Sockets {
    private Sockets() {
    }

    interface Binder<S> {
        S bind(InetSocketAddress address) throws IOException;
    }

    static ServerSocket bindTcp(LslConfig config) throws IOException {
        return bindInRange(config, "TCP", address -> {
            ServerSocket socket = new ServerSocket();
            try {
                socket.bind(address, 64);
                return socket;
            } catch (IOException e) {
                socket.close();
                throw e;
            }
        });
    }

    static DatagramSocket bindUdp(LslConfig config) throws IOException {
        return bindInRange(config, "UDP", address -> new DatagramSocket(address));
    }

    private static <S> S bindInRange(LslConfig config, String kind, Binder<S> binder) throws IOException {
        InetAddress host = address(config.bindAddress());
        for (int port : config.ports().dataPorts()) {
            try {
                return binder.bind(new InetSocketAddress(host, port));
            } catch (BindException taken) {
                // the next port of the range
            }
        }
        LslConfig.Ports ports = config.ports();
        String range = ports.basePort() + "-" + (ports.basePort() + ports.portRange() - 1);
        if (!ports.allowRandomPorts()) {
            throw new BindException("no free " + kind + " port in " + range + " on " + config.bindAddress()
                    + " and AllowRandomPorts is off (" + config.source() + ")");
        }
        return binder.bind(new InetSocketAddress(host, 0));
    }

    /** A literal address, with no name lookup. */
    static InetAddress address(String ipv4Literal) {
        try {
            return InetAddress.getByName(ipv4Literal); // a literal is parsed, never looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address must be an IPv4 literal, got '" + ipv4Literal + "'", e);
        }
    }

    /** Closes a socket (or anything) on a path that is already ending; a failure to close changes nothing there. */
    static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                // closing is best effort
            }
        }
    }
}
