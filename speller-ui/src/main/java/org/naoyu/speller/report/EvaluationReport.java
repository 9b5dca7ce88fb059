package org.naoyu.speller.report;
import org.naoyu.decoder.evaluation.LearningCurve;
import org.naoyu.decoder.evaluation.Evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.naoyu.decoder.data.FrameSeries;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.decoder.model.Accuracy;
import org.naoyu.decoder.model.Provenance;
import org.naoyu.decoder.model.TrainedModel;
import org.naoyu.decoder.onset.OnsetDetector;
import org.naoyu.decoder.onset.OnsetScore;
import org.naoyu.decoder.onset.SpeechSegment;

/** The HTML page of {@code naoyu evaluate --report}: the numbers and their pictures, self-contained. */
public final class EvaluationReport {
    /** How much of the first session the onset picture shows. */
    private static final double STRIP_SECONDS = 60;

    private EvaluationReport() {
    }

    public static String html(String modelName, Provenance provenance, List<String> testFiles, List<TonedSyllable> inventory,
            Evaluation.Cued cued, Evaluation.Streaming streaming, List<LearningCurve.Point> curve,
            FrameSeries firstSession, OnsetDetector onset) {
        Accuracy accuracy = cued.accuracy();
        int n = inventory.size();
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>naoyu evaluation</title><style>body{font-family:sans-serif;max-width:900px;margin:2em auto}"
                + "td{padding:2px 10px}pre{white-space:pre-wrap}</style></head><body><h1>Decoder evaluation</h1>");
        html.append(String.format(Locale.ROOT, "<p>Model <b>%s</b> (%s), trained on %s; tested on %s: %d attempts at "
                + "%d toned syllables.</p>", ReportSvg.escape(modelName), kind(provenance.kind()),
                ReportSvg.escape(provenance.data().stream().map(Provenance.DataFile::name).toList().toString()),
                ReportSvg.escape(testFiles.toString()), accuracy.count(), n));
        html.append(String.format(Locale.ROOT, "<table><tr><td>toned syllable, top-1</td><td>%.3f</td></tr>"
                + "<tr><td>toned syllable, top-5</td><td>%.3f</td></tr><tr><td>chance</td><td>%.3f</td></tr>"
                + "<tr><td>base syllable</td><td>%.3f</td></tr><tr><td>tone</td><td>%.3f</td></tr>"
                + "<tr><td>information transfer rate</td><td>%.2f bits/attempt, %.1f bits/min</td></tr>"
                + "<tr><td>decode time per attempt (streamed)</td><td>median %.2f ms, p99 %.2f ms, max %.2f ms</td></tr>",
                accuracy.toned(), accuracy.topFiveToned(), 1.0 / n, accuracy.base(), accuracy.tone(),
                cued.bitsPerAttempt(), cued.bitsPerMinute(), streaming.decodeMillis().median(),
                streaming.decodeMillis().p99(), streaming.decodeMillis().max()));
        if (streaming.onset() != null) {
            OnsetScore o = streaming.onset();
            html.append(String.format(Locale.ROOT, "<tr><td>onset detection</td><td>F1 %.3f (precision %.3f, recall "
                    + "%.3f), onset error %.0f ms median</td></tr><tr><td>self-paced toned syllable</td><td>%.3f"
                    + "</td></tr>", o.f1(), o.precision(), o.recall(), 1000 * o.medianAbsError(),
                    streaming.selfPacedToned()));
        }
        html.append("</table><p>Attempts are decoded at their marked speech onsets (cued), as a calibration or cued "
                + "task does; self-paced decoding finds them with the onset detector instead, and counts a missed "
                + "attempt as wrong.</p>");
        html.append("<h2>Confusion matrix</h2>").append(ReportSvg.confusion(cued.labels(), cued.confusion()));
        html.append("<h2>Accuracy per syllable</h2>").append(ReportSvg.bars(cued.labels(), cued.perClass(), 1.0 / n));
        if (!curve.isEmpty()) {
            html.append("<h2>Learning curve</h2><p>Top-1 toned-syllable accuracy on the test attempts after training "
                    + "on the first trials of each syllable (nested sets; the same validation trials stop each "
                    + "training).</p>").append(ReportSvg.lines("training trials per toned syllable",
                            "top-1 toned accuracy", curveLines(curve), 1.0 / n));
            html.append("<table><tr><th>model</th><th>trials per syllable</th><th>toned</th><th>base</th><th>tone"
                    + "</th></tr>");
            for (LearningCurve.Point p : curve) {
                html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%.3f</td><td>%.3f</td><td>%.3f"
                        + "</td></tr>", kind(p.kind()), p.trialsPerSyllable(), p.test().toned(), p.test().base(),
                        p.test().tone()));
            }
            html.append("</table>");
        }
        if (onset != null && firstSession != null && firstSession.frames() > 0) {
            int frames = (int) Math.min(firstSession.frames(), Math.round(STRIP_SECONDS * firstSession.frameRateHz()));
            FrameSeries strip = firstSession.slice(0, frames);
            double[] probability = onset.probabilities(strip);
            List<double[]> spans = new ArrayList<>();
            for (SpeechSegment s : SpeechSegment.of(firstSession.events(), 0.5)) {
                spans.add(new double[] {s.onsetSeconds(), s.offsetSeconds()});
            }
            html.append(String.format(Locale.ROOT, "<h2>Onset detection</h2><p>The first %.0f s of %s: speech "
                    + "probability (blue), attempts as marked (orange), the threshold (dashed) and the onsets "
                    + "declared (green ticks; rule: %d frames at or above %.2f, %.0f ms lag).</p>",
                    frames / firstSession.frameRateHz(), ReportSvg.escape(testFiles.get(0)), onset.rule().holdFrames(),
                    onset.rule().threshold(), 1000 * onset.rule().lagSeconds()));
            html.append(ReportSvg.onsetStrip(strip.times(), probability, spans, streaming.detections(),
                    onset.rule().threshold()));
        }
        if (provenance.recipe() != null) {
            html.append("<h2>Training recipe</h2><pre>").append(ReportSvg.escape(provenance.recipe().toString()))
                    .append("</pre>");
        }
        return html.append("</body></html>").toString();
    }

    private static List<ReportSvg.Line> curveLines(List<LearningCurve.Point> curve) {
        List<ReportSvg.Line> lines = new ArrayList<>();
        for (TrainedModel.Kind kind : TrainedModel.Kind.values()) {
            List<LearningCurve.Point> points = curve.stream().filter(p -> p.kind() == kind).toList();
            if (!points.isEmpty()) {
                lines.add(new ReportSvg.Line(kind == TrainedModel.Kind.NETWORK ? "DL4J network" : "linear baseline",
                        kind == TrainedModel.Kind.NETWORK ? "#2e86c1" : "#e67e22",
                        points.stream().mapToDouble(LearningCurve.Point::trialsPerSyllable).toArray(),
                        points.stream().mapToDouble(p -> p.test().toned()).toArray()));
            }
        }
        return lines;
    }

    private static String kind(TrainedModel.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
