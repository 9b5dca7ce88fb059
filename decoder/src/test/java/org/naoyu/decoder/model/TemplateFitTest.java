package org.naoyu.decoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The template decoder's closed-form fit against numpy's ({@code decoder/scripts/make_template_golden.py}): the same
 * binned windows and parts give the same unit scores on held-out windows and the same cross terms between units.
 */
class TemplateFitTest {

    @Test
    void unitScoresAndCrossTermsMatchNumpy() throws IOException {
        Map<String, double[][]> golden = read();
        TemplateFit.Discriminant fit = fitted(golden);
        TemplateFit.Means means = fit.means();
        int rank = fit.rank();

        float[][] test = floats(golden.get("test"));
        double[][] expected = golden.get("unit_scores");
        for (int t = 0; t < test.length; t++) {
            double[] scores = fit.unitScores(means.project(test[t], rank));
            for (int u = 0; u < TemplateFit.UNITS; u++) {
                assertEquals(expected[t][u], scores[u], 1e-6 * (1 + Math.abs(expected[t][u])),
                        "test window " + t + ", unit " + u);
            }
        }
        double[][] cross = golden.get("cross");
        for (int u = 0; u < TemplateFit.UNITS; u++) {
            for (int v = 0; v < TemplateFit.UNITS; v++) {
                assertEquals(cross[u][v], fit.cross()[u][v], 1e-6 * (1 + Math.abs(cross[u][v])),
                        "cross term " + u + ", " + v);
            }
        }
    }

    @Test
    void foldedWeightsScoreTheWholeWindowAsTheProjectionDoes() throws IOException {
        Map<String, double[][]> golden = read();
        int epochBins = (int) golden.get("settings")[0][1];
        TemplateFit.Discriminant fit = fitted(golden);
        TemplateFit.Means means = fit.means();
        float[] window = floats(golden.get("test"))[0];
        double[] viaProjection = fit.unitScores(means.project(window, fit.rank()));
        for (int u : new int[] {1, 4, TemplateFit.INITIALS + 5, TemplateFit.INITIALS + TemplateFit.FINALS + 2}) {
            float[] weights = fit.fullWeights(u, epochBins);
            double folded = fit.bias()[u];
            for (int k = 0; k < weights.length; k++) {
                folded += weights[k] * window[k];
            }
            assertEquals(viaProjection[u], folded, 1e-4 * (1 + Math.abs(folded)), "unit " + u);
        }
    }

    /** The fit of the golden windows with the golden settings (width, epoch bins, bins, rank, shrinkage, ridge). */
    private static TemplateFit.Discriminant fitted(Map<String, double[][]> golden) {
        double[] settings = golden.get("settings")[0];
        int rank = (int) settings[3];
        float[][] windows = floats(golden.get("windows"));
        int[][] units = ints(golden.get("units"));
        boolean[] use = new boolean[windows.length];
        java.util.Arrays.fill(use, true);
        TemplateFit.Means means = TemplateFit.Means.fit(windows, units, use, (int) settings[2], (int) settings[0],
                settings[5]);
        double[][] projected = new double[windows.length][];
        for (int n = 0; n < windows.length; n++) {
            projected[n] = means.project(windows[n], rank);
        }
        return TemplateFit.Discriminant.fit(means, projected, units, use, rank, settings[4]);
    }

    private static Map<String, double[][]> read() throws IOException {
        Map<String, double[][]> blocks = new HashMap<>();
        try (InputStream in = TemplateFitTest.class.getResourceAsStream("template-golden.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("@")) {
                    continue;
                }
                String[] head = line.split(" ");
                double[][] block = new double[Integer.parseInt(head[2])][];
                for (int r = 0; r < block.length; r++) {
                    block[r] = java.util.Arrays.stream(reader.readLine().trim().split(" "))
                            .mapToDouble(Double::parseDouble).toArray();
                }
                blocks.put(head[1], block);
            }
        }
        return blocks;
    }

    private static float[][] floats(double[][] values) {
        float[][] out = new float[values.length][];
        for (int r = 0; r < values.length; r++) {
            out[r] = new float[values[r].length];
            for (int c = 0; c < out[r].length; c++) {
                out[r][c] = (float) values[r][c];
            }
        }
        return out;
    }

    private static int[][] ints(double[][] values) {
        return java.util.Arrays.stream(values).map(row -> java.util.Arrays.stream(row).mapToInt(v -> (int) v)
                .toArray()).toArray(int[][]::new);
    }
}
