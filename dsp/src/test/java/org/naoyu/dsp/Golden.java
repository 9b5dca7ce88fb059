package org.naoyu.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The SciPy reference vectors of dsp/scripts/make_golden.py, by name. */
public final class Golden {
    private static final Map<String, double[][]> BLOCKS = load();

    private Golden() {
    }

    public static double[][] matrix(String name) {
        double[][] block = BLOCKS.get(name);
        if (block == null) {
            throw new AssertionError("golden.txt has no block '" + name + "'; re-run dsp/scripts/make_golden.py");
        }
        return block;
    }

    public static double[] vector(String name) {
        return matrix(name)[0];
    }

    public static double scalar(String name) {
        return matrix(name)[0][0];
    }

    public static Set<String> names() {
        return BLOCKS.keySet();
    }

    /** Asserts {@code actual} equals {@code expected} within {@code relative} of the largest magnitude in expected. */
    public static void assertClose(double[] expected, double[] actual, double relative, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(expected[i] - actual[i]);
            if (!(error <= worst)) {
                worst = error;
                at = i;
            }
        }
        assertTrue(worst <= relative * scale, what + ": largest error " + worst + " at " + at + " (expected "
                + (at >= 0 ? expected[at] : 0) + ", got " + (at >= 0 ? actual[at] : 0) + "), allowed "
                + relative * scale);
    }

    private static Map<String, double[][]> load() {
        try (InputStream in = Golden.class.getResourceAsStream("golden.txt")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, double[][]> blocks = new LinkedHashMap<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.startsWith("@ ")) {
                    continue;
                }
                String[] head = line.split(" ");
                double[][] block = new double[Integer.parseInt(head[2])][];
                for (int r = 0; r < block.length; r++) {
                    String[] cells = reader.readLine().trim().split(" ");
                    block[r] = new double[cells.length];
                    for (int c = 0; c < cells.length; c++) {
                        block[r][c] = Double.parseDouble(cells[c]);
                    }
                }
                blocks.put(head[1], block);
            }
            return blocks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
