package org.naoyu.decoder.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The closed-form fit behind {@link TemplateTrainer}, in two stages so that cross-validation shares the expensive
 * one. {@link Means}: each trial's binned window is modelled as a mean plus one template per part it contains
 * (initial, final, tone), fitted by ridge regression on one-hot part indicators; the templates' common spatial
 * patterns are the eigenvectors of their scatter across electrodes. {@link Discriminant}: the windows projected
 * onto the strongest {@code rank} patterns, the residual covariance there shrunk towards a multiple of the identity
 * and inverted; from it, every part's linear score and the cross terms between parts.
 *
 * <p>Units are numbered initials first ({@code 0..21}), then finals ({@code 22..63}), then tones ({@code 64..68}).
 */
final class TemplateFit {
    static final int INITIALS = org.naoyu.decoder.data.SyllableParts.INITIAL_LABELS.size();
    static final int FINALS = org.naoyu.decoder.data.SyllableParts.FINALS.size();
    static final int UNITS = INITIALS + FINALS + 5;

    private TemplateFit() {
    }

    /** The units of a trial's syllable: its initial, final and tone, as unit numbers. */
    static int[] units(int initial, int fin, int tone) {
        return new int[] {firstUnit("initial") + initial, firstUnit("final") + fin, firstUnit("tone") + tone - 1};
    }

    /** The units a trial switches on in a regression on part indicators: its three, then the intercept. */
    static int[] indicators(int[] units) {
        return new int[] {units[0], units[1], units[2], UNITS};
    }

    /**
     * Ridge regression on the part indicators (the intercept unpenalised): the coefficients, one row per unit and the
     * intercept last, from {@code cross}, each indicator's sum of the trials' values, and the trials' units.
     *
     * @param use which trials {@code cross} summed
     */
    static double[][] partRegression(double[][] cross, int[][] units, boolean[] use, double ridge) {
        double[][] gram = new double[UNITS + 1][UNITS + 1];
        for (int n = 0; n < units.length; n++) {
            if (!use[n]) {
                continue;
            }
            int[] on = indicators(units[n]);
            for (int a : on) {
                for (int b : on) {
                    gram[a][b]++;
                }
            }
        }
        for (int u = 0; u < UNITS; u++) {
            gram[u][u] += ridge;
        }
        return Nd4j.create(inverse(gram, "the part indicators' Gram matrix")).mmul(Nd4j.create(cross))
                .toDoubleMatrix();
    }

    /** The unit number of a part head's first output ({@link Heads#layers()} names the heads). */
    static int firstUnit(String head) {
        return switch (head) {
            case "initial" -> 0;
            case "final" -> INITIALS;
            case "tone" -> INITIALS + FINALS;
            default -> throw new IllegalArgumentException("a template model has no " + head + " head");
        };
    }

    /**
     * Part templates over the first {@code bins} bins of each window and their spatial patterns.
     *
     * @param mean     the intercept, {@code bins × width}
     * @param template one per unit, {@code bins × width} (zero for a unit no trial has)
     * @param patterns {@code width × width}, column {@code j} the {@code j}-th strongest spatial pattern
     */
    record Means(int bins, int width, double[] mean, double[][] template, double[][] patterns) {

