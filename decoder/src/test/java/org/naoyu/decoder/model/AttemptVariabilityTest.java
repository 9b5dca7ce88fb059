package org.naoyu.decoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The attempt variability model scores as an independent numpy implementation does
 * ({@code decoder/scripts/make_variability_golden.py}, which builds each candidate's covariance densely where the
 * Java uses the Woodbury identity), reads back from the JSON a model file stores, and refuses malformed parameters
 * naming what is wrong.
 */
class AttemptVariabilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode golden() throws IOException {
        try (InputStream in = AttemptVariabilityTest.class.getResourceAsStream("variability-golden.json")) {
            return JSON.readTree(in);
        }
    }

    @Test
    void scoresEveryCandidateAsTheDenseFormulaDoes() throws IOException {
        JsonNode golden = golden();
        AttemptVariability model = JSON.treeToValue(golden.get("model"), AttemptVariability.class);
        List<int[]> candidates = new ArrayList<>();
        for (JsonNode c : golden.get("candidates")) {
            candidates.add(new int[] {c.get(0).asInt(), c.get(1).asInt(), c.get(2).asInt()});
        }
        AttemptVariability.Scorer scorer = model.scorer(candidates);
        int frames = golden.get("epochFrames").asInt();
        int e = 0;
        for (JsonNode epoch : golden.get("epochs")) {
            float[] values = new float[epoch.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) epoch.get(i).asDouble();
            }
            double[] scores = scorer.logLikelihoods(values, frames);
            JsonNode expected = golden.get("scores").get(e);
            for (int c = 0; c < scores.length; c++) {
                assertEquals(expected.get(c).asDouble(), scores[c], 1e-8, "epoch " + e + ", candidate " + c);
            }
            e++;
        }
        assertEquals(4, e);
    }

    @Test
    void survivesTheJsonAModelFileStores() throws IOException {
        AttemptVariability model = JSON.treeToValue(golden().get("model"), AttemptVariability.class);
        AttemptVariability back = JSON.readValue(JSON.writeValueAsString(model), AttemptVariability.class);
        List<int[]> candidates = List.<int[]>of(new int[] {0, 22, 64}, new int[] {21, 63, 67});
        float[] values = new float[14 * 6];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) Math.sin(i);
        }
        assertEquals(model.scorer(candidates).logLikelihoods(values, 14)[1],
                back.scorer(candidates).logLikelihoods(values, 14)[1], 0);
        assertTrue(back.describe().startsWith("attempt variability: stretch sd "), back.describe());
    }

    @Test
    void refusesWhatCannotBeAModelAndNamesIt() throws IOException {
        AttemptVariability m = JSON.treeToValue(golden().get("model"), AttemptVariability.class);
        String templates = assertThrows(IllegalArgumentException.class, () -> new AttemptVariability(m.clip(),
                m.onsetFrame(), m.binFrames(), m.bins(), m.patterns(), new double[3][20], m.stretches(), m.logPrior(),
                m.whitening(), m.variability())).getMessage();
        assertEquals("templates must have 70 rows (units, then the intercept), got 3", templates);
        double[][] broken = m.whitening();
        broken[2][1] = Double.NaN;
        String nan = assertThrows(IllegalArgumentException.class, () -> new AttemptVariability(m.clip(),
                m.onsetFrame(), m.binFrames(), m.bins(), m.patterns(), m.templates(), m.stretches(), m.logPrior(),
                broken, m.variability())).getMessage();
        assertEquals("whitening row holds a value that is not finite: NaN", nan);
        String stretch = assertThrows(IllegalArgumentException.class, () -> new AttemptVariability(m.clip(),
                m.onsetFrame(), m.binFrames(), m.bins(), m.patterns(), m.templates(), new double[] {0.8, 1, 9},
                m.logPrior(), m.whitening(), m.variability())).getMessage();
        assertEquals("stretches must be in [0.25, 4], got 9.0", stretch);
        String onset = assertThrows(IllegalArgumentException.class, () -> new AttemptVariability(m.clip(), 10,
                m.binFrames(), m.bins(), m.patterns(), m.templates(), m.stretches(), m.logPrior(), m.whitening(),
                m.variability())).getMessage();
        assertEquals("onsetFrame must be in [0, 10), got 10", onset);
        String shortEpoch = assertThrows(IllegalArgumentException.class, () -> m.scorer(
                List.<int[]>of(new int[] {0, 22, 64})).logLikelihoods(new float[6 * 8], 8)).getMessage();
        assertEquals("the epoch has 8 frames; the model's window needs 10", shortEpoch);
    }

    @Test
    void warpingAnAttemptUndoesItsStretch() {
        int frames = 30;
        double[] template = new double[frames];
        for (int f = 0; f < frames; f++) {
            template[f] = Math.exp(-0.5 * Math.pow((f - 12) / 3.0, 2));
        }
        double[] slow = AttemptVariability.unwarp(template, frames, 1, 4, 1.25);
        double[] back = AttemptVariability.warp(slow, frames, 20, 1, 4, 1.25);
        for (int f = 0; f < 20; f++) {
            assertEquals(template[f], back[f], 0.02, "frame " + f);
        }
        int peak = 0;
        for (int f = 1; f < frames; f++) {
            peak = slow[f] > slow[peak] ? f : peak;
        }
        assertEquals(14, peak, "the bump at frame 12, 8 frames after onset, moves to 10 after it at 1.25");
    }
}
