package org.naoyu.speller.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.naoyu.speller.bench.Budget;
import org.naoyu.speller.bench.BudgetLine;
import org.naoyu.speller.bench.Measurement;
import org.naoyu.speller.bench.Stage;
import org.naoyu.speller.session.LatencyStats;

/**
 * The HTML report of {@code naoyu bench}: the budget, the stages of the main run, and the sweep's plots. The page is
 * {@code bench.html.mustache}; this class turns the measurements into its values.
 */
public final class BenchReport {
    private BenchReport() {
    }

    /** What the template shows; a {@code null} sweep leaves its section out. */
    record Page(int channels, String rateHz, String decoder, int cores, String java, String collector,
            List<BudgetRow> budget, RealTimeView realTime, Sweep sweep) {
    }

    record BudgetRow(String line, String limit, String measured, boolean met) {
    }

    record RealTimeView(String seconds, List<StageRow> stages, long endToEndMisses, String endToEndBudgetMs,
            long dspMisses, String dspBudgetMs, int gcPauses, String gcMaxMs) {
    }

    record StageRow(String stage, long count, String p50Ms, String p95Ms, String p99Ms, String maxMs) {
    }

    record Sweep(List<String> charts, List<SweepRow> rows) {
    }

    record SweepRow(int channels, String endToEndP99Ms, String dspP99Ms, String decoderP99Ms,
            String languageModelP99Ms, String gcMaxMs, String realTimeFactor) {
    }

    public static String html(Measurement main, List<Measurement> sweep, List<BudgetLine> budget, String collector) {
        Page page = new Page(main.channels(), plain(main.rateHz()), main.decoder(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), collector,
                budget.stream().map(l -> new BudgetRow(l.line(), plain(l.limit()), fixed(3, l.measured()), l.met()))
                        .toList(), realTime(main), sweep.isEmpty() ? null : sweep(sweep));
        return Templates.render("bench.html.mustache", page);
    }

    private static RealTimeView realTime(Measurement main) {
        var rt = main.realTime();
        return new RealTimeView(fixed(0, rt.seconds()), rt.stages().stream().map(s -> new StageRow(s.stage(),
                s.count(), fixed(3, s.p50Ms()), fixed(3, s.p95Ms()), fixed(3, s.p99Ms()), fixed(3, s.maxMs())))
                .toList(), rt.endToEndMisses(), plain(Budget.END_TO_END_P99_MS), rt.dspMisses(),
                plain(Budget.DSP_P99_MS), rt.gcPauses(), fixed(2, rt.gcMaxMs()));
    }

    private static Sweep sweep(List<Measurement> sweep) {
        List<String> charts = List.of(
                chart(sweep, "end to end per attempt, ms", List.of(
                        line(sweep, "p50", "#2e86c1", m -> stage(m, LatencyStats.Stage.TO_PAGES).p50Ms()),
                        line(sweep, "p99", "#c0392b", m -> stage(m, LatencyStats.Stage.TO_PAGES).p99Ms())),
                        Budget.END_TO_END_P99_MS, "budget p99 at 256 ch"),
                chart(sweep, "dsp per 10-ms block, ms", List.of(
                        line(sweep, "p50", "#2e86c1", m -> stage(m, LatencyStats.Stage.DSP_BLOCK).p50Ms()),
                        line(sweep, "p99", "#c0392b", m -> stage(m, LatencyStats.Stage.DSP_BLOCK).p99Ms())),
                        Budget.DSP_P99_MS, "budget p99 at 256 ch"),
                chart(sweep, "real-time factor (as fast as possible)", List.of(
                        line(sweep, "real-time factor", "#1e8449", m -> m.fastest().realTimeFactor())),
                        Budget.REAL_TIME_FACTOR, "budget at 256 ch"));
        return new Sweep(charts, sweep.stream().map(m -> new SweepRow(m.channels(),
                fixed(2, stage(m, LatencyStats.Stage.TO_PAGES).p99Ms()),
                fixed(3, stage(m, LatencyStats.Stage.DSP_BLOCK).p99Ms()),
                fixed(2, stage(m, LatencyStats.Stage.DECODER).p99Ms()),
                fixed(2, stage(m, LatencyStats.Stage.LANGUAGE_MODEL).p99Ms()), fixed(2, m.realTime().gcMaxMs()),
                fixed(1, m.fastest().realTimeFactor()))).toList());
    }

    private static Stage stage(Measurement m, LatencyStats.Stage which) {
        return m.realTime().stage(which);
    }

    private static ReportSvg.Line line(List<Measurement> sweep, String name, String color,
            ToDoubleFunction<Measurement> y) {
        return new ReportSvg.Line(name, color, sweep.stream().mapToDouble(Measurement::channels).toArray(),
                sweep.stream().mapToDouble(y).toArray());
    }

    /** Lines against channel count, y from 0 to a round number above the highest point and the reference. */
    private static String chart(List<Measurement> sweep, String yTitle, List<ReportSvg.Line> lines, double reference,
            String referenceLabel) {
        double top = Stream.concat(lines.stream().flatMap(l -> Arrays.stream(l.y()).boxed()), Stream.of(reference))
                .mapToDouble(Double::doubleValue).max().orElse(1) * 1.15;
        return ReportSvg.lines("channels", yTitle, lines, niceCeiling(top), reference, referenceLabel);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code x}: round axis ends. */
    public static double niceCeiling(double x) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(1e-9, x))));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= x) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** A whole number without decimals, anything else as Java prints a double (20, 0.5). */
    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    private static String fixed(int decimals, double value) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
