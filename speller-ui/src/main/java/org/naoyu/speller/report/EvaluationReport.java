package org.naoyu.speller.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.naoyu.decoder.data.FrameSeries;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.decoder.evaluation.Evaluation;
import org.naoyu.decoder.evaluation.FullInventory;
import org.naoyu.decoder.evaluation.LearningCurve;
import org.naoyu.decoder.model.Accuracy;
import org.naoyu.decoder.model.Provenance;
import org.naoyu.decoder.model.TrainedModel;
import org.naoyu.decoder.onset.OnsetDetector;
import org.naoyu.decoder.onset.OnsetScore;
import org.naoyu.decoder.onset.SpeechSegment;

/**
 * The HTML page of {@code naoyu evaluate --report}: the numbers and their pictures, self-contained. The page is
 * {@code evaluation.html.mustache}; this class turns the evaluation into its values (numbers formatted here, text
 * escaped by the template, charts from {@link ReportSvg}).
 */
public final class EvaluationReport {
    /** How much of the first session the onset picture shows. */
    private static final double STRIP_SECONDS = 60;

    private EvaluationReport() {
    }

    /** What the template shows; a {@code null} part leaves its section out. */
    record Page(String model, String kind, String trainedOn, String testedOn, int attempts, int syllables,
            Figures figures, Onset onset, String confusionSvg, String accuracySvg, Parts parts, Curve curve,
            Strip strip, String recipe) {
    }

    /** Accuracy by syllable part: initial, final, tone. */
    record Parts(List<PartChart> charts) {
    }

    /** Accuracy by one kind of syllable part: its name, how many values it has, the bar chart. */
    record PartChart(String part, int values, String svg) {
    }

    record Figures(String toned, String topFive, String chance, String base, String tone, String bitsPerAttempt,
            String bitsPerMinute, String decodeMedianMs, String decodeP99Ms, String decodeMaxMs) {
    }

    record Onset(String f1, String precision, String recall, String errorMs, String selfPacedToned) {
    }

    record Curve(String svg, List<CurvePoint> points) {
    }

    record CurvePoint(String kind, int trialsPerSyllable, String toned, String base, String tone) {
    }

    record Strip(String seconds, String file, int holdFrames, String threshold, String lagMs, String svg) {
    }

    /** The page; {@code full} (every attempt, scored by syllable parts) may be null, leaving its section out. */
    public static String html(String modelName, Provenance provenance, List<String> testFiles, List<TonedSyllable> inventory,
            Evaluation.Cued cued, FullInventory full, Evaluation.Streaming streaming, List<LearningCurve.Point> curve,
            FrameSeries firstSession, OnsetDetector onset) {
        int n = inventory.size();
        Page page = new Page(modelName, kind(provenance.kind()),
                provenance.data().stream().map(Provenance.DataFile::name).toList().toString(), testFiles.toString(),
                cued.accuracy().count(), n, figures(cued, streaming, n), onset(streaming),
                ReportSvg.confusion(cued.labels(), cued.confusion()), ReportSvg.bars(cued.labels(), cued.perClass(),
                        1.0 / n), parts(full), curve(curve, n), strip(firstSession, testFiles, onset, streaming),
                provenance.recipe() == null ? null : provenance.recipe().toString());
        return Templates.render("evaluation.html.mustache", page);
    }

    /** A bar chart per kind of part, chance being a uniform guess among that part's values. */
    private static Parts parts(FullInventory full) {
        if (full == null) {
            return null;
        }
        List<PartChart> charts = new ArrayList<>();
        for (FullInventory.PartAccuracy part : full.byPart()) {
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < part.labels().size(); i++) {
                labels.add(part.labels().get(i) + " (" + part.attempts()[i] + ")");
            }
            charts.add(new PartChart(part.part(), part.values(), ReportSvg.bars(labels, part.accuracy(),
                    1.0 / part.values())));
        }
        return new Parts(charts);
    }

    private static Figures figures(Evaluation.Cued cued, Evaluation.Streaming streaming, int syllables) {
        Accuracy accuracy = cued.accuracy();
        return new Figures(fixed(3, accuracy.toned()), fixed(3, accuracy.topFiveToned()), fixed(3, 1.0 / syllables),
                fixed(3, accuracy.base()), fixed(3, accuracy.tone()), fixed(2, cued.bitsPerAttempt()),
                fixed(1, cued.bitsPerMinute()), fixed(2, streaming.decodeMillis().median()),
                fixed(2, streaming.decodeMillis().p99()), fixed(2, streaming.decodeMillis().max()));
    }

    private static Onset onset(Evaluation.Streaming streaming) {
        OnsetScore o = streaming.onset();
        return o == null ? null : new Onset(fixed(3, o.f1()), fixed(3, o.precision()), fixed(3, o.recall()),
                fixed(0, 1000 * o.medianAbsError()), fixed(3, streaming.selfPacedToned()));
    }

    private static Curve curve(List<LearningCurve.Point> curve, int syllables) {
        if (curve.isEmpty()) {
            return null;
        }
        String svg = ReportSvg.lines("training trials per toned syllable", "top-1 toned accuracy", curveLines(curve),
                1.0 / syllables);
        return new Curve(svg, curve.stream().map(p -> new CurvePoint(kind(p.kind()), p.trialsPerSyllable(),
                fixed(3, p.test().toned()), fixed(3, p.test().base()), fixed(3, p.test().tone()))).toList());
    }

    private static List<ReportSvg.Line> curveLines(List<LearningCurve.Point> curve) {
        List<ReportSvg.Line> lines = new ArrayList<>();
        for (TrainedModel.Kind kind : TrainedModel.Kind.values()) {
            List<LearningCurve.Point> points = curve.stream().filter(p -> p.kind() == kind).toList();
            if (!points.isEmpty()) {
                lines.add(new ReportSvg.Line(switch (kind) {
                    case NETWORK -> "DL4J network";
                    case LINEAR -> "linear baseline";
                    case TEMPLATE -> "generative templates";
                }, switch (kind) {
                    case NETWORK -> "#2e86c1";
                    case LINEAR -> "#e67e22";
                    case TEMPLATE -> "#27ae60";
                },
                        points.stream().mapToDouble(LearningCurve.Point::trialsPerSyllable).toArray(),
                        points.stream().mapToDouble(p -> p.test().toned()).toArray()));
            }
        }
        return lines;
    }

    /** The onset detector over the first {@link #STRIP_SECONDS} of the first test session. */
    private static Strip strip(FrameSeries session, List<String> testFiles, OnsetDetector onset,
            Evaluation.Streaming streaming) {
        if (onset == null || session == null || session.frames() <= 0) {
            return null;
        }
        int frames = (int) Math.min(session.frames(), Math.round(STRIP_SECONDS * session.frameRateHz()));
        FrameSeries strip = session.slice(0, frames);
        List<double[]> spans = new ArrayList<>();
        for (SpeechSegment s : SpeechSegment.of(session.events(), 0.5)) {
            spans.add(new double[] {s.onsetSeconds(), s.offsetSeconds()});
        }
        String svg = ReportSvg.onsetStrip(strip.times(), onset.probabilities(strip), spans, streaming.detections(),
                onset.rule().threshold());
        return new Strip(fixed(0, frames / session.frameRateHz()), testFiles.get(0), onset.rule().holdFrames(),
                fixed(2, onset.rule().threshold()), fixed(0, 1000 * onset.rule().lagSeconds()), svg);
    }

    private static String kind(TrainedModel.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String fixed(int decimals, double value) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
