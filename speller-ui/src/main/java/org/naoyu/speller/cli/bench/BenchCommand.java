package org.naoyu.speller.cli.bench;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.datasets.simulate.BadChannel;
import org.naoyu.datasets.simulate.EcogSimulator;
import org.naoyu.datasets.simulate.SimulationRun;
import org.naoyu.datasets.simulate.SimulatorConfig;
import org.naoyu.datasets.simulate.TimedMarker;
import org.naoyu.decoder.data.EpochConfig;
import org.naoyu.decoder.language.PinyinConverter;
import org.naoyu.decoder.language.SentenceDecoder;
import org.naoyu.decoder.model.ModelFile;
import org.naoyu.speller.bench.GcPauses;
import org.naoyu.speller.cli.options.HelpOption;
import org.naoyu.speller.launch.DemoSetup;
import org.naoyu.speller.launch.SimulatedParticipant;
import org.naoyu.speller.report.BenchReport;
import org.naoyu.speller.session.Events;
import org.naoyu.speller.session.LatencyStats;
import org.naoyu.speller.session.OnlineSession;
import org.naoyu.speller.session.SpellerPipeline;
import org.naoyu.speller.support.Json;
import org.naoyu.speller.training.ModelTraining;
import org.naoyu.speller.web.CjkFont;
import org.naoyu.speller.web.Speech;
import org.naoyu.speller.web.SpellerServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code naoyu bench}: the real-time budget, measured. The whole pipeline runs on the simulator twice: in real time
 * through LSL on loopback into an online session with its web server and one page listening (latency per stage, end
 * to end, deadline misses, GC pauses), and in-process as fast as possible (real-time factor). Exits 3 when a budget
 * line is missed, so a release can be gated on it.
 */
@Command(name = "bench",
        description = "Measure the real-time budget: the full pipeline on simulated input, in real time through LSL "
                + "on loopback (latency per stage and end to end, deadline misses, GC pauses) and in-process as fast "
                + "as possible (real-time factor); checks the budget (docs/BUDGET.md) and exits 3 when a line is "
                + "missed. --report adds a sweep over channel counts with plots.")
public final class BenchCommand implements Callable<Integer> {
    static final int EXIT_BUDGET_MISSED = 3;

    /** The budget of docs/BUDGET.md. */
    public static final double END_TO_END_P99_MS = 20;
    public static final double DSP_P99_MS = 1;
    static final double GC_PAUSE_MS = 5;
    public static final double REAL_TIME_FACTOR = 20;

    @Mixin
    HelpOption help;

