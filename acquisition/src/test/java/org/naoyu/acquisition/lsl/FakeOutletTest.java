package org.naoyu.acquisition.lsl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.naoyu.acquisition.lsl.LslTestSupport.CONFIG;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.StreamInfo;

/**
 * The inlet against a scripted outlet that replays the byte captures of lsl-wire-protocol.md, as a liblsl 1.17 outlet
 * sends them: the spec, not our own outlet, is the reference here.
 */
@Timeout(30)
class FakeOutletTest {
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    private static final String UID = "6e5bf52f-6a3c-4d39-93a5-0f7d2a1c9b10";
    private static final String PATTERNS_LE =
            "02 c9 76 be 9f 0c 24 fe 40 00 00 80 40 00 00 a0 c0 00 00 c0 40 00 00 e0 c0 "
            + "02 c9 76 be 9f 0c 24 fe 40 00 00 00 40 00 00 40 c0 00 00 80 40 00 00 a0 c0";

    /** A liblsl-style fullinfo of a 4-channel float32 stream at 100 Hz, as a 1.17 outlet writes it. */
    private static String fullInfo(int port) {
        return "<?xml version=\"1.0\"?>\n<info>\n\t<name>LiblslOut</name>\n\t<type>EEG</type>\n"
                + "\t<channel_count>4</channel_count>\n\t<channel_format>float32</channel_format>\n"
                + "\t<source_id>lslpeer-src</source_id>\n\t<nominal_srate>100.0000000000000</nominal_srate>\n"
                + "\t<version>1.100000000000000</version>\n\t<created_at>724.1624331270000</created_at>\n"
                + "\t<uid>" + UID + "</uid>\n\t<session_id>default</session_id>\n\t<hostname>vm</hostname>\n"
                + "\t<v4address />\n\t<v4data_port>" + port + "</v4data_port>\n\t<v4service_port>0</v4service_port>\n"
                + "\t<v6address />\n\t<v6data_port>0</v6data_port>\n\t<v6service_port>0</v6service_port>\n"
                + "\t<desc>\n\t\t<manufacturer>lslpeer</manufacturer>\n\t</desc>\n</info>\n";
    }

    /** Serves fullinfo and, for feed requests, the given bytes; records every request it got. */
    private static final class ScriptedOutlet implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        final List<String> requests = new CopyOnWriteArrayList<>();
        final Thread thread;

        ScriptedOutlet(byte[] feedBytes) throws IOException {
            thread = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        WireReader reader = new WireReader(socket.getInputStream(), 8192);
                        StringBuilder request = new StringBuilder(reader.readLine(4096));
                        boolean feed = request.toString().startsWith("LSL:streamfeed");
                        if (feed) {
                            for (String line = reader.readLine(4096); !line.isEmpty(); line = reader.readLine(4096)) {
                                request.append('\n').append(line);
                            }
                        }
                        // recorded before answering: the test reads it as soon as the answer has arrived
                        requests.add(request.toString());
                        socket.getOutputStream().write(feed ? feedBytes
                                : fullInfo(server.getLocalPort()).getBytes(StandardCharsets.UTF_8));
                        socket.getOutputStream().flush();
                    } catch (IOException e) {
                        // the next client
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        ResolvedStream stream() {
            StreamInfo info = StreamInfo.builder("LiblslOut", 4, 100, org.naoyu.acquisition.ChannelFormat.FLOAT32)
                    .uid(UID).sourceId("lslpeer-src").build();
            return new ResolvedStream(info, "127.0.0.1", server.getLocalPort(), 0, 110);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private static byte[] bytes(String header, String hex) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(HEX.parseHex(hex));
        return out.toByteArray();
    }

    private static String okHeader(String byteOrder) {
        return "LSL/110 200 OK\r\nUID: " + UID + "\r\nByte-Order: " + byteOrder + "\r\nSuppress-Subnormals: 0\r\n"
                + "Data-Protocol-Version: 110\r\n\r\n";
    }

    private static StreamInlet.Options noRecovery() {
        return StreamInlet.Options.defaults().withRecover(false);
    }

    @Test
    void decodesALiblslFeedIncludingADeducedFirstSample() throws Exception {
        // after the patterns: sample 1 deduced (no timestamp), sample 2 at t = 5.0; values 1..4 and 5..8
        String samples = "01 00 00 80 3f 00 00 00 40 00 00 40 40 00 00 80 40 "
                + "02 00 00 00 00 00 00 14 40 00 00 a0 40 00 00 c0 40 00 00 e0 40 00 00 00 41";
        try (ScriptedOutlet fake = new ScriptedOutlet(bytes(okHeader("1234"), PATTERNS_LE + " " + samples));
             StreamInlet inlet = StreamInlet.open(fake.stream(), CONFIG, noRecovery())) {
            Chunk received = LslTestSupport.pullAll(inlet, 2, Duration.ofSeconds(5));
            assertArrayEquals(new double[] {0.01, 5.0}, received.timestamps(),
                    "a deduced first sample counts from 0.0, as liblsl's inlet does (§8.2)");
            assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, received.float32Values());
            assertEquals("lslpeer", inlet.fullInfoXml().contains("<manufacturer>lslpeer</manufacturer>") ? "lslpeer"
                    : "missing", "the full info is kept as served");
            String request = fake.requests.stream().filter(r -> r.startsWith("LSL:streamfeed")).findFirst()
                    .orElseThrow();
            assertTrue(request.startsWith("LSL:streamfeed/110 " + UID + "\n"), request);
            for (String header : new String[] {"Native-Byte-Order: 1234", "Has-IEEE754-Floats: 1",
                    "Supports-Subnormals: 1", "Value-Size: 4", "Data-Protocol-Version: 110",
                    "Max-Buffer-Length: 36000", "Max-Chunk-Length: 0"}) {
                assertTrue(request.contains("\n" + header + "\n") || request.endsWith("\n" + header), header);
            }
        }
    }