        /**
         * @param windows each trial's binned window, bin-major ({@code b · width + i}), at least {@code bins} bins
         * @param units   each trial's three units
         * @param use     which trials to fit on
         * @param ridge   the penalty on part templates (not on the mean), in trials
         */
        static Means fit(float[][] windows, int[][] units, boolean[] use, int bins, int width, double ridge) {
            int d = bins * width;
            double[][] cross = new double[UNITS + 1][d];
            for (int n = 0; n < windows.length; n++) {
                if (!use[n]) {
                    continue;
                }
                float[] x = windows[n];
                for (int a : indicators(units[n])) {
                    double[] row = cross[a];
                    for (int k = 0; k < d; k++) {
                        row[k] += x[k];
                    }
                }
            }
            double[][] coefficients = partRegression(cross, units, use, ridge);
            double[][] scatter = new double[width][width];
            for (int u = 0; u < UNITS; u++) {
                double[] t = coefficients[u];
                for (int b = 0; b < bins; b++) {
                    int o = b * width;
                    for (int i = 0; i < width; i++) {
                        double ti = t[o + i];
                        if (ti == 0) {
                            continue;
                        }
                        double[] row = scatter[i];
                        for (int j = 0; j < width; j++) {
                            row[j] += ti * t[o + j];
                        }
                    }
                }
            }
            INDArray vectors = Nd4j.create(scatter);
            INDArray values = Eigen.symmetricGeneralizedEigenvalues(vectors, true); // ascending; vectors in columns
            double[][] ascending = vectors.toDoubleMatrix();
            double[][] patterns = new double[width][width];
            for (int j = 0; j < width; j++) {
                for (int i = 0; i < width; i++) {
                    patterns[i][j] = ascending[i][width - 1 - j];
                }
            }
            if (values.length() != width) {
                throw new IllegalStateException("eigen-decomposition returned " + values.length() + " values for "
                        + width);
            }
            double[][] template = new double[UNITS][];
            System.arraycopy(coefficients, 0, template, 0, UNITS);
            return new Means(bins, width, coefficients[UNITS], template, patterns);
        }

        /** {@code window}'s first {@link #bins} bins projected onto the strongest {@code rank} patterns. */
        double[] project(float[] window, int rank) {
            double[] out = new double[bins * rank];
            for (int b = 0; b < bins; b++) {
                int o = b * width;
                for (int j = 0; j < rank; j++) {
                    double sum = 0;
                    for (int i = 0; i < width; i++) {
                        sum += window[o + i] * patterns[i][j];
                    }
                    out[b * rank + j] = sum;
                }
            }
            return out;
        }

        double[] project(double[] vector, int rank) {
            float[] asFloat = new float[vector.length];
            for (int k = 0; k < vector.length; k++) {
                asFloat[k] = (float) vector[k];
            }
            return project(asFloat, rank);
        }
    }

    /**
     * The discriminant in the projected space: {@code weight[u]} = P·A_u and {@code bias[u]} = −½A_u·P·A_u −
     * m·P·A_u for each unit's projected template A_u (m the projected mean, P the precision), and the cross terms
     * −A_u·P·A_v between units. A syllable's log-likelihood, up to what all syllables share, is the sum of its three
     * units' {@code weight·x + bias} and their three cross terms.
     */
    record Discriminant(Means means, int rank, double[][] weight, double[] bias, double[][] cross) {

