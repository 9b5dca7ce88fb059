package org.naoyu.speller.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.EpochConfig;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.decoder.evaluation.Evaluation;
import org.naoyu.decoder.evaluation.FullInventory;
import org.naoyu.decoder.evaluation.LearningCurve;
import org.naoyu.decoder.model.Accuracy;
import org.naoyu.decoder.model.LinearTrainer;
import org.naoyu.decoder.model.Posteriors;
import org.naoyu.decoder.model.Provenance;
import org.naoyu.decoder.model.TrainedModel;
import org.naoyu.decoder.model.TrainingRecipe;
import org.naoyu.decoder.onset.OnsetScore;
import org.naoyu.dsp.FeatureConfig;

class EvaluationReportTest {
    private static final List<TonedSyllable> INVENTORY = List.of(TonedSyllable.parse("ba1"),
            TonedSyllable.parse("ga2"), TonedSyllable.parse("shi4"));
    private static final Evaluation.Cued CUED = new Evaluation.Cued(new Accuracy(12, 0.75, 1, 0.8333, 0.9),
            List.of("ba1", "ga2", "shi4"), new int[][] {{4, 0, 0}, {1, 3, 0}, {1, 1, 2}}, new double[] {1, 0.75, 0.5},
            0.6789, 12.345);

    @Test
    void everySectionWithItsNumbersAndTextEscaped() {
        Evaluation.Streaming streaming = new Evaluation.Streaming(new Evaluation.Spread(12, 3.456, 9.87, 12.3),
                new OnsetScore(12, 11, 10, 0.01, 0.0312), 0.5, new double[] {1.5, 4});
        List<LearningCurve.Point> curve = List.of(
                new LearningCurve.Point(TrainedModel.Kind.NETWORK, 2, 10, new Accuracy(12, 0.5, 0.9, 0.6, 0.7)),
                new LearningCurve.Point(TrainedModel.Kind.LINEAR, 2, 10, new Accuracy(12, 0.75, 1, 0.8333, 0.9)));
        FullInventory full = FullInventory.of(List.of(sure(0, 1), sure(0, 1)), List.of(said("ba1"), said("pa1")),
                INVENTORY, INVENTORY);
        String html = EvaluationReport.html("m<1>.zip", provenance("a&b.xdf"), List.of("b.xdf"), INVENTORY, CUED,
                full, streaming, curve, null, null);
        assertTrue(html.startsWith("<!doctype html>"), html);
        assertTrue(html.contains("<p>Model <b>m&lt;1&gt;.zip</b> (linear), trained on [a&amp;b.xdf]; tested on "
                + "[b.xdf]: 12 attempts at 3 toned syllables.</p>"), html);
        for (String row : List.of("<tr><td>toned syllable, top-1</td><td>0.750</td></tr>",
                "<tr><td>toned syllable, top-5</td><td>1.000</td></tr>", "<tr><td>chance</td><td>0.333</td></tr>",
                "<tr><td>base syllable</td><td>0.833</td></tr>", "<tr><td>tone</td><td>0.900</td></tr>",
                "<td>0.68 bits/attempt, 12.3 bits/min</td>", "<td>median 3.46 ms, p99 9.87 ms, max 12.30 ms</td>",
                "<td>F1 0.870 (precision 0.909, recall 0.833), onset error 31 ms median</td>",
                "<tr><td>self-paced toned syllable</td><td>0.500</td></tr>",
                "<tr><td>network</td><td>2</td><td>0.500</td><td>0.600</td><td>0.700</td></tr>",
                "<tr><td>linear</td><td>2</td><td>0.750</td><td>0.833</td><td>0.900</td></tr>")) {
            assertTrue(html.contains(row), row + " in " + html);
        }
        assertTrue(html.contains("<h2>Confusion matrix</h2><svg"), "the charts go in unescaped");
        assertTrue(html.contains("<h2>Accuracy per syllable</h2><svg"));
        assertTrue(html.contains("<h2>Learning curve</h2>") && html.contains("<polyline"));
        assertTrue(html.contains("<h2>Accuracy by syllable part</h2>"), html);
        assertTrue(html.contains("<h3>initial (22 in Mandarin)</h3><svg") && html.contains("<h3>final (42 in "
                + "Mandarin)</h3><svg") && html.contains("<h3>tone (5 in Mandarin)</h3><svg"), html);
        assertTrue(html.contains(">b (1)</text>") && html.contains(">p (1)</text>"), "each initial said, with its "
                + "attempts: " + html);
        assertTrue(html.contains("<h2>Training recipe</h2>"), html);
        assertTrue(html.contains("<pre>TrainingRecipe[network&#61;null, linear&#61;LinearTrainer[binFrames&#61;10"),
                "the recipe, escaped by the template (= too, harmless in text)");
        assertFalse(html.contains("<h2>Onset detection</h2>"), "no onset picture without a detector");
        selfContained(html);
    }

    @Test
    void sectionsWithoutTheirDataAreLeftOut() {
        Evaluation.Streaming streaming = new Evaluation.Streaming(new Evaluation.Spread(12, 3, 9, 12), null, 0,
                new double[0]);
        String html = EvaluationReport.html("m.zip", provenance("a.xdf"), List.of("b.xdf"), INVENTORY, CUED,
                null, streaming, List.of(), null, null);
        assertFalse(html.contains("syllable part"), html);
        assertFalse(html.contains("<td>onset detection</td>"), html);
        assertFalse(html.contains("<td>self-paced toned syllable</td>"), html);
        assertFalse(html.contains("Learning curve"), html);
        assertTrue(html.contains("<h2>Confusion matrix</h2>"), html);
        selfContained(html);
    }

    private static Posteriors sure(int base, int tone) {
        double[] b = new double[3];
        b[base] = 1;
        double[] t = new double[5];
        t[tone - 1] = 1;
        return new Posteriors(List.of("ba", "ga", "shi"), b, t);
    }

    private static Epoch said(String toned) {
        return new Epoch(0, TonedSyllable.parse(toned), 1, 1, new float[] {0});
    }

    /** Health data: nothing fetched, nothing run. */
    static void selfContained(String html) {
        for (String reference : List.of("src=", "href=", "<script", "<link", "url(", "@import")) {
            assertFalse(html.contains(reference), reference + " in " + html);
        }
        assertTrue(html.endsWith("</html>\n"), html);
    }

    private static Provenance provenance(String dataFile) {
        return new Provenance(Provenance.FORMAT, TrainedModel.Kind.LINEAR, FeatureConfig.defaults(1000),
                List.of("G1", "G2"), EpochConfig.ONSET_LOCKED, List.of("ba1", "ga2", "shi4"),
                List.of(new Provenance.DataFile(dataFile, "ab12", 12)), 7, Map.of(), Map.of(),
                new TrainingRecipe(null, new LinearTrainer(10, 1e-3, 30, 1), 0.2), null);
    }
}
