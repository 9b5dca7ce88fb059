package org.naoyu.speller.bench;

import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.decoder.language.SentenceDecoder;
import org.naoyu.decoder.model.ModelFile;
import org.naoyu.decoder.model.TrainedModel;
import org.naoyu.speller.launch.DemoSetup;
import org.naoyu.speller.launch.SimulatedParticipant;
import org.naoyu.speller.session.LatencyStats;
import org.naoyu.speller.session.OnlineSession;
import org.naoyu.speller.training.ModelTraining;
import org.naoyu.speller.web.CjkFont;
import org.naoyu.speller.web.Speech;
import org.naoyu.speller.web.SpellerServer;

/**
 * The simulator live over LSL on loopback, an online session on it (cued sentences, so every attempt is decoded), its
 * web server, and one page listening on the WebSocket, for the measured seconds after a warm-up: latency per stage
 * and end to end, deadline misses, samples received against sent, and the collector's pauses.
 */
public final class RealTimeRun {
    private static final double WARM_UP_SECONDS = 8;
    private static final Duration STREAM_WAIT = Duration.ofSeconds(10);

    private final double rateHz;
    private final SentenceDecoder language;
    private final Path work;
    private final PrintWriter progress;

    /** @param work where the sessions write their recordings */
    public RealTimeRun(double rateHz, SentenceDecoder language, Path work, PrintWriter progress) {
        this.rateHz = rateHz;
        this.language = language;
        this.work = work;
        this.progress = progress;
    }

    public RealTime measure(ModelFile.Loaded model, int channels, double realSeconds) throws Exception {
        LslConfig lsl = LslConfig.load();
        SimulatedParticipant participant = new SimulatedParticipant(DemoSetup.simulator(channels, rateHz, 6, 2), lsl,
                "naoyu-bench");
        progress.printf(Locale.ROOT, "  %d ch: real time through LSL for %.0f s (after %.0f s of warm-up)%n", channels,
                realSeconds, WARM_UP_SECONDS);
        progress.flush();
        try {
            OnlineSession.Options options = new OnlineSession.Options(participant.signal(STREAM_WAIT),
                    participant.markers(STREAM_WAIT), lsl, work.resolve("session-" + channels),
                    null, Map.of(), ModelTraining.forSessionCalibration(TrainedModel.Kind.LINEAR), null, OnlineSession.Phase.CUED_SENTENCES);
            AtomicLong pageAttempts = new AtomicLong();
            try (OnlineSession session = OnlineSession.start(options, model, language);
                    SpellerServer server = SpellerServer.start(session, "127.0.0.1", false, 0, Speech.find("cmn"),
                            CjkFont.find())) {
                WebSocket page = openPage(server.port(), pageAttempts);
                // the flight recorder starts during the warm-up: its own start-up stall is not the pipeline's
                GcPauses gc = new GcPauses();
                long samplesBefore;
                long start;
                try {
                    watch(session, participant, WARM_UP_SECONDS);
                    session.latency().reset();
                    gc.startCounting();
                    pageAttempts.set(0);
                    samplesBefore = samples(session);
                    start = System.nanoTime();
                    watch(session, participant, realSeconds);
                } finally {
                    gc.close();
                }
                double measured = (System.nanoTime() - start) / 1e9;
                long samplesAfter = samples(session);
                LatencyStats stats = session.latency();
                List<Stage> stages = stats.summaries().stream().map(Stage::of).toList();
                long attempts = stages.get(LatencyStats.Stage.END_TO_END.ordinal()).count();
                long delivered = stages.get(LatencyStats.Stage.TO_PAGES.ordinal()).count();
                // an attempt that never reached the page is a miss too
                long misses = stats.countAbove(LatencyStats.Stage.TO_PAGES, (long) (Budget.END_TO_END_P99_MS * 1e6))
                        + Math.max(0, attempts - delivered);
                RealTime result = new RealTime(realSeconds, stages, attempts, pageAttempts.get(), misses,
                        stats.countAbove(LatencyStats.Stage.DSP_BLOCK, (long) (Budget.DSP_P99_MS * 1e6)),
                        Math.round(measured * rateHz), samplesAfter - samplesBefore, gc.pauses().size(),
                        gc.maxMillis(), gc.countOver(Budget.GC_PAUSE_MS), GcPauses.collectorNames());
                page.abort();
                progress.printf(Locale.ROOT, "  %d ch: %d attempts, end to end p99 %.2f ms, dsp p99 %.3f ms, "
                        + "%d GC pauses (max %.3f ms)%n", channels, result.attempts(),
                        result.stage(LatencyStats.Stage.TO_PAGES).p99Ms(),
                        result.stage(LatencyStats.Stage.DSP_BLOCK).p99Ms(), result.gcPauses(), result.gcMaxMs());
                progress.flush();
                return result;
            }
        } finally {
            participant.close();
        }
    }

    /** A page on the server's WebSocket that counts the attempts it is sent. */
    private static WebSocket openPage(int port, AtomicLong attempts) throws Exception {
        return HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(
                "ws://127.0.0.1:" + port + "/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        if (data.toString().startsWith("{\"event\":\"attempt\"")) {
                            attempts.incrementAndGet();
                        }
                        socket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    /** Waits {@code seconds}, failing early when the session or the simulator stops. */
    private static void watch(OnlineSession session, SimulatedParticipant simulator, double seconds)
            throws InterruptedException {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            if (session.failure() != null) {
                throw new IllegalStateException("the session stopped: " + session.failure().getMessage());
            }
            if (!simulator.isAlive()) {
                throw new IllegalStateException("the simulator stopped: " + simulator.failure());
            }
            Thread.sleep(Math.max(1, Math.min(200, (end - System.nanoTime()) / 1_000_000)));
        }
    }

    /** The samples the session has received so far, from its operator status. */
    private static long samples(OnlineSession session) {
        return session.operatorStatus().stream().samples();
    }
}
