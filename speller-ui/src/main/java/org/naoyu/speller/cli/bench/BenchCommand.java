package org.naoyu.speller.cli.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.naoyu.speller.cli.options.LanguageModelOptions;
import org.naoyu.decoder.language.SentenceDecoder;
import org.naoyu.decoder.model.TrainedModel;
import org.naoyu.speller.bench.AsFastAsPossible;
import org.naoyu.speller.bench.Bench;
import org.naoyu.speller.bench.BenchResult;
import org.naoyu.speller.bench.Budget;
import org.naoyu.speller.bench.BudgetLine;
import org.naoyu.speller.bench.GcPauses;
import org.naoyu.speller.bench.Measurement;
import org.naoyu.speller.bench.RealTime;
import org.naoyu.speller.bench.Stage;
import org.naoyu.speller.cli.options.HelpOption;
import org.naoyu.speller.cli.options.JsonOption;
import org.naoyu.speller.report.BenchReport;
import org.naoyu.speller.support.Numbers;
import org.naoyu.speller.training.DecoderChoice;
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

    @Mixin
    JsonOption json;

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

    @Option(names = "--decoder", paramLabel = "network|linear|templates",
            description = "The decoder timed: the DL4J network (default), the linear baseline, or the generative "
                    + "templates; each with part heads, answering with all 1,391 toned syllables.")
    String decoder;

    @Option(names = "--baseline", description = "Decode with the linear baseline (--decoder linear).")
    boolean baseline;

    @Spec
    CommandSpec spec;

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
        PrintWriter progress = json.requested() ? new PrintWriter(System.err, true) : out;
        SentenceDecoder language = LanguageModelOptions.standard(progress).decoder();
        TrainedModel.Kind kind = DecoderChoice.resolve(decoder, TrainedModel.Kind.NETWORK, baseline, "--baseline",
                TrainedModel.Kind.LINEAR);
        try (Bench bench = new Bench(rate, kind, language, progress)) {
            progress.printf(Locale.ROOT, "naoyu bench: %d ch at %s Hz, %s decoder, collector %s, %d cores%n",
                    channels, Numbers.plain(rate), bench.decoderName(), GcPauses.collectorNames(),
                    Runtime.getRuntime().availableProcessors());
            return bench(bench, out, progress);
        }
    }

    private int bench(Bench bench, PrintWriter out, PrintWriter progress) throws Exception {
        Measurement main = bench.measure(channels, seconds);
        List<Measurement> swept = new ArrayList<>();
        if (report != null) {
            for (int c : new TreeSet<>(sweep)) {
                swept.add(c == channels ? main : bench.measure(c, sweepSeconds));
            }
        }
        Measurement largestRun = channels == largestGrid ? main : swept.stream()
                .filter(m -> m.channels() == largestGrid).findFirst().orElse(null);
        AsFastAsPossible largest = largestRun != null ? largestRun.fastest() : bench.fastest(largestGrid, 10);
        List<BudgetLine> budget = Budget.lines(main, largest, largestRun == null ? null : largestRun.realTime(),
                largestGrid);
        BenchResult result = BenchResult.of(main, new BenchResult.LargestGrid(largestGrid, largest.realTimeFactor()),
                budget, swept);
        if (json.requested()) {
            out.println(result.toJson());
        } else {
            printText(out, result);
        }
        if (report != null) {
            Files.writeString(report, BenchReport.html(main, swept, budget, GcPauses.collectorNames()),
                    StandardCharsets.UTF_8);
            progress.println("wrote " + report);
        }
        out.flush();
        return result.met() ? 0 : EXIT_BUDGET_MISSED;
    }

    private static void printText(PrintWriter out, BenchResult result) {
        Measurement main = result.measurement();
        RealTime rt = main.realTime();
        out.printf(Locale.ROOT, "%nreal time through LSL, %d ch @ %s Hz, %s decoder, %.0f s:%n", main.channels(),
                Numbers.plain(main.rateHz()), main.decoder(), rt.seconds());
        out.printf(Locale.ROOT, "  %-36s %7s %9s %9s %9s %9s%n", "stage", "count", "p50 ms", "p95 ms", "p99 ms",
                "max ms");
        for (Stage s : rt.stages()) {
            out.printf(Locale.ROOT, "  %-36s %7d %9.3f %9.3f %9.3f %9.3f%n", s.stage(), s.count(), s.p50Ms(),
                    s.p95Ms(), s.p99Ms(), s.maxMs());
        }
        out.printf(Locale.ROOT, "  deadline misses: %d attempts over %.0f ms end to end, %d blocks over %.0f ms of "
                + "dsp%n", rt.endToEndMisses(), Budget.END_TO_END_P99_MS, rt.dspMisses(), Budget.DSP_P99_MS);
        out.printf(Locale.ROOT, "  GC (%s): %d pauses, longest %.2f ms, %d over %.0f ms%n", rt.collector(),
                rt.gcPauses(), rt.gcMaxMs(), rt.gcPausesOver5Ms(), Budget.GC_PAUSE_MS);
        out.printf(Locale.ROOT, "as fast as possible, in-process: real-time factor %.1f (%d ch), %.1f (%d ch)%n",
                main.fastest().realTimeFactor(), main.channels(), result.largestGridFastest().realTimeFactor(),
                result.largestGridFastest().channels());
        out.println("budget:");
        for (BudgetLine line : result.budget()) {
            out.printf(Locale.ROOT, "  %-4s %-70s limit %-6s measured %.3f%n", line.met() ? "ok" : "MISS",
                    line.line(), Numbers.plain(line.limit()), line.measured());
        }
    }
}
