package org.naoyu.decoder.model;

import java.util.Arrays;
import org.naoyu.decoder.data.SyllableParts;

/**
 * Log-potentials between a syllable's parts, added to the sum of the part heads' log-probabilities before a toned
 * syllable is scored. Part heads alone are a naive-Bayes reading: each part is judged as if the others did not
 * exist. A generative decoder ({@link TemplateTrainer}) knows better: a syllable's template is the sum of its parts'
 * templates, and its likelihood has cross terms between them (two parts whose templates overlap must not both claim
 * the same activity). Those cross terms do not depend on the attempt, so they are stored here, once per model.
 *
 * @param initialFinal [initial][final], in {@link SyllableParts#INITIAL_LABELS} and {@link SyllableParts#FINALS} order
 * @param initialTone  [initial][tone − 1]
 * @param finalTone    [final][tone − 1]
 */
public record PartCoupling(double[][] initialFinal, double[][] initialTone, double[][] finalTone) {
    private static final int INITIALS = SyllableParts.INITIAL_LABELS.size();
    private static final int FINALS = SyllableParts.FINALS.size();

    public PartCoupling {
        initialFinal = checked("initialFinal", initialFinal, INITIALS, FINALS);
        initialTone = checked("initialTone", initialTone, INITIALS, 5);
        finalTone = checked("finalTone", finalTone, FINALS, 5);
    }

    /** The log-potential of a syllable with these parts' indices and tone (1-5). */
    public double of(int initial, int fin, int tone) {
        return initialFinal[initial][fin] + initialTone[initial][tone - 1] + finalTone[fin][tone - 1];
    }

    private static double[][] checked(String name, double[][] table, int rows, int columns) {
        if (table == null || table.length != rows) {
            throw new IllegalArgumentException("part coupling " + name + " needs " + rows + " rows, got "
                    + (table == null ? "none" : table.length));
        }
        double[][] copy = new double[rows][];
        for (int r = 0; r < rows; r++) {
            if (table[r] == null || table[r].length != columns) {
                throw new IllegalArgumentException("part coupling " + name + " row " + r + " needs " + columns
                        + " values, got " + (table[r] == null ? "none" : table[r].length));
            }
            for (int c = 0; c < columns; c++) {
                if (!Double.isFinite(table[r][c])) {
                    throw new IllegalArgumentException("part coupling " + name + "[" + r + "][" + c + "] is "
                            + table[r][c] + "; it must be finite");
                }
            }
            copy[r] = table[r].clone();
        }
        return copy;
    }

    @Override
    public double[][] initialFinal() {
        return deepCopy(initialFinal);
    }

    @Override
    public double[][] initialTone() {
        return deepCopy(initialTone);
    }

    @Override
    public double[][] finalTone() {
        return deepCopy(finalTone);
    }

    private static double[][] deepCopy(double[][] table) {
        return Arrays.stream(table).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartCoupling that && Arrays.deepEquals(initialFinal, that.initialFinal)
                && Arrays.deepEquals(initialTone, that.initialTone) && Arrays.deepEquals(finalTone, that.finalTone);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(new Object[] {initialFinal, initialTone, finalTone});
    }

    @Override
    public String toString() {
        return "PartCoupling[" + INITIALS + " initials x " + FINALS + " finals x 5 tones]";
    }
}
