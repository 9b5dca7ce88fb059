package org.naoyu.speller.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.decoder.language.PinyinConverter;
import org.naoyu.decoder.model.TrainedModel;
import org.naoyu.speller.LiveParticipant;
import org.naoyu.speller.launch.SessionLauncher;
import org.naoyu.speller.session.Events;
import org.naoyu.speller.session.OnlineSession;
import org.naoyu.speller.training.ModelTraining;

/**
 * The web server's rules: operator actions and data need the token, bad requests are refused with what was wrong,
 * the server stays on loopback unless told, and the pages load nothing from elsewhere. A session without a model on a
 * live simulated stream stands behind it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class SpellerServerTest {
    @TempDir
    static Path dir;

    LiveParticipant participant;
    OnlineSession session;
    SpellerServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        participant = new LiveParticipant(16, 1000, 6, 4);
        LslConfig lsl = LslConfig.defaults();
        OnlineSession.Options options = new OnlineSession.Options(
                SessionLauncher.resolve(lsl, participant.signalQuery(), Duration.ofSeconds(10)), null, lsl, dir,
                null, Map.of(), ModelTraining.forSessionCalibration(TrainedModel.Kind.LINEAR), null, OnlineSession.Phase.WATCHING);
        session = OnlineSession.start(options, null, PinyinConverter.shipped().decoder());
        server = SpellerServer.start(session, "127.0.0.1", false, 0, Speech.find("cmn"), CjkFont.find());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        session.close();
        participant.close();
    }

    @Test
    void operatorActionsNeedTheToken() throws Exception {
        HttpResponse<String> none = post("undo", null, "");
        assertEquals(401, none.statusCode());
        assertTrue(none.body().contains("operator actions need the token"), none.body());
        HttpResponse<String> wrong = post("undo", "0".repeat(32), "");
        assertEquals(401, wrong.statusCode());
        assertTrue(wrong.body().contains("wrong token"), wrong.body());
        assertEquals(401, get("/api/status", null).statusCode());
        assertEquals(401, get("/api/latency", null).statusCode());
        assertEquals(200, get("/api/latency", server.token()).statusCode());
        HttpResponse<String> undo = post("undo", server.token(), "");
        assertEquals(409, undo.statusCode(), "signed in, but there is nothing to undo while watching");
        assertTrue(undo.body().contains("undo works while spelling"), undo.body());
        HttpResponse<String> status = get("/api/status", server.token());
        assertEquals(200, status.statusCode());
        assertEquals(16, ((Number) ((Map<?, ?>) Events.parse(status.body()).get("stream")).get("channels"))
                .intValue());
    }

    @Test
    void badRequestsSayWhatWasWrong() throws Exception {
        HttpResponse<String> channel = post("bad", server.token(), "{\"channel\": 99}");
        assertEquals(400, channel.statusCode());
        assertTrue(channel.body().contains("channel must be in [0, 15], got 99"), channel.body());
        HttpResponse<String> unknown = post("dance", server.token(), "");
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("unknown action 'dance'"), unknown.body());
        HttpResponse<String> phase = post("phase", server.token(), "{\"phase\": \"free-spelling\"}");
        assertEquals(409, phase.statusCode());
        assertTrue(phase.body().contains("needs a model"), phase.body());
        HttpResponse<String> calibration = post("phase", server.token(), "{\"phase\": \"calibration\"}");
        assertEquals(400, calibration.statusCode());
        assertTrue(calibration.body().contains("needs the task's marker stream"), calibration.body());
        HttpResponse<String> train = post("train", server.token(), "");
        assertEquals(409, train.statusCode());
        assertTrue(train.body().contains("train needs a calibration first"), train.body());
        HttpResponse<String> garbage = post("bad", server.token(), "{not json");
        assertEquals(400, garbage.statusCode());
        HttpResponse<String> nothing = post("bad", server.token(), "null");
        assertEquals(400, nothing.statusCode());
        assertTrue(nothing.body().contains("expected a JSON object"), nothing.body());
        HttpResponse<String> notBoolean = post("bad", server.token(), "{\"channel\": 3, \"bad\": \"no\"}");
        assertEquals(400, notBoolean.statusCode());
        assertTrue(notBoolean.body().contains("bad needs {") && notBoolean.body().contains("true|false"),
                notBoolean.body());
        HttpResponse<String> speech = get("/api/speech/0", null);
        assertEquals(400, speech.statusCode());
        assertTrue(speech.body().contains("sentence must be in"), speech.body());
    }

    @Test
    void markingAChannelBadReachesTheSession() throws Exception {
        List<?> before = session.operatorStatus().badChannels();
        int channel = 0;
        while (before.contains(channel)) {
            channel++; // one the start-up check did not mark already
        }
        assertEquals(200, post("bad", server.token(), "{\"channel\": " + channel + ", \"bad\": true}")
                .statusCode());
        assertTrue(session.operatorStatus().badChannels().contains(channel),
                "the action has run when the answer comes");
        assertEquals(200, post("bad", server.token(), "{\"channel\": " + channel + ", \"bad\": false}")
                .statusCode());
        assertEquals(before, session.operatorStatus().badChannels());
    }

    @Test
    void pagesFromElsewhereAreTurnedAway() throws Exception {
        // DNS rebinding: a foreign name pointing at 127.0.0.1 reaches the port, but not the speller
        String answer = raw("GET /api/participant HTTP/1.1\r\nHost: evil.example:" + server.port()
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 403"), answer);
        // a page of another site opening the WebSocket is closed before it hears anything
        String upgrade = raw("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13"
                + "\r\nOrigin: http://evil.example\r\n\r\n");
        assertFalse(upgrade.contains("hello"), upgrade);
        assertTrue(upgrade.contains("only naoyu's own pages may connect"), upgrade);
    }

    /** Sends a request as bytes (so Host and Origin can be anything) and returns what came back within 2 s. */
    private String raw(String request) throws IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(2000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            java.io.ByteArrayOutputStream answer = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (java.net.SocketTimeoutException enough) {
                // the server keeps the connection; what came is enough
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void theServerStaysOnLoopbackUnlessToldOtherwise() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> SpellerServer.start(session, "0.0.0.0", false, 0, Speech.find("cmn"), CjkFont.find()));
        assertTrue(refused.getMessage().contains("outside loopback") && refused.getMessage().contains("--bind"),
                refused.getMessage());
        assertTrue(SpellerServer.isLoopback("127.0.0.1"));
        assertTrue(SpellerServer.isLoopback("127.5.0.1"));
        assertTrue(SpellerServer.isLoopback("localhost"));
        assertTrue(SpellerServer.isLoopback("::1"));
        assertFalse(SpellerServer.isLoopback("0.0.0.0"));
        assertFalse(SpellerServer.isLoopback("192.168.1.20"));
        assertFalse(SpellerServer.isLoopback("ward-pc.example"));
        assertTrue(server.participantUrl().startsWith("http://127.0.0.1:"));
        // the token travels in the fragment, which browsers never send to the server
        assertTrue(server.operatorUrl().contains("/operator.html#token=" + server.token()));
    }

    @Test
    void thePagesLoadNothingFromElsewhere() throws Exception {
        Pattern external = Pattern.compile("(?:src|href|url)\\s*[=(]\\s*[\"']?(?:https?:)?//", Pattern.CASE_INSENSITIVE);
        for (String page : List.of("/", "/operator.html", "/speller.css", "/socket.js", "/participant.js",
                "/operator.js")) {
            HttpResponse<String> response = get(page, null);
            assertEquals(200, response.statusCode(), page);
            Matcher m = external.matcher(response.body());
            assertFalse(m.find(), page + " refers outside naoyu: " + (m.hitEnd() ? "" : response.body()
                    .substring(m.start(), Math.min(response.body().length(), m.start() + 60))));
            assertTrue(response.headers().firstValue("Content-Security-Policy").orElse("")
                    .contains("default-src 'self'"), page);
        }
        assertTrue(get("/", null).body().contains("脑语"));
    }

    @Test
    void theWebSocketGreetsEveryPageButShowsOperatorDataOnlyWithTheToken() throws Exception {
        LinkedBlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/ws"),
                new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            received.add(Events.parse(text.toString()));
                            text.setLength(0);
                        }
                        socket.request(1);
                        return null;
                    }
                }).get(5, TimeUnit.SECONDS);
        try {
            assertEquals("hello", received.poll(5, TimeUnit.SECONDS).get("event"));
            ws.sendText("{\"type\": \"auth\", \"token\": \"nope\"}", true).get(5, TimeUnit.SECONDS);
            Map<String, Object> answer = next(received, "auth");
            assertEquals(false, answer.get("ok"));
            Thread.sleep(800); // the operator status goes out every 500 ms, to signed-in pages only
            assertTrue(received.stream().noneMatch(e -> "status".equals(e.get("event"))), received.toString());
            assertEquals(200, post("bad", server.token(), "{\"channel\": 1, \"bad\": true}").statusCode());
            assertEquals(200, post("bad", server.token(), "{\"channel\": 1, \"bad\": false}").statusCode());
            Thread.sleep(300);
            assertTrue(received.stream().noneMatch(e -> "log".equals(e.get("event"))),
                    "the session log is for operators: " + received);
            ws.sendText("{\"type\": \"auth\", \"token\": \"" + server.token() + "\"}", true).get(5, TimeUnit.SECONDS);
            assertEquals(true, next(received, "auth").get("ok"));
            Map<String, Object> status = next(received, "status");
            assertTrue(((Map<?, ?>) status.get("status")).containsKey("latency"));
        } finally {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    @Test
    void speechIsOfferedOnlyWhenEspeakNgIsThere() throws Exception {
        Map<String, Object> answer = Events.parse(get("/api/speech", null).body());
        Speech speech = Speech.find("cmn");
        assertEquals(speech.available(), answer.get("available"));
        if (speech.available()) {
            byte[] wav = speech.wav("我想喝水");
            assertEquals("RIFF", new String(wav, 0, 4, StandardCharsets.US_ASCII));
            assertTrue(wav.length > 8000, "a sentence is more than a click: " + wav.length + " bytes");
        } else {
            assertFalse(speech.reason().isBlank());
        }
        Speech missing = new Speech(null, "cmn", "espeak-ng is not installed");
        assertThrows(IllegalStateException.class, () -> missing.wav("你好"));
    }

    private static Map<String, Object> next(LinkedBlockingQueue<Map<String, Object>> queue, String kind)
            throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            Map<String, Object> e = queue.poll(100, TimeUnit.MILLISECONDS);
            if (e != null && kind.equals(e.get("event"))) {
                return e;
            }
        }
        throw new AssertionError("no '" + kind + "' event within 5 s; left: " + queue);
    }

    private HttpResponse<String> post(String action, String token, String body) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/api/action/" + action)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
