package org.naoyu.speller.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden files: each chart drawn from fixed inputs must equal, byte for byte, the SVG committed under
 * {@code src/test/resources/org/naoyu/speller/report/}. A deliberate change to a chart regenerates them with
 * {@code mvn -B -o -pl speller-ui test -Dtest=ReportSvgTest -Dnaoyu.golden.write=true}; look at the new pictures
 * in a browser and commit them with the change.
 */
class ReportSvgTest {
    private static final Path GOLDEN = Path.of("src/test/resources/org/naoyu/speller/report");

    @Test
    void confusionMatrix() throws IOException {
        int[][] counts = {{5, 1, 0}, {2, 3, 1}, {0, 0, 0}};
        golden("confusion.svg", ReportSvg.confusion(List.of("ba1", "ga2", "a<&>\"b"), counts));
    }

    @Test
    void barsWithChance() throws IOException {
        golden("bars.svg", ReportSvg.bars(List.of("ba1", "ga2", "shi4"), new double[] {0.8, Double.NaN, 0.25},
                1 / 3.0));
    }

    @Test
    void learningCurveAgainstChance() throws IOException {
        golden("lines-chance.svg", ReportSvg.lines("training trials per toned syllable", "top-1 toned accuracy",
                List.of(new ReportSvg.Line("DL4J network", "#2e86c1", new double[] {1, 3, 5, 8},
                                new double[] {0.2, 0.45, 0.6, 0.72}),
                        new ReportSvg.Line("linear baseline", "#e67e22", new double[] {1, 3, 5, 8},
                                new double[] {0.3, 0.5, 0.55, 1.2})), 1 / 6.0));
    }

    @Test
    void sweepAgainstABudget() throws IOException {
        golden("lines-budget.svg", ReportSvg.lines("channels", "end to end per attempt, ms",
                List.of(new ReportSvg.Line("p50", "#2e86c1", new double[] {64, 256, 1024}, new double[] {4, 12.5, 15}),
                        new ReportSvg.Line("p99", "#c0392b", new double[] {64, 256, 1024}, new double[] {8, 25, 30})),
                50, 20, "budget p99 at 256 ch"));
    }

    @Test
    void curveWithoutReference() throws IOException {
        golden("lines-no-reference.svg", ReportSvg.lines("syllable top-1 accuracy of the decoder",
                "character accuracy", List.of(new ReportSvg.Line("with the language model", "#2e86c1",
                        new double[] {0.303, 0.505, 0.715}, new double[] {0.678, 0.807, 0.886})), 0));
    }

    @Test
    void onsetStrip() throws IOException {
        double[] times = new double[50];
        double[] probability = new double[50];
        for (int i = 0; i < times.length; i++) {
            times[i] = 2 + 0.2 * i;
            probability[i] = i == 7 ? Double.NaN : 0.5 + 0.5 * Math.sin(i / 4.0);
        }
        golden("onset-strip.svg", ReportSvg.onsetStrip(times, probability,
                List.of(new double[] {1, 2.5}, new double[] {4, 5}, new double[] {20, 30}),
                new double[] {4.2, 7.5, 40}, 0.6));
        assertEquals("<p>(no frames)</p>", ReportSvg.onsetStrip(new double[0], new double[0], List.of(),
                new double[0], 0.5));
    }

    private static void golden(String name, String svg) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("naoyu.golden.write")) {
            Files.writeString(file, svg, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), svg, name + " differs from its golden file; "
                + "if the change is deliberate, regenerate with -Dnaoyu.golden.write=true and look at it");
    }
}
