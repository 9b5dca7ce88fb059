package org.naoyu.speller.launch;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.ResolvedStream;
import org.naoyu.acquisition.lsl.StreamResolver;
import org.naoyu.speller.session.OnlineSession;
import org.naoyu.speller.session.event.SessionEvent;
import org.naoyu.speller.support.CommandFailure;
import org.naoyu.speller.web.CjkFont;
import org.naoyu.speller.web.Speech;
import org.naoyu.speller.web.SpellerServer;

/** What {@code naoyu run} and {@code naoyu demo} share: the web server or headless output, and running until told. */
public final class SessionLauncher {

    /**
     * How the session is shown and how long it runs: the web speller on {@code bind:port} (127.0.0.1 unless the
     * operator chose a network), or sentences on stdout; until {@code seconds} pass (null: until Ctrl-C).
     */
    public record Serving(int port, String bind, boolean headless, Double seconds) {
    }

    private SessionLauncher() {
    }

    /** The first stream matching a name or an LSL predicate, or exit code 2 naming what was looked for. */
    public static ResolvedStream resolve(LslConfig config, String query, Duration timeout) throws Exception {
        List<ResolvedStream> found = StreamResolver.resolve(config, predicate(query), 1, timeout);
        if (found.isEmpty()) {
            throw new CommandFailure(CommandFailure.EXIT_NOT_FOUND, "no stream matches '" + query + "' (looked "
                    + timeout.toMillis() / 1000.0 + " s, scope " + config.scope().configName()
                    + "); 'naoyu lsl list' shows what is there");
        }
        return found.get(0);
    }

    /** A stream query as the command line takes it: a bare name ({@code naoyu-task}) or an LSL predicate. */
    public static String predicate(String query) {
        return query.matches("[\\w.:-]+") ? "name='" + query + "'" : query;
    }

    /** Serves the session (web UI, or sentences on stdout) until --seconds pass, Ctrl-C, or the session fails. */
    public static int serve(OnlineSession session, Serving serve, PrintWriter out) throws Exception {
        if (serve.seconds() != null && !(serve.seconds() > 0 && serve.seconds() <= 30 * 86_400)) {
            throw new IllegalArgumentException("--seconds must be in (0, 2592000], got " + serve.seconds());
        }
        SpellerServer server = null;
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            if (serve.headless()) {
                session.addObserver(event -> printSentence(event, out));
            } else {
                server = SpellerServer.start(session, serve.bind() == null ? "127.0.0.1" : serve.bind(),
                        serve.bind() != null, serve.port(), Speech.find("cmn"), CjkFont.find());
                out.println("participant view: " + server.participantUrl());
                out.println("operator view:    " + server.operatorUrl());
                out.println("operator token:   " + server.token());
            }
            out.println("stream " + session.signalInfo().name() + ", " + session.signalInfo().channelCount()
                    + " ch; publishing '" + OnlineSession.OUTLET_NAME + "'; phase " + session.phase().id()
                    + (serve.seconds() == null ? "; Ctrl-C to stop" : "; stopping after " + serve.seconds() + " s"));
            out.flush();
            SpellerServer shown = server;
            Thread hook = new Thread(() -> {
                stopped.countDown();
                close(session, shown);
            }, "session-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            long end = serve.seconds() == null ? Long.MAX_VALUE : System.nanoTime() + (long) (serve.seconds() * 1e9);
            while (System.nanoTime() < end && session.failure() == null
                    && !stopped.await(Math.min(200_000_000L, Math.max(1, end - System.nanoTime())),
                    TimeUnit.NANOSECONDS)) {
                // waiting: the session and the server run on their own threads
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                return 0; // Ctrl-C: the hook closes everything
            }
        } finally {
            if (stopped.getCount() > 0) {
                close(session, server);
            }
        }
        if (session.failure() != null) {
            throw new CommandFailure(CommandFailure.EXIT_ERROR, "the session stopped: " + session.failure().getMessage());
        }
        out.printf(Locale.ROOT, "session ended: %d sentence(s)%n", session.sentences().size());
        out.flush();
        return 0;
    }

    private static void printSentence(SessionEvent event, PrintWriter out) {
        if (!(event instanceof SessionEvent.Sentence sentence)) {
            return;
        }
        String text = sentence.text();
        String cued = sentence.cued();
        synchronized (out) {
            out.println(text.isEmpty() ? "(nothing decoded)" : text + (cued.isEmpty() ? ""
                    : "\t(cued " + cued + ": " + sentence.correct() + "/" + sentence.of() + " characters)"));
            out.flush();
        }
    }

    private static void close(OnlineSession session, SpellerServer server) {
        if (server != null) {
            server.close();
        }
        try {
            session.close();
        } catch (Exception e) {
            System.err.println("naoyu: closing the session: " + e.getMessage());
        }
    }
}