    @Option(names = "--channels", paramLabel = "N", defaultValue = "256",
            description = "Channels (default ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--rate", paramLabel = "HZ", defaultValue = "2000",
            description = "Sampling rate (default ${DEFAULT-VALUE} Hz).")
    double rate;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "60",
            description = "Length of the real-time run (default ${DEFAULT-VALUE} s; the budget's GC line is meant "
                    + "for 600).")
    double seconds;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Option(names = "--report", paramLabel = "OUT.html",
            description = "Also sweep channel counts and write an HTML report with plots.")
    Path report;

    @Option(names = "--sweep", paramLabel = "N", split = ",", defaultValue = "64,128,256,512,1024",
            description = "Channel counts of the report's sweep (default ${DEFAULT-VALUE}).")
    List<Integer> sweep;

    @Option(names = "--sweep-seconds", paramLabel = "S", defaultValue = "20",
            description = "Real-time seconds per channel count in the sweep (default ${DEFAULT-VALUE}).")
    double sweepSeconds;

    @Option(names = "--largest", paramLabel = "N", defaultValue = "1024",
            description = "The largest grid that must run in real time (default ${DEFAULT-VALUE} channels).")
    int largestGrid;

    @Option(names = "--baseline", description = "Decode with the linear baseline instead of the DL4J network.")
    boolean baseline;

    @Spec
    CommandSpec spec;

    /** One stage's figures in milliseconds. */
    public record Stage(String stage, long count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {
        static Stage of(LatencyStats.Summary s) {
            return new Stage(s.stage(), s.count(), s.p50Ms(), s.p95Ms(), s.p99Ms(), s.maxMs());
        }
    }

    /** The real-time run through LSL. */
    public record RealTime(double seconds, List<Stage> stages, long attempts, long pageAttempts, long endToEndMisses,
            long dspMisses, long samplesExpected, long samplesReceived, int gcPauses, double gcMaxMs,
            long gcPausesOver5Ms, String collector) {
        public Stage stage(LatencyStats.Stage which) {
            return stages.get(which.ordinal());
        }

        /** Whether the session received the signal as fast as the simulator sent it (within 1 %). */
        boolean keptUp() {
            return samplesExpected > 0 && samplesReceived >= 0.99 * samplesExpected;
        }
    }

    /** The in-process run as fast as possible. */
    public record AsFastAsPossible(double signalSeconds, double wallSeconds, double realTimeFactor, List<Stage> stages) {
    }

    /** Everything measured at one channel count. */
    public record Measurement(int channels, double rateHz, String decoder, RealTime realTime, AsFastAsPossible fastest) {
    }

    /** One line of the budget: what, the limit, what was measured, and whether it held. */
    public record BudgetLine(String line, double limit, double measured, boolean met) {
    }

    @Override
    public Integer call() throws Exception {
        if (channels < 2 || channels > 4096) {
            throw new IllegalArgumentException("--channels must be in [2, 4096], got " + channels);
        }
        if (!(rate >= 250 && rate <= 30_000)) {
            throw new IllegalArgumentException("--rate must be in [250, 30000] Hz, got " + rate);
        }
        if (!(seconds >= 10 && seconds <= 86_400)) {
            throw new IllegalArgumentException("--seconds must be in [10, 86400], got " + seconds);
        }
        if (!(sweepSeconds >= 5 && sweepSeconds <= 3600)) {
            throw new IllegalArgumentException("--sweep-seconds must be in [5, 3600], got " + sweepSeconds);
        }
        if (largestGrid < 2 || largestGrid > 4096) {
            throw new IllegalArgumentException("--largest must be in [2, 4096], got " + largestGrid);
        }
        for (int c : sweep) {
            if (c < 2 || c > 4096) {
                throw new IllegalArgumentException("--sweep channel counts must be in [2, 4096], got " + c);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter progress = json ? new PrintWriter(System.err, true) : out;
        Path work = Files.createTempDirectory("naoyu-bench-");
        try {
            return bench(work, out, progress);
        } finally {
            deleteTree(work);
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private int bench(Path work, PrintWriter out, PrintWriter progress) throws Exception {
        SentenceDecoder language = PinyinConverter.shipped().decoder();
        progress.printf(Locale.ROOT, "naoyu bench: %d ch at %s Hz, %s decoder, collector %s, %d cores%n", channels,
                Json.number(rate), decoderName(), GcPauses.collectorNames(),
                Runtime.getRuntime().availableProcessors());
        Measurement main = measure(channels, seconds, work, language, progress);
        List<Measurement> swept = new ArrayList<>();
        if (report != null) {
            for (int c : new TreeSet<>(sweep)) {
                swept.add(c == channels ? main : measure(c, sweepSeconds, work, language, progress));
            }
        }
        Measurement largestRun = channels == largestGrid ? main : swept.stream()
                .filter(m -> m.channels() == largestGrid).findFirst().orElse(null);
        AsFastAsPossible largest = largestRun != null ? largestRun.fastest()
                : fastest(ModelFile.load(benchModel(largestGrid, work, progress)), largestGrid, 10, language,
                        progress);
        List<BudgetLine> budget = budget(main, largest, largestRun == null ? null : largestRun.realTime(),
                largestGrid);
        boolean met = budget.stream().allMatch(BudgetLine::met);
        if (json) {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("machine", Map.of("cores", Runtime.getRuntime().availableProcessors(), "java",
                    System.getProperty("java.version"), "collector", GcPauses.collectorNames(), "maxHeapMb",
                    Runtime.getRuntime().maxMemory() / (1 << 20)));
            all.put("measurement", main);
            all.put("largestGridFastest", Map.of("channels", largestGrid, "realTimeFactor",
                    largest.realTimeFactor()));
            all.put("budget", budget);
            all.put("met", met);
            if (!swept.isEmpty()) {
                all.put("sweep", swept);
            }
            out.println(Events.json(all));
        } else {
            printText(out, main, largest, budget);
        }
        if (report != null) {
            Files.writeString(report, BenchReport.html(main, swept, budget, GcPauses.collectorNames()),
                    StandardCharsets.UTF_8);
            progress.println("wrote " + report);
        }
        out.flush();
        return met ? 0 : EXIT_BUDGET_MISSED;
    }

    private String decoderName() {
        return baseline ? "linear" : "network";
    }

    private Measurement measure(int count, double realSeconds, Path work, SentenceDecoder language,
            PrintWriter progress) throws Exception {
        ModelFile.Loaded model = ModelFile.load(benchModel(count, work, progress));
        AsFastAsPossible fastest = fastest(model, count, Math.min(30, realSeconds), language, progress);
        RealTime realTime = realTime(model, count, realSeconds, work, language, progress);
        return new Measurement(count, rate, decoderName(), realTime, fastest);
    }

    /**
     * A model of the bench's shape: trained briefly on a short simulated calibration. Its accuracy does not matter
     * here, only that its size and work per attempt are those of a real one.
     */
    private Path benchModel(int count, Path work, PrintWriter progress) throws Exception {
        Path dir = work.resolve("ch" + count);
        Path model = dir.resolve("model.zip");
        if (Files.exists(model)) {
            return model;
        }
        Files.createDirectories(dir);
        Path calibration = dir.resolve("calibration.xdf");
        progress.printf(Locale.ROOT, "  %d ch: simulating 60 s of calibration and training a %s model%n", count,
                decoderName());
        progress.flush();
        new SimulationRun(DemoSetup.simulator(count, rate, 6, 1), new SimulationRun.Outputs(calibration, null,
                "naoyu-bench-calibration", 60, Double.POSITIVE_INFINITY, 0.01)).run(s -> { }, p -> { }, () -> false);
        new ModelTraining(baseline, baseline ? 20 : 3, 0.2, 1, new EpochConfig("speech_onset", -0.1, 0.6, 0, 0), true)
                .train(List.of(calibration), model, new PrintWriter(new StringWriter(), true));
        Files.delete(calibration);
        return model;
    }

    /** The pipeline in-process on pre-simulated signal, as fast as it goes, after a warm-up. */
    private AsFastAsPossible fastest(ModelFile.Loaded model, int count, double signalSeconds,
            SentenceDecoder language, PrintWriter progress) {
        SimulatorConfig config = DemoSetup.simulator(count, rate, 6, 3);
        EcogSimulator simulator = new EcogSimulator(config);
        int total = (int) Math.round(signalSeconds * rate);
        float[] signal = new float[total * count];
        List<TimedMarker> markers = new ArrayList<>();
        int second = (int) rate;
        float[] piece = new float[second * count];
        for (int done = 0; done < total; done += second) {
            int n = Math.min(second, total - done);
            simulator.next(piece, n, markers);
            System.arraycopy(piece, 0, signal, done * count, n * count);
        }
        List<Integer> bad = simulator.badChannels().stream().map(BadChannel::channel).toList();
        run(model, count, signal, Math.min(total, 5 * second), markers, bad, language, new LatencyStats()); // warm-up
        LatencyStats stats = new LatencyStats();
        long start = System.nanoTime();
        run(model, count, signal, total, markers, bad, language, stats);
        double wall = (System.nanoTime() - start) / 1e9;
        AsFastAsPossible result = new AsFastAsPossible(signalSeconds, wall, signalSeconds / wall,
                stats.summaries().stream().map(Stage::of).toList());
        progress.printf(Locale.ROOT, "  %d ch: as fast as possible: %.0f s of signal in %.2f s, real-time factor "
                + "%.1f%n", count, signalSeconds, wall, result.realTimeFactor());
        progress.flush();
        return result;
    }

    private void run(ModelFile.Loaded model, int count, float[] signal, int samples, List<TimedMarker> markers,
            List<Integer> bad, SentenceDecoder language, LatencyStats stats) {
        SpellerPipeline pipeline = new SpellerPipeline(model, count, bad, language, new SpellerPipeline.Listener() {
            @Override
            public void attempt(SpellerPipeline.Attempt attempt) {
            }

            @Override
            public void sentence(SpellerPipeline.Sentence sentence) {
            }
        }, stats);
        int block = (int) Math.round(rate / 100); // 10-ms blocks, as the simulator's outlet sends them
        double[] values = new double[block * count];
        int next = 0;
        for (int s = 0; s + block <= samples; s += block) {
            while (next < markers.size() && markers.get(next).sample() < s + block) {
                TimedMarker m = markers.get(next++);
                pipeline.marker(m.sample() / rate, m.marker().format());
            }
            for (int i = 0; i < block * count; i++) {
                values[i] = signal[s * count + i];
            }
            pipeline.samples(values, block, s / rate);
        }
    }

    /**
     * The simulator live over LSL on loopback, an online session on it (cued sentences, so every attempt is
     * decoded), its web server, and one page listening on the WebSocket, for {@code realSeconds} after a warm-up.
     */
    private RealTime realTime(ModelFile.Loaded model, int count, double realSeconds, Path work,
            SentenceDecoder language, PrintWriter progress) throws Exception {
        LslConfig lsl = LslConfig.load();
        SimulatedParticipant participant = new SimulatedParticipant(DemoSetup.simulator(count, rate, 6, 2), lsl,
                "naoyu-bench");
        double warmUp = 8;
        progress.printf(Locale.ROOT, "  %d ch: real time through LSL for %.0f s (after %.0f s of warm-up)%n", count,
                realSeconds, warmUp);
        progress.flush();
        try {
            OnlineSession.Options options = new OnlineSession.Options(participant.signal(Duration.ofSeconds(10)),
                    participant.markers(Duration.ofSeconds(10)), lsl, work.resolve("session-" + count),
                    null, Map.of(), ModelTraining.forSessionCalibration(false), null, OnlineSession.Phase.CUED_SENTENCES);
            AtomicLong pageAttempts = new AtomicLong();
            try (OnlineSession session = OnlineSession.start(options, model, language);
                    SpellerServer server = SpellerServer.start(session, "127.0.0.1", false, 0, Speech.find("cmn"),
                            CjkFont.find())) {
                WebSocket page = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(
                        "ws://127.0.0.1:" + server.port() + "/ws"), new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                                if (data.toString().startsWith("{\"event\":\"attempt\"")) {
                                    pageAttempts.incrementAndGet();
                                }
                                socket.request(1);
                                return null;
                            }
                        }).get(10, TimeUnit.SECONDS);
                // the flight recorder starts during the warm-up: its own start-up stall is not the pipeline's
                GcPauses gc = new GcPauses();
                long samplesBefore;
                long start;
                try {
                    watch(session, participant, warmUp);
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
                long misses = stats.countAbove(LatencyStats.Stage.TO_PAGES, (long) (END_TO_END_P99_MS * 1e6))
                        + Math.max(0, attempts - delivered);
                RealTime result = new RealTime(realSeconds, stages, attempts, pageAttempts.get(), misses,
                        stats.countAbove(LatencyStats.Stage.DSP_BLOCK, (long) (DSP_P99_MS * 1e6)),
                        Math.round(measured * rate), samplesAfter - samplesBefore, gc.pauses().size(),
                        gc.maxMillis(), gc.countOver(GC_PAUSE_MS), GcPauses.collectorNames());
                page.abort();
                progress.printf(Locale.ROOT, "  %d ch: %d attempts, end to end p99 %.2f ms, dsp p99 %.3f ms, "
                        + "%d GC pauses (max %.3f ms)%n", count, result.attempts(),
                        result.stage(LatencyStats.Stage.TO_PAGES).p99Ms(),
                        result.stage(LatencyStats.Stage.DSP_BLOCK).p99Ms(), result.gcPauses(), result.gcMaxMs());
                progress.flush();
                return result;
            }
        } finally {
            participant.close();
        }
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

    private static long samples(OnlineSession session) {
        return session.operatorStatus().stream().samples();
    }

    /**
     * The budget's lines.
     *
     * @param largestRun the real-time run at the largest grid, or null when only its as-fast-as-possible run exists
     */
    static List<BudgetLine> budget(Measurement main, AsFastAsPossible largest, RealTime largestRun,
            int largestGrid) {
        RealTime rt = main.realTime();
        String at = main.channels() + " ch @ " + Json.number(main.rateHz()) + " Hz";
        List<BudgetLine> lines = new ArrayList<>();
        double endToEnd = rt.stage(LatencyStats.Stage.TO_PAGES).p99Ms();
        lines.add(new BudgetLine("end to end p99 (last sample's block received to ranked characters written to the "
                + "page), " + at + ", ms", END_TO_END_P99_MS, endToEnd, rt.attempts() > 0
                && rt.pageAttempts() >= rt.attempts() && endToEnd <= END_TO_END_P99_MS));
        Stage dspStage = rt.stage(LatencyStats.Stage.DSP_BLOCK);
        lines.add(new BudgetLine("dsp p99 per 10-ms block, " + at + ", ms", DSP_P99_MS, dspStage.p99Ms(),
                dspStage.count() > 0 && dspStage.p99Ms() <= DSP_P99_MS));
        double share = rt.samplesExpected() == 0 ? 0 : rt.samplesReceived() / (double) rt.samplesExpected();
        lines.add(new BudgetLine("signal received in real time through LSL (received / sent), " + at, 0.99, share,
                rt.keptUp()));
        lines.add(new BudgetLine("longest GC pause in " + Json.number(rt.seconds()) + " s, ms", GC_PAUSE_MS,
                rt.gcMaxMs(), rt.gcMaxMs() <= GC_PAUSE_MS));
        double factor = main.fastest().realTimeFactor();
        lines.add(new BudgetLine("real-time factor as fast as possible, " + at, REAL_TIME_FACTOR, factor,
                factor >= REAL_TIME_FACTOR));
        lines.add(new BudgetLine("real-time factor at " + largestGrid + " ch, as fast as possible" + (largestRun == null
                ? "" : ", and its real-time run kept up") + " (1 = real time)", 1, largest.realTimeFactor(),
                largest.realTimeFactor() >= 1 && (largestRun == null || largestRun.keptUp())));
        return lines;
    }

    private void printText(PrintWriter out, Measurement main, AsFastAsPossible largest, List<BudgetLine> budget) {
        out.printf(Locale.ROOT, "%nreal time through LSL, %d ch @ %s Hz, %s decoder, %.0f s:%n", main.channels(),
                Json.number(main.rateHz()), main.decoder(), main.realTime().seconds());
        out.printf(Locale.ROOT, "  %-36s %7s %9s %9s %9s %9s%n", "stage", "count", "p50 ms", "p95 ms", "p99 ms",
                "max ms");
        for (Stage s : main.realTime().stages()) {
            out.printf(Locale.ROOT, "  %-36s %7d %9.3f %9.3f %9.3f %9.3f%n", s.stage(), s.count(), s.p50Ms(),
                    s.p95Ms(), s.p99Ms(), s.maxMs());
        }
        out.printf(Locale.ROOT, "  deadline misses: %d attempts over %.0f ms end to end, %d blocks over %.0f ms of "
                + "dsp%n", main.realTime().endToEndMisses(), END_TO_END_P99_MS, main.realTime().dspMisses(),
                DSP_P99_MS);
        out.printf(Locale.ROOT, "  GC (%s): %d pauses, longest %.2f ms, %d over %.0f ms%n",
                main.realTime().collector(), main.realTime().gcPauses(), main.realTime().gcMaxMs(),
                main.realTime().gcPausesOver5Ms(), GC_PAUSE_MS);
        out.printf(Locale.ROOT, "as fast as possible, in-process: real-time factor %.1f (%d ch), %.1f (%d ch)%n",
                main.fastest().realTimeFactor(), main.channels(), largest.realTimeFactor(), largestGrid);
        out.println("budget:");
        for (BudgetLine line : budget) {
            out.printf(Locale.ROOT, "  %-4s %-70s limit %-6s measured %.3f%n", line.met() ? "ok" : "MISS",
                    line.line(), Json.number(line.limit()), line.measured());
        }
    }
}