    @Test
    void decodesBigEndianWhenTheOutletSaysSo() throws Exception {
        String patternsBe = "02 40 fe 24 0c 9f be 76 c9 40 80 00 00 c0 a0 00 00 40 c0 00 00 c0 e0 00 00 "
                + "02 40 fe 24 0c 9f be 76 c9 40 00 00 00 c0 40 00 00 40 80 00 00 c0 a0 00 00";
        String sample = "02 40 14 00 00 00 00 00 00 3f 80 00 00 40 00 00 00 40 40 00 00 40 80 00 00";
        try (ScriptedOutlet fake = new ScriptedOutlet(bytes(okHeader("4321"), patternsBe + " " + sample));
             StreamInlet inlet = StreamInlet.open(fake.stream(), CONFIG, noRecovery())) {
            Chunk received = LslTestSupport.pullAll(inlet, 1, Duration.ofSeconds(5));
            assertArrayEquals(new double[] {5.0}, received.timestamps());
            assertArrayEquals(new float[] {1, 2, 3, 4}, received.float32Values());
        }
    }

    @Test
    void aWrongTestPatternFailsTheConnectionWithAReason() throws Exception {
        String corrupted = PATTERNS_LE.substring(0, PATTERNS_LE.length() - 2) + "c1";
        try (ScriptedOutlet fake = new ScriptedOutlet(bytes(okHeader("1234"), corrupted))) {
            IOException e = assertThrows(IOException.class,
                    () -> StreamInlet.open(fake.stream(), CONFIG, noRecovery()));
            assertTrue(e.getMessage().startsWith("test pattern 2 from 'LiblslOut'"), e.getMessage());
            assertTrue(e.getMessage().contains("expected [2.0, -3.0, 4.0, -5.0]"), e.getMessage());
        }
    }

    @Test
    void refusalsAndGarbageAreReportedWithTheOutletsWords() throws Exception {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"LSL/110 404 Not found", "refused the feed: 404 Not found"});
        cases.add(new String[] {"LSL/110 505 Version not supported", "refused the feed: 505 Version not supported"});
        cases.add(new String[] {"HTTP/1.1 400 Bad Request\r\n\r\n", "'HTTP/1.1 400 Bad Request', not an LSL status line"});
        cases.add(new String[] {"LSL/110 200 OK\r\nUID: someone-else\r\n\r\n", "answered with uid someone-else"});
        cases.add(new String[] {"LSL/110 200 OK\r\nUID: " + UID + "\r\nData-Protocol-Version: 100\r\n\r\n",
            "wants data protocol 100; naoyu decodes 110 only"});
        for (String[] scenario : cases) {
            try (ScriptedOutlet fake = new ScriptedOutlet(scenario[0].getBytes(StandardCharsets.US_ASCII))) {
                IOException e = assertThrows(IOException.class,
                        () -> StreamInlet.open(fake.stream(), CONFIG, noRecovery()));
                assertTrue(e.getMessage().contains(scenario[1]), e.getMessage());
            }
        }
    }

    @Test
    void aFeedThatBreaksMidStreamMakesAStreamWithoutRecoveryLost() throws Exception {
        String halfSample = "02 00 00 00 00 00 00 14 40 00 00 80 3f";
        try (ScriptedOutlet fake = new ScriptedOutlet(bytes(okHeader("1234"), PATTERNS_LE + " " + halfSample));
             StreamInlet inlet = StreamInlet.open(fake.stream(), CONFIG, noRecovery())) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!inlet.isLost() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(inlet.isLost());
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> inlet.pullChunk(1, Duration.ofMillis(10)));
            assertEquals("stream 'LiblslOut' is lost: the connection was closed by the peer after 194 bytes",
                    e.getMessage(), "131 header bytes + 50 test-pattern bytes + 13 of the broken sample");
        }
    }
}