        static Discriminant fit(Means means, double[][] projected, int[][] units, boolean[] use, int rank,
                double shrinkage) {
            int d = means.bins() * rank;
            double[] mean = means.project(means.mean(), rank);
            double[][] template = new double[UNITS][];
            for (int u = 0; u < UNITS; u++) {
                template[u] = means.project(means.template()[u], rank);
            }
            double[][] covariance = new double[d][d];
            double[] residual = new double[d];
            int count = 0;
            for (int n = 0; n < projected.length; n++) {
                if (!use[n]) {
                    continue;
                }
                count++;
                double[] x = projected[n];
                for (int k = 0; k < d; k++) {
                    residual[k] = x[k] - mean[k] - template[units[n][0]][k] - template[units[n][1]][k]
                            - template[units[n][2]][k];
                }
                for (int a = 0; a < d; a++) {
                    double ra = residual[a];
                    double[] row = covariance[a];
                    for (int b = 0; b < d; b++) {
                        row[b] += ra * residual[b];
                    }
                }
            }
            double trace = 0;
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    covariance[a][b] *= (1 - shrinkage) / count;
                }
                trace += covariance[a][a] / (1 - shrinkage);
            }
            double floor = Math.max(trace / d, 1e-9);
            for (int a = 0; a < d; a++) {
                covariance[a][a] += shrinkage * floor;
            }
            double[][] precision = inverse(covariance, "the residual covariance");
            double[][] weight = new double[UNITS][];
            double[] bias = new double[UNITS];
            for (int u = 0; u < UNITS; u++) {
                weight[u] = times(precision, template[u]);
                bias[u] = -0.5 * dot(template[u], weight[u]) - dot(mean, weight[u]);
            }
            double[][] cross = new double[UNITS][UNITS];
            for (int u = 0; u < UNITS; u++) {
                for (int v = u + 1; v < UNITS; v++) {
                    cross[u][v] = -dot(template[u], weight[v]);
                    cross[v][u] = cross[u][v];
                }
            }
            return new Discriminant(means, rank, weight, bias, cross);
        }

        /** Each unit's score for one projected window. */
        double[] unitScores(double[] projected) {
            double[] scores = new double[UNITS];
            for (int u = 0; u < UNITS; u++) {
                scores[u] = dot(weight[u], projected) + bias[u];
            }
            return scores;
        }

        /** A syllable's score from its units' scores. */
        double syllable(double[] unitScores, int[] units) {
            return unitScores[units[0]] + unitScores[units[1]] + unitScores[units[2]] + cross[units[0]][units[1]]
                    + cross[units[0]][units[2]] + cross[units[1]][units[2]];
        }

        /**
         * Unit {@code u}'s weights over a whole binned window of {@code windowBins} bins (bin-major), the projection
         * folded in; zero past the bins the fit reads.
         */
        float[] fullWeights(int u, int windowBins) {
            int width = means.width();
            float[] out = new float[windowBins * width];
            double[][] patterns = means.patterns();
            for (int b = 0; b < means.bins(); b++) {
                for (int i = 0; i < width; i++) {
                    double sum = 0;
                    for (int j = 0; j < rank; j++) {
                        sum += patterns[i][j] * weight[u][b * rank + j];
                    }
                    out[b * width + i] = (float) sum;
                }
            }
            return out;
        }
    }

    /**
     * The inverse of a symmetric positive definite matrix by its Cholesky factor (both matrices inverted here are:
     * a Gram matrix with a ridge, a covariance shrunk towards the identity); ND4J's general inverse failed on some of
     * them.
     *
     * @throws IllegalArgumentException naming {@code what} when it is not positive definite
     */
    static double[][] inverse(double[][] matrix, String what) {
        double[][] lowerInverse = lowerInverse(cholesky(matrix, what)); // L^-1, lower triangular
        int n = matrix.length;
        double[][] out = new double[n][n]; // (L L^T)^-1 = L^-T L^-1
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = 0;
                for (int k = i; k < n; k++) {
                    sum += lowerInverse[k][i] * lowerInverse[k][j];
                }
                out[i][j] = sum;
                out[j][i] = sum;
            }
        }
        return out;
    }

    /**
     * The Cholesky factor L (lower triangular, LLᵀ = {@code matrix}) of a symmetric positive definite matrix.
     *
     * @throws IllegalArgumentException naming {@code what} when it is not positive definite
     */
    static double[][] cholesky(double[][] matrix, String what) {
        int n = matrix.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = matrix[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(sum > 0)) {
                        throw new IllegalArgumentException(what + " is not positive definite (pivot " + i + " is "
                                + sum + ")");
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        return l;
    }

    /** L⁻¹ of a lower triangular L, itself lower triangular. */
    static double[][] lowerInverse(double[][] l) {
        int n = l.length;
        double[][] inverse = new double[n][n];
        for (int j = 0; j < n; j++) {
            inverse[j][j] = 1 / l[j][j];
            for (int i = j + 1; i < n; i++) {
                double sum = 0;
                for (int k = j; k < i; k++) {
                    sum -= l[i][k] * inverse[k][j];
                }
                inverse[i][j] = sum / l[i][i];
            }
        }
        return inverse;
    }

    /** log det(LLᵀ) from the Cholesky factor L. */
    static double logDet(double[][] l) {
        double sum = 0;
        for (int i = 0; i < l.length; i++) {
            sum += Math.log(l[i][i]);
        }
        return 2 * sum;
    }

    static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * b[k];
        }
        return sum;
    }

    private static double[] times(double[][] matrix, double[] vector) {
        double[] out = new double[matrix.length];
        for (int a = 0; a < matrix.length; a++) {
            out[a] = dot(matrix[a], vector);
        }
        return out;
    }
}
