package org.naoyu.acquisition.lsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.naoyu.acquisition.lsl.LslTestSupport.CONFIG;
import static org.naoyu.acquisition.lsl.LslTestSupport.info;
import static org.naoyu.acquisition.lsl.LslTestSupport.resolveOne;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.LocalClock;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.StreamInfoXml;

/**
 * The outlet's bytes, checked against lsl-wire-protocol.md as a liblsl peer would see them, and its answers to
 * malformed requests: each is refused or times out, and the outlet keeps serving.
 */
@Timeout(60)
class OutletWireTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    /** The headers a liblsl 1.17 inlet sends for a float32 stream on x86-64 (§6.3). */
    private static String liblslRequest(String uid) {
        return "LSL:streamfeed/110 " + uid + "\r\n"
                + "Native-Byte-Order: 1234\r\n"
                + "Endian-Performance: 4.4032e+06\r\n"
                + "Has-IEEE754-Floats: 1\r\n"
                + "Supports-Subnormals: 1\r\n"
                + "Value-Size: 4\r\n"
                + "Data-Protocol-Version: 110\r\n"
                + "Max-Buffer-Length: 36000\r\n"
                + "Max-Chunk-Length: 0\r\n"
                + "Hostname: vm\r\n"
                + "Source-Id: lslpeer-src\r\n"
                + "Session-Id: default\r\n"
                + "\r\n";
    }

    @Test
    void answersALiblslFeedRequestByteForByte() throws Exception {
        StreamInfo info = info("wire", ChannelFormat.FLOAT32, 4, 100);
        try (StreamOutlet outlet = StreamOutlet.open(info, CONFIG);
             Socket socket = connect(outlet)) {
            send(socket, liblslRequest(outlet.info().uid()));
            String header = "LSL/110 200 OK\r\n"
                    + "UID: " + outlet.info().uid() + "\r\n"
                    + "Byte-Order: 1234\r\n"
                    + "Suppress-Subnormals: 0\r\n"
                    + "Data-Protocol-Version: 110\r\n"
                    + "\r\n";
            byte[] expectedHeader = header.getBytes(StandardCharsets.US_ASCII);
            byte[] received = readExactly(socket.getInputStream(), expectedHeader.length + 2 * 25);
            assertEquals(header, new String(received, 0, expectedHeader.length, StandardCharsets.US_ASCII));
            assertEquals("02 c9 76 be 9f 0c 24 fe 40 00 00 80 40 00 00 a0 c0 00 00 c0 40 00 00 e0 c0",
                    HEX.formatHex(received, expectedHeader.length, expectedHeader.length + 25));
            assertEquals("02 c9 76 be 9f 0c 24 fe 40 00 00 00 40 00 00 40 c0 00 00 80 40 00 00 a0 c0",
                    HEX.formatHex(received, expectedHeader.length + 25, expectedHeader.length + 50));
            assertTrue(outlet.waitForConsumers(Duration.ofSeconds(5)));
            outlet.push(Chunk.ofFloat32(4, new double[] {2.5}, new float[] {1, 2, 3, 4}));
            assertEquals("02 00 00 00 00 00 00 04 40 00 00 80 3f 00 00 00 40 00 00 40 40 00 00 80 40",
                    HEX.formatHex(readExactly(socket.getInputStream(), 25)));
        }
    }

    @Test
    void subnormalSuppressionIsAnnouncedToInletsThatAskForIt() throws Exception {
        StreamInfo info = info("subnormal", ChannelFormat.DOUBLE64, 1, 100);
        try (StreamOutlet outlet = StreamOutlet.open(info, CONFIG);
             Socket socket = connect(outlet)) {
            send(socket, "LSL:streamfeed/110\r\nSupports-Subnormals: 0\r\nValue-Size: 8\r\n"
                    + "Max-Buffer-Length: 10\r\n\r\n");
            String response = new String(readExactly(socket.getInputStream(), 15 + 8 + 36 + 22 + 27 + 30 + 2),
                    StandardCharsets.US_ASCII);
            assertTrue(response.contains("Suppress-Subnormals: 1\r\n"), response);
        }
    }

    @Test
    void servesFullinfoAndShortinfoOverTcp() throws Exception {
        StreamInfo info = info("infos", ChannelFormat.INT16, 2, 500);
        try (StreamOutlet outlet = StreamOutlet.open(info, CONFIG)) {
            String full = request(outlet, "LSL:fullinfo\r\n");
            assertEquals(outlet.fullInfoXml(), full);
            StreamInfoXml.Parsed parsed = StreamInfoXml.parseDetailed(full);
            assertEquals(outlet.dataPort(), parsed.endpoint().v4dataPort());
            assertEquals(outlet.servicePort(), parsed.endpoint().v4servicePort());
            assertEquals("", parsed.endpoint().v4address(), "like liblsl, the address is left to the resolver");
            assertEquals(110, parsed.protocolVersion());
            assertTrue(parsed.info().createdAt() > 0, "liblsl inlets re-ask forever when created_at is 0");
            String shortInfo = request(outlet, "LSL:shortinfo\r\nchannel_format='int16'\r\n");
            assertTrue(shortInfo.contains("<desc />"), shortInfo);
            assertEquals("", request(outlet, "LSL:shortinfo\r\nchannel_format='float32'\r\n"),
                    "a query that does not match gets nothing");
        }
    }

    @Test
    void refusesWhatItDoesNotServeWithTheDocumentedStatus() throws Exception {
        StreamInfo info = info("refusals", ChannelFormat.FLOAT32, 2, 100);
        try (StreamOutlet outlet = StreamOutlet.open(info, CONFIG)) {
            assertEquals("LSL/110 404 Not found", request(outlet,
                    "LSL:streamfeed/110 00000000-0000-4000-8000-000000000000\r\nMax-Buffer-Length: 10\r\n\r\n"));
            assertEquals("LSL/110 505 Version not supported", request(outlet,
                    "LSL:streamfeed/200\r\nMax-Buffer-Length: 10\r\n\r\n"));
            assertEquals("LSL/110 505 Version not supported", request(outlet,
                    "LSL:streamfeed/110\r\nValue-Size: 8\r\nMax-Buffer-Length: 10\r\n\r\n"),
                    "a client whose floats differ would need protocol 100, which naoyu does not serve");
            assertEquals("", request(outlet, "LSL:streamfeed\r\n360 0\r\n"), "legacy protocol 100: closed");
            assertEquals("", request(outlet, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"), "unknown request: closed");
            assertEquals("", request(outlet, "LSL:streamfeed/abc\r\n\r\n"), "unparseable version: closed");
            assertStillServes(outlet);
        }
    }

    @Test
    void aHeaderThatNeverEndsIsDroppedAfterTheRequestTimeout() throws Exception {
        StreamInfo info = info("stall", ChannelFormat.FLOAT32, 1, 100);
        try (StreamOutlet outlet = StreamOutlet.open(info, CONFIG);
             Socket staller = connect(outlet)) {
            send(staller, "LSL:streamfeed/110\r\nMax-Buffer-Length: 10\r\n"); // and never the blank line
            assertStillServes(outlet);
            staller.setSoTimeout(StreamOutlet.REQUEST_TIMEOUT_MS + 5_000);
            long start = System.nanoTime();
            assertEquals(-1, staller.getInputStream().read(), "the outlet hangs up on it");
            double waited = (System.nanoTime() - start) / 1e9;
            assertTrue(waited < StreamOutlet.REQUEST_TIMEOUT_MS / 1000.0 + 2, "closed after " + waited + " s");
        }
    }

    @Test
    void aRequestTrickledByteByByteIsCutAtTheTotalDeadline() throws Exception {
        StreamInfo info = info("trickle", ChannelFormat.FLOAT32, 1, 100);
        try (StreamOutlet outlet = StreamOutlet.open(info, CONFIG);
             Socket trickler = connect(outlet)) {
            byte[] request = liblslRequest("").getBytes(StandardCharsets.US_ASCII);
            long start = System.nanoTime();
            int sent = 0;
            try {
                // one byte every 100 ms: each read is quick, the whole request would take 30 s
                for (; sent < request.length && System.nanoTime() - start < 15e9; sent++) {
                    trickler.getOutputStream().write(request[sent]);
                    trickler.getOutputStream().flush();
                    Thread.sleep(100);
                }
            } catch (IOException cutOff) {
                // the outlet closed the connection: expected
            }
            double waited = (System.nanoTime() - start) / 1e9;
            assertTrue(waited < StreamOutlet.REQUEST_TIMEOUT_MS / 1000.0 + 3, "cut off after " + waited + " s");
            assertTrue(sent < request.length, "the request never completed");
            assertStillServes(outlet);
        }
    }

    @Test
    void anEndlessLineIsCutAtTheLimit() throws Exception {
        StreamInfo info = info("longline", ChannelFormat.FLOAT32, 1, 100);
        try (StreamOutlet outlet = StreamOutlet.open(info, CONFIG);
             Socket socket = connect(outlet)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(("LSL:streamfeed/110 " + "x".repeat(3 * StreamOutlet.MAX_LINE_BYTES)).getBytes());
                out.flush();
            } catch (IOException peerClosedFirst) {
                // the outlet may hang up while we are still writing: that is the point
            }
            assertEquals(-1, socket.getInputStream().read());
            assertStillServes(outlet);
        }
    }

    @Test
    void udpGarbageIsIgnoredAndDiscoveryAndTimeProbesAreAnswered() throws Exception {
        StreamInfo info = info("udp", ChannelFormat.FLOAT32, 1, 100);
        try (StreamOutlet outlet = StreamOutlet.open(info, CONFIG);
             DatagramSocket client = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            client.setSoTimeout(300);
            InetSocketAddress service = new InetSocketAddress(InetAddress.getLoopbackAddress(), outlet.servicePort());
            for (String garbage : new String[] {"\u0000\u0001\u0002", "LSL:shortinfo\r\n", "LSL:timedata\r\nx y\r\n",
                    "LSL:shortinfo\r\nname='x'\r\nnot-a-port 1\r\n", "LSL:shortinfo\r\n" + "(".repeat(5000) + "\r\n"
                    + client.getLocalPort() + " 7\r\n"}) {
                client.send(datagram(garbage, service));
                assertNoReply(client);
            }
            client.send(datagram("LSL:shortinfo\r\nsource_id='" + info.sourceId() + "'\r\n" + client.getLocalPort()
                    + " 4242\r\n", service));
            String reply = receive(client);
            assertTrue(reply.startsWith("4242\r\n<?xml"), reply);
            assertEquals(outlet.info().uid(), StreamInfoXml.parse(reply.substring(6)).uid());

            client.send(datagram(" LSL:timedata\r\n5 1.5", service)); // method read trimmed, no final line end
            assertTrue(receive(client).startsWith(" 5 1.500000000000000 "), "answered, and the socket lives on");

            double t0 = LocalClock.now();
            client.send(datagram("LSL:timedata\r\n17 " + t0 + "\r\n", service));
            String[] time = receive(client).split(" ");
            assertEquals("", time[0], "the reply starts with a space (§5)");
            assertEquals("17", time[1]);
            assertEquals(t0, Double.parseDouble(time[2]), 1e-9);
            double t1 = Double.parseDouble(time[3]);
            double t2 = Double.parseDouble(time[4]);
            assertTrue(t0 <= t1 && t1 <= t2 && t2 <= LocalClock.now(), t0 + " " + t1 + " " + t2);
            assertStillServes(outlet);
        }
    }

    @Test
    void bindsOnlyToLoopbackInTheMachineScope() throws Exception {
        StreamInfo info = info("loopback", ChannelFormat.FLOAT32, 1, 100);
        try (StreamOutlet outlet = StreamOutlet.open(info, CONFIG)) {
            assertTrue(outlet.dataPort() >= 16572 && outlet.dataPort() <= 16603, "port " + outlet.dataPort());
            assertTrue(outlet.servicePort() >= 16572 && outlet.servicePort() <= 16603);
            // checked on the sockets themselves: a test must not send to this machine's non-loopback addresses
            assertEquals(InetAddress.getByName("127.0.0.1"), outlet.dataAddress().getAddress());
            assertEquals(InetAddress.getByName("127.0.0.1"), outlet.serviceAddress().getAddress());
        }
    }

    @Test
    void aBufferlessConnectionIsClosedWithTheOutlet() throws Exception {
        StreamInfo info = info("bufferless", ChannelFormat.FLOAT32, 4, 100);
        StreamOutlet outlet = StreamOutlet.open(info, CONFIG);
        try (Socket socket = connect(outlet)) {
            send(socket, "LSL:streamfeed/110\r\nMax-Buffer-Length: 0\r\n\r\n");
            String header = new String(readExactly(socket.getInputStream(), 16), StandardCharsets.US_ASCII);
            assertEquals("LSL/110 200 OK\r\n", header);
            outlet.close();
            socket.setSoTimeout(5000);
            byte[] rest = socket.getInputStream().readAllBytes();
            assertEquals(115 + 50, rest.length, "the rest of the header and the test patterns, then the end");
        } finally {
            outlet.close();
        }
    }

    @Test
    void everyOutletInstanceHasItsOwnUidAndCreationTime() throws Exception {
        StreamInfo info = info("instances", ChannelFormat.FLOAT32, 1, 100);
        double before = LocalClock.now();
        try (StreamOutlet first = StreamOutlet.open(info, CONFIG);
             StreamOutlet second = StreamOutlet.open(info, CONFIG)) {
            assertTrue(!first.info().uid().equals(info.uid()) && !first.info().uid().equals(second.info().uid()),
                    "a new uid per outlet (§3), so a liblsl inlet can tell a restarted outlet from the old one");
            assertTrue(first.info().createdAt() >= before && first.info().createdAt() <= LocalClock.now());
            assertEquals(info.sourceId(), second.info().sourceId());
        }
    }

    @Test
    void pushingTheWrongShapeOrAfterCloseIsRefused() throws Exception {
        StreamInfo info = info("shape", ChannelFormat.FLOAT32, 2, 100);
        StreamOutlet outlet = StreamOutlet.open(info, CONFIG);
        IllegalArgumentException shape = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> outlet.push(Chunk.ofInt16(2, new double[] {1}, new short[2])));
        assertEquals("chunk must have 2 float32 channels like stream '" + info.name() + "', got 2 int16",
                shape.getMessage());
        outlet.close();
        IllegalStateException closed = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> outlet.pushSample(new float[] {1, 2}));
        assertEquals("outlet '" + info.name() + "' is closed; open a new one with StreamOutlet.open(info)",
                closed.getMessage());
    }

    private static void assertStillServes(StreamOutlet outlet) throws Exception {
        ResolvedStream stream = resolveOne(outlet.info());
        try (StreamInlet inlet = StreamInlet.open(stream, CONFIG, StreamInlet.Options.defaults())) {
            assertTrue(outlet.waitForConsumers(Duration.ofSeconds(5)));
            assertEquals(outlet.info().uid(), inlet.info().uid());
        }
    }

    private static Socket connect(StreamOutlet outlet) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), outlet.dataPort());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Sends one request and reads until the outlet closes the connection. */
    private static String request(StreamOutlet outlet, String text) throws IOException {
        try (Socket socket = connect(outlet)) {
            send(socket, text);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] readExactly(InputStream in, int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        assertEquals(n, bytes.length, "stream ended early");
        return bytes;
    }

    private static DatagramPacket datagram(String text, InetSocketAddress to) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new DatagramPacket(bytes, bytes.length, to);
    }

    private static String receive(DatagramSocket socket) throws IOException {
        byte[] buffer = new byte[65536];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.setSoTimeout(3000);
        socket.receive(packet);
        socket.setSoTimeout(300);
        return new String(buffer, 0, packet.getLength(), StandardCharsets.UTF_8);
    }

    private static void assertNoReply(DatagramSocket socket) throws IOException {
        try {
            socket.receive(new DatagramPacket(new byte[65536], 65536));
            throw new AssertionError("the outlet answered garbage");
        } catch (SocketTimeoutException expected) {
            // silence is the documented answer
        }
    }
}
