package org.naoyu.speller.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.naoyu.speller.session.Events;
import org.naoyu.speller.session.OnlineSession;
import org.naoyu.speller.session.event.SessionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web speller: the participant view ({@code /}), the operator view ({@code /operator}), a WebSocket
 * ({@code /ws}) that pushes the session's events, and a small JSON API. Binds to 127.0.0.1 unless the caller chose
 * another address explicitly; operator actions and operator data need the token printed at start, sent as
 * {@code Authorization: Bearer TOKEN} (HTTP) or in an {@code auth} message (WebSocket). Everything the pages use is
 * served from the jar: no CDN.
 */
public final class SpellerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpellerServer.class);

    private final OnlineSession session;
    private final String token;
    private final Javalin app;
    private final PageSockets pages;
    private final ScheduledExecutorService ticker;
    private final Speech speech;
    private final CjkFont font;
    private final String host;

    private SpellerServer(OnlineSession session, String host, int port, Speech speech, CjkFont font) {
        this.session = session;
        this.host = host;
        this.speech = speech;
        this.font = font;
        this.pages = new PageSockets(session.latency());
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        this.token = HexFormat.of().formatHex(random);
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jetty.defaultHost = host;
            config.jetty.defaultPort = port;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
                files.headers = Map.of("Cache-Control", "no-cache");
            });
        });
        routes();
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "naoyu-web-status");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts serving {@code session} on {@code host:port} (port 0: any free port).
     *
     * @param hostChosen whether the user named the address (--bind); only then may it be outside loopback
     */
    public static SpellerServer start(OnlineSession session, String host, boolean hostChosen, int port,
            Speech speech, CjkFont font) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be in [0, 65535], got " + port);
        }
        if (!isLoopback(host) && !hostChosen) {
            throw new IllegalArgumentException("refusing to serve the speller on " + host + ", outside loopback: "
                    + "brain data stays on this machine unless you say otherwise with --bind ADDRESS");
        }
        SpellerServer server = new SpellerServer(session, host, port, speech, font);
        server.app.start();
        server.pages.start();
        session.addObserver(new OnlineSession.Observer() {
            @Override
            public void event(SessionEvent event) {
                server.pages.broadcast(event, 0);
            }

            @Override
            public void event(SessionEvent event, long receivedNanos) {
                server.pages.broadcast(event, receivedNanos);
            }
        });
        server.ticker.scheduleWithFixedDelay(server::pushStatus, 250, 500, TimeUnit.MILLISECONDS);
        if (!isLoopback(host)) {
            LOG.warn("the speller is served on {}, outside loopback, as --bind asked", host);
        }
        return server;
    }

    /** Whether {@code host} is a loopback address (127.0.0.0/8, ::1, localhost), without asking DNS. */
    public static boolean isLoopback(String host) {
        if (host.equals("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return false; // a name other than localhost would need DNS; only literal addresses are judged
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public int port() {
        return app.port();
    }

    public String token() {
        return token;
    }

    /** The participant view's address. */
    public String participantUrl() {
        return "http://" + urlHost() + ":" + port() + "/";
    }

    /** The operator view's address with the token in the fragment (never sent to the server or its logs). */
    public String operatorUrl() {
        return "http://" + urlHost() + ":" + port() + "/operator.html#token=" + token;
    }

    private String urlHost() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private void routes() {
        app.before(ctx -> {
            // a page from elsewhere reaching this server through a rebound DNS name is turned away
            if (!allowedHost(ctx.header("Host"))) {
                ctx.status(403).contentType("application/json").result(Events.json(Map.of("error",
                        "this speller answers only to its own address, not to '" + ctx.header("Host") + "'")));
                ctx.skipRemainingHandlers();
                return;
            }
            // the pages never load anything from elsewhere, nor may they be framed; say so to the browser too
            ctx.header("Content-Security-Policy", "default-src 'self'; connect-src 'self' ws://" + ctx.header("Host")
                    + "; media-src 'self' blob:; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                    + "font-src 'self'; frame-ancestors 'none'");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Referrer-Policy", "no-referrer");
        });
        app.get("/api/participant", ctx -> json(ctx, participant()));
        app.get("/api/latency", ctx -> {
            if (authorised(ctx)) {
                json(ctx, session.latency().summaries());
            }
        });
        app.get("/api/status", ctx -> {
            if (authorised(ctx)) {
                json(ctx, session.operatorStatus());
            }
        });
        app.post("/api/action/{name}", this::action);
        app.get("/api/speech", ctx -> json(ctx, Map.of("available", speech.available(), "voice", speech.voice(),
                "reason", speech.reason())));
        app.get("/api/speech/{index}", this::speak);
        app.get("/fonts/cjk", ctx -> {
            if (font.file() == null) {
                ctx.status(404).result("no CJK font installed; the browser's own fonts are used");
                return;
            }
            ctx.contentType(font.mimeType());
            ctx.header("Cache-Control", "max-age=86400");
            ctx.result(Files.newInputStream(font.file()));
        });
        app.ws("/ws", ws -> {
            ws.onConnect(ctx -> {
                // browsers let any page open a WebSocket to 127.0.0.1: only naoyu's own pages may listen
                String origin = ctx.header("Origin");
                if (!allowedHost(ctx.header("Host")) || origin != null && !allowedOrigin(origin)) {
                    ctx.closeSession(1008, "only naoyu's own pages may connect");
                    return;
                }
                ctx.session.setIdleTimeout(java.time.Duration.ofSeconds(60));
                ctx.enableAutomaticPings(15, TimeUnit.SECONDS, java.nio.ByteBuffer.allocate(0));
                pages.add(ctx);
                pages.send(ctx, Events.json(new PageMessage.Hello(participant())));
            });
            ws.onMessage(ctx -> {
                Map<String, Object> message;
                try {
                    message = Events.parse(ctx.message());
                } catch (IllegalArgumentException e) {
                    pages.send(ctx, Events.json(new PageMessage.NotUnderstood("not understood: " + e.getMessage())));
                    return;
                }
                if ("auth".equals(message.get("type"))) {
                    if (matches(String.valueOf(message.get("token")))) {
                        pages.addOperator(ctx);
                        pages.send(ctx, Events.json(new PageMessage.Auth(true, null)));
                        pages.send(ctx, Events.json(status()));
                    } else {
                        pages.send(ctx, Events.json(new PageMessage.Auth(false,
                                "wrong token: use the operator address printed when naoyu started")));
                    }
                }
            });
            ws.onClose(pages::remove);
            ws.onError(pages::remove);
        });
        app.exception(IllegalArgumentException.class, (e, ctx) -> ctx.status(400).contentType("application/json")
                .result(Events.json(Map.of("error", e.getMessage()))));
        app.exception(IllegalStateException.class, (e, ctx) -> ctx.status(409).contentType("application/json")
                .result(Events.json(Map.of("error", e.getMessage()))));
    }

    private PageMessage.ParticipantView participant() {
        return PageMessage.ParticipantView.of(session.participantState(),
                session.sentences().stream().map(SessionEvent.Sentence::text).toList(), speech.available(),
                speech.reason());
    }

    private PageMessage.Status status() {
        return new PageMessage.Status(session.operatorStatus());
    }

    private void action(Context ctx) throws InterruptedException {
        if (!authorised(ctx)) {
            return;
        }
        String name = ctx.pathParam("name");
        Map<String, Object> body = ctx.body().isBlank() ? Map.of() : Events.parse(ctx.body());
        CompletableFuture<Object> done = switch (name) {
            case "undo" -> session.undo();
            case "commit" -> session.commit();
            case "clear" -> session.clear();
            case "train" -> session.train();
            case "phase" -> session.setPhase(OnlineSession.Phase.parse(String.valueOf(body.get("phase"))));
            case "bad" -> {
                Object channel = body.get("channel");
                Object bad = body.getOrDefault("bad", Boolean.TRUE);
                if (!(channel instanceof Integer n) || !(bad instanceof Boolean b)) {
                    throw new IllegalArgumentException("bad needs {\"channel\": N, \"bad\": true|false}, got "
                            + Events.json(body));
                }
                yield session.setBad(n, b);
            }
            default -> throw new IllegalArgumentException("unknown action '" + name + "'; actions are undo, commit, "
                    + "clear, train, phase, bad");
        };
        try {
            done.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException refused) {
            Throwable why = refused.getCause();
            if (why instanceof IllegalArgumentException e) {
                throw e;
            }
            if (why instanceof IllegalStateException e) {
                throw e;
            }
            throw new IllegalStateException(name + " failed: " + why, why);
        } catch (TimeoutException busy) {
            ctx.status(503).contentType("application/json").result(Events.json(Map.of("error", "the session did "
                    + "not take '" + name + "' within 5 s; it is queued and may still happen")));
            return;
        }
        json(ctx, Map.of("ok", true, "action", name));
    }

    private void speak(Context ctx) throws Exception {
        int index;
        try {
            index = Integer.parseInt(ctx.pathParam("index"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("speech index must be a sentence number, got '"
                    + ctx.pathParam("index") + "'");
        }
        List<SessionEvent.Sentence> sentences = session.sentences();
        if (index < 0 || index >= sentences.size()) {
            throw new IllegalArgumentException("sentence must be in [0, " + (sentences.size() - 1) + "], got "
                    + index);
        }
        if (!speech.available()) {
            ctx.status(503).result(speech.reason());
            return;
        }
        ctx.contentType("audio/wav");
        ctx.result(speech.wav(sentences.get(index).text()));
    }

    private boolean authorised(Context ctx) {
        String header = ctx.header("Authorization");
        String given = header != null && header.startsWith("Bearer ") ? header.substring(7).trim() : null;
        if (given == null || !matches(given)) {
            ctx.status(401).contentType("application/json").result(Events.json(Map.of("error",
                    given == null ? "operator actions need the token printed when naoyu started (Authorization: "
                            + "Bearer TOKEN)" : "wrong token")));
            return false;
        }
        return true;
    }

    private boolean matches(String given) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    private static void json(Context ctx, Object value) {
        ctx.contentType("application/json; charset=utf-8").result(Events.json(value));
    }

    private void pushStatus() {
        if (!pages.hasOperators()) {
            return;
        }
        try {
            pages.sendToOperators(Events.json(status()));
        } catch (RuntimeException e) {
            LOG.warn("operator status: {}", e.toString());
        }
    }

    /** Host headers this server answers to: its own address and port (and localhost when on loopback). */
    private boolean allowedHost(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String port = ":" + port();
        if (hostHeader.equals(urlHost() + port)) {
            return true;
        }
        return isLoopback(host) && (hostHeader.equals("localhost" + port) || hostHeader.equals("127.0.0.1" + port)
                || hostHeader.equals("[::1]" + port));
    }

    private boolean allowedOrigin(String origin) {
        return origin.startsWith("http://") && allowedHost(origin.substring("http://".length()));
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        pages.stop();
        app.stop();
    }
}
