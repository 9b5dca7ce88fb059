package org.naoyu.speller.report;
import org.naoyu.speller.support.Json;
import org.naoyu.speller.bench.Budget;
import org.naoyu.speller.bench.BudgetLine;
import org.naoyu.speller.bench.Measurement;
import org.naoyu.speller.bench.Stage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.naoyu.speller.session.LatencyStats;

/** The HTML report of {@code naoyu bench}: the budget, the stages of the main run, and the sweep's plots. */
public final class BenchReport {
    private BenchReport() {
    }

    public static String html(Measurement main, List<Measurement> sweep,
            List<BudgetLine> budget, String collector) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>naoyu real-time budget</title><style>body{font-family:sans-serif;max-width:960px;"
                + "margin:2em auto;color:#222}table{border-collapse:collapse}td,th{padding:3px 10px;text-align:right}"
                + "td:first-child,th:first-child{text-align:left}.miss{color:#c0392b;font-weight:bold}"
                + ".ok{color:#1e8449}</style></head><body>");
        html.append(String.format(Locale.ROOT, "<h1>naoyu real-time budget</h1><p>%d ch @ %s Hz, %s decoder, "
                + "%d cores, Java %s, collector %s.</p>", main.channels(), Json.number(main.rateHz()),
                main.decoder(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                ReportSvg.escape(collector)));
        html.append("<h2>Budget</h2><table><tr><th>line</th><th>limit</th><th>measured</th><th></th></tr>");
        for (BudgetLine line : budget) {
            html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%.3f</td><td class=\"%s\">%s</td>"
                    + "</tr>", ReportSvg.escape(line.line()), Json.number(line.limit()), line.measured(),
                    line.met() ? "ok" : "miss", line.met() ? "met" : "MISSED"));
        }
        html.append("</table>");
        html.append(String.format(Locale.ROOT, "<h2>Real time through LSL (%.0f s after warm-up)</h2><table><tr>"
                + "<th>stage</th><th>count</th><th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>max ms</th></tr>",
                main.realTime().seconds()));
        for (Stage s : main.realTime().stages()) {
            html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%.3f</td><td>%.3f</td><td>%.3f</td>"
                    + "<td>%.3f</td></tr>", s.stage(), s.count(), s.p50Ms(), s.p95Ms(), s.p99Ms(), s.maxMs()));
        }
        html.append(String.format(Locale.ROOT, "</table><p>Deadline misses: %d attempts over %s ms end to end, %d "
                + "blocks over %s ms of dsp. GC: %d pauses, longest %.2f ms.</p>", main.realTime().endToEndMisses(),
                Json.number(Budget.END_TO_END_P99_MS), main.realTime().dspMisses(),
                Json.number(Budget.DSP_P99_MS), main.realTime().gcPauses(), main.realTime().gcMaxMs()));
        if (!sweep.isEmpty()) {
            html.append("<h2>Against channel count</h2>");
            html.append(chart(sweep, "end to end per attempt, ms", List.of(
                    line(sweep, "p50", "#2e86c1", m -> stage(m, LatencyStats.Stage.TO_PAGES).p50Ms()),
                    line(sweep, "p99", "#c0392b", m -> stage(m, LatencyStats.Stage.TO_PAGES).p99Ms())),
                    Budget.END_TO_END_P99_MS, "budget p99 at 256 ch"));
            html.append(chart(sweep, "dsp per 10-ms block, ms", List.of(
                    line(sweep, "p50", "#2e86c1", m -> stage(m, LatencyStats.Stage.DSP_BLOCK).p50Ms()),
                    line(sweep, "p99", "#c0392b", m -> stage(m, LatencyStats.Stage.DSP_BLOCK).p99Ms())),
                    Budget.DSP_P99_MS, "budget p99 at 256 ch"));
            html.append(chart(sweep, "real-time factor (as fast as possible)", List.of(
                    line(sweep, "real-time factor", "#1e8449", m -> m.fastest().realTimeFactor())),
                    Budget.REAL_TIME_FACTOR, "budget at 256 ch"));
            html.append("<table><tr><th>channels</th><th>end to end p99 ms</th><th>dsp p99 ms</th>"
                    + "<th>decoder p99 ms</th><th>language model p99 ms</th><th>GC max ms</th>"
                    + "<th>real-time factor</th></tr>");
            for (Measurement m : sweep) {
                html.append(String.format(Locale.ROOT, "<tr><td>%d</td><td>%.2f</td><td>%.3f</td><td>%.2f</td>"
                        + "<td>%.2f</td><td>%.2f</td><td>%.1f</td></tr>", m.channels(),
                        stage(m, LatencyStats.Stage.TO_PAGES).p99Ms(), stage(m, LatencyStats.Stage.DSP_BLOCK).p99Ms(),
                        stage(m, LatencyStats.Stage.DECODER).p99Ms(),
                        stage(m, LatencyStats.Stage.LANGUAGE_MODEL).p99Ms(), m.realTime().gcMaxMs(),
                        m.fastest().realTimeFactor()));
            }
            html.append("</table>");
        }
        return html.append("</body></html>").toString();
    }

    private static Stage stage(Measurement m, LatencyStats.Stage which) {
        return m.realTime().stage(which);
    }

    private static ReportSvg.Line line(List<Measurement> sweep, String name, String color,
            ToDoubleFunction<Measurement> y) {
        return new ReportSvg.Line(name, color, sweep.stream().mapToDouble(Measurement::channels)
                .toArray(), sweep.stream().mapToDouble(y).toArray());
    }

    private static String chart(List<Measurement> sweep, String yTitle, List<ReportSvg.Line> lines,
            double reference, String referenceLabel) {
        List<Double> all = new ArrayList<>();
        lines.forEach(l -> java.util.Arrays.stream(l.y()).forEach(all::add));
        all.add(reference);
        double top = all.stream().mapToDouble(Double::doubleValue).max().orElse(1) * 1.15;
        return "<figure>" + ReportSvg.lines("channels", yTitle, lines, niceCeiling(top), reference, referenceLabel)
                + "</figure>";
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
}
