package org.naoyu.decoder.model;

import java.util.Arrays;
import java.util.List;
import org.naoyu.decoder.data.SyllableParts;

/**
 * How one attempt departs from its syllable's template, as the template decoder scores it: the attempt's time axis
 * is stretched (a slower or quicker syllable, and some tones longer than others), and each part (initial, final,
 * tone) comes with a gain of its own and a small shift in time. A shared-covariance discriminant has to count all of
 * that as noise; here it is a random effect of known shape. For a candidate syllable at stretch {@code s}, the
 * window {@code x} (binned, projected onto the spatial patterns) is
 *
 * <pre>
 *   x = μ_s + J_s·z + e,   z ~ N(0, D),   e ~ N(0, Σ)
 * </pre>
 *
 * where {@code μ_s} is the intercept plus the three part templates, stretched by {@code s} about the speech onset,
 * and the columns of {@code J_s} are the three part templates (their gains) and their derivatives in time (their
 * shifts). The score is the log of {@code Σ_s p(s | tone) N(x; μ_s, Σ + J_s D J_sᵀ)}, computed with the Woodbury
 * identity, so a candidate costs a few dozen operations once each unit's dot products with the window are known
 * (a sum over parts, as in the plain discriminant).
 *
 * <p>The templates are kept over frames in normalised time (the syllable at its usual pace); {@link VariabilityFit}
 * learns them, {@code Σ}, {@code D} and the stretches' prior from the calibration by expectation-maximisation.
 *
 * @param clip        feature values are clipped to ±clip before anything else
 * @param onsetFrame  the frame of the speech onset within the epoch (the stretch's fixed point)
 * @param binFrames   frames averaged into one bin
 * @param bins        bins in the window, from the epoch's first frame
 * @param patterns    the spatial patterns, {@code width × rank}
 * @param templates   per unit ({@link TemplateFit#UNITS} of them, then the intercept), {@code frames × rank} values
 *                    frame-major, in normalised time; {@code frames = bins · binFrames}
 * @param stretches   the stretches of the time axis scored, each in [0.25, 4]
 * @param logPrior    per tone (1-5 as 0-4), the log-probability of each stretch
 * @param whitening   the inverse of the Cholesky factor of {@code Σ}, lower triangular, {@code d × d} with
 *                    {@code d = bins · rank}
 * @param variability {@code D}: the covariance of the parts' gains and shifts, 6 × 6 (gains of initial, final, tone,
 *                    then their shifts, in bins)
 */
public record AttemptVariability(double clip, int onsetFrame, int binFrames, int bins, double[][] patterns,
        double[][] templates, double[] stretches, double[][] logPrior, double[][] whitening, double[][] variability) {

    /** Columns of J: a gain and a shift per part. */
    static final int EFFECTS = 6;
    private static final int PARTS = 3;

    public AttemptVariability {
        if (!(clip > 0)) {
            throw new IllegalArgumentException("clip must be > 0, got " + clip);
        }
        if (binFrames < 1 || bins < 2) {
            throw new IllegalArgumentException("need binFrames >= 1 and bins >= 2, got " + binFrames + " and " + bins);
        }
        int frames = bins * binFrames;
        if (onsetFrame < 0 || onsetFrame >= frames) {
            throw new IllegalArgumentException("onsetFrame must be in [0, " + frames + "), got " + onsetFrame);
        }
        if (patterns == null || patterns.length == 0 || patterns[0].length == 0) {
            throw new IllegalArgumentException("patterns must be width x rank, both >= 1");
        }
        int rank = patterns[0].length;
        for (double[] row : patterns) {
            requireLength("patterns row", row, rank);
        }
        if (templates == null || templates.length != TemplateFit.UNITS + 1) {
            throw new IllegalArgumentException("templates must have " + (TemplateFit.UNITS + 1)
                    + " rows (units, then the intercept), got " + (templates == null ? 0 : templates.length));
        }
        for (double[] t : templates) {
            requireLength("template", t, frames * rank);
        }
        if (stretches == null || stretches.length == 0) {
            throw new IllegalArgumentException("at least one stretch is needed");
        }
        for (double s : stretches) {
            if (!(s >= 0.25 && s <= 4)) {
                throw new IllegalArgumentException("stretches must be in [0.25, 4], got " + s);
            }
        }
        if (logPrior == null || logPrior.length != 5) {
            throw new IllegalArgumentException("logPrior needs a row per tone (5)");
        }
        for (double[] row : logPrior) {
            requireLength("logPrior row", row, stretches.length);
        }
        int d = bins * rank;
        if (whitening == null || whitening.length != d) {
            throw new IllegalArgumentException("whitening must be " + d + " x " + d);
        }
        for (double[] row : whitening) {
            requireLength("whitening row", row, d);
        }
        if (variability == null || variability.length != EFFECTS) {
            throw new IllegalArgumentException("variability must be " + EFFECTS + " x " + EFFECTS);
        }
        for (double[] row : variability) {
            requireLength("variability row", row, EFFECTS);
        }
        patterns = deepCopy(patterns);
        templates = deepCopy(templates);
        stretches = stretches.clone();
        logPrior = deepCopy(logPrior);
        whitening = deepCopy(whitening);
        variability = deepCopy(variability);
    }

    private static void requireLength(String what, double[] row, int length) {
        if (row == null || row.length != length) {
            throw new IllegalArgumentException(what + " must have " + length + " values, got "
                    + (row == null ? 0 : row.length));
        }
        for (double v : row) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException(what + " holds a value that is not finite: " + v);
            }
        }
    }

    static double[][] deepCopy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }

    // the arrays are the model's own: callers get copies
    @Override
    public double[][] patterns() {
        return deepCopy(patterns);
    }

    @Override
    public double[][] templates() {
        return deepCopy(templates);
    }

    @Override
    public double[] stretches() {
        return stretches.clone();
    }

    @Override
    public double[][] logPrior() {
        return deepCopy(logPrior);
    }

    @Override
    public double[][] whitening() {
        return deepCopy(whitening);
    }

    @Override
    public double[][] variability() {
        return deepCopy(variability);
    }

    /** Unit {@code u}'s template (the intercept at {@link TemplateFit#UNITS}), not copied: for this package's fits. */
    double[] template(int u) {
        return templates[u];
    }

    /** One line: the spread of the stretches, gains and shifts the model learned. */
    public String describe() {
        double[] share = new double[stretches.length];
        for (double[] row : logPrior) {
            for (int s = 0; s < share.length; s++) {
                share[s] += Math.exp(row[s]) / logPrior.length;
            }
        }
        double mean = 0;
        double square = 0;
        for (int s = 0; s < share.length; s++) {
            mean += share[s] * stretches[s];
            square += share[s] * stretches[s] * stretches[s];
        }
        return String.format(java.util.Locale.ROOT, "attempt variability: stretch sd %.2f over %d stretches, part "
                + "gain sd %.2f/%.2f/%.2f, shift sd %.2f/%.2f/%.2f bins", Math.sqrt(Math.max(0, square - mean * mean)),
                stretches.length, Math.sqrt(variability[0][0]), Math.sqrt(variability[1][1]),
                Math.sqrt(variability[2][2]), Math.sqrt(variability[3][3]), Math.sqrt(variability[4][4]),
                Math.sqrt(variability[5][5]));
    }

    public int rank() {
        return patterns[0].length;
    }

    public int width() {
        return patterns.length;
    }

    int frames() {
        return bins * binFrames;
    }

    int dimension() {
        return bins * rank();
    }

    /** The epoch's first {@code frameCount} frames, clipped, projected onto the patterns, frame-major. */
    double[] projectFrames(float[] values, int frameCount) {
        return projectFrames(values, frameCount, patterns, clip);
    }

    /** The same for {@code patterns} ({@code width × rank}) and bound {@code clip}, before a model exists. */
    static double[] projectFrames(float[] values, int frameCount, double[][] patterns, double clip) {
        int width = patterns.length;
        int rank = patterns[0].length;
        double[] out = new double[frameCount * rank];
        for (int f = 0; f < frameCount; f++) {
            int o = f * width;
            for (int i = 0; i < width; i++) {
                double v = Math.max(-clip, Math.min(clip, values[o + i]));
                if (v == 0) {
                    continue;
                }
                double[] p = patterns[i];
                for (int r = 0; r < rank; r++) {
                    out[f * rank + r] += v * p[r];
                }
            }
        }
        return out;
    }

    /** Frame-major {@code frames × rank} values averaged into {@link #bins} bins. */
    double[] bin(double[] frameValues) {
        return bin(frameValues, bins, binFrames, rank());
    }

    /** Frame-major values, {@code rank} a frame, averaged into {@code bins} bins of {@code binFrames} frames. */
    static double[] bin(double[] frameValues, int bins, int binFrames, int rank) {
        double[] out = new double[bins * rank];
        for (int b = 0; b < bins; b++) {
            for (int k = 0; k < binFrames; k++) {
                int f = b * binFrames + k;
                for (int r = 0; r < rank; r++) {
                    out[b * rank + r] += frameValues[f * rank + r];
                }
            }
        }
        for (int k = 0; k < out.length; k++) {
            out[k] /= binFrames;
        }
        return out;
    }

    /**
     * A normalised-time template on the real time axis of an attempt stretched by {@code s}: frame {@code t} reads
     * the template at {@code onset + (t − onset)/s}, linearly interpolated (held at the ends).
     */
    static double[] unwarp(double[] template, int frames, int rank, int onset, double s) {
        return warp(template, frames, frames, rank, onset, 1 / s);
    }

    /**
     * An attempt's frames brought to normalised time, as if it had been said at stretch 1: frame {@code τ} reads the
     * attempt at {@code onset + (τ − onset)·s} (the inverse of {@link #unwarp}); {@code source} may be longer than
     * the {@code frames} returned.
     */
    static double[] warp(double[] source, int sourceFrames, int frames, int rank, int onset, double s) {
        double[] out = new double[frames * rank];
        for (int tau = 0; tau < frames; tau++) {
            double at = onset + (tau - onset) * s;
            int i0 = Math.max(0, Math.min(sourceFrames - 2, (int) Math.floor(at)));
            double frac = Math.max(0, Math.min(1, at - i0));
            for (int r = 0; r < rank; r++) {
                out[tau * rank + r] = source[i0 * rank + r] * (1 - frac) + source[(i0 + 1) * rank + r] * frac;
            }
        }
        return out;
    }

    /** Per pattern, the change per bin: central differences inside, one-sided at the two ends. */
    static double[] derivative(double[] binned, int bins, int rank) {
        double[] out = new double[binned.length];
        for (int b = 0; b < bins; b++) {
            int lo = Math.max(0, b - 1);
            int hi = Math.min(bins - 1, b + 1);
            for (int r = 0; r < rank; r++) {
                out[b * rank + r] = (binned[hi * rank + r] - binned[lo * rank + r]) / (hi - lo);
            }
        }
        return out;
    }

    /** Every unit's template (the intercept last) stretched by {@code s} and binned: [unit][bins · rank]. */
    double[][] binnedAt(double s) {
        double[][] out = new double[templates.length][];
        for (int u = 0; u < out.length; u++) {
            out[u] = bin(unwarp(templates[u], frames(), rank(), onsetFrame, s));
        }
        return out;
    }

    /** Everything about the candidates that does not depend on the attempt, computed once per model. */
    Scorer scorer(List<int[]> candidates) {
        return new Scorer(this, candidates);
    }

    /**
     * Scores attempts against fixed candidates (each {@code {initial, final, tone}} as {@link TemplateFit#units}
     * numbers them).
     */
    static final class Scorer {
        private final AttemptVariability model;
        private final int count;
        /** [stretch][unit][d]: whitened binned templates, the intercept last. */
        private final double[][][] templates;
        /** [stretch][unit][d]: their whitened derivatives. */
        private final double[][][] slopes;
        /**
         * [stretch][candidate · {@link #STRIDE} + k], laid out for one pass over the candidates: |μ − intercept|²
         * after whitening; Jᵀ(μ − intercept), whitened (6); the Cholesky factor of D⁻¹ + JᵀΣ⁻¹J, lower triangle by
         * rows with each diagonal entry stored as its reciprocal (21); −½ log det(I + D JᵀΣ⁻¹J) plus the log prior
         * of the stretch for the candidate's tone.
         */
        private final double[][] packed;
        private static final int STRIDE = 1 + EFFECTS + EFFECTS * (EFFECTS + 1) / 2 + 1;
        private static final int OFFSET = 1;
        private static final int FACTOR = 1 + EFFECTS;
        private static final int CONSTANT = STRIDE - 1;
        /** The candidates' units, three per candidate. */
        private final int[] unitsFlat;

        Scorer(AttemptVariability model, List<int[]> candidateUnits) {
            this.model = model;
            this.count = candidateUnits.size();
            int stretches = model.stretches.length;
            int units = TemplateFit.UNITS + 1;
            int rank = model.rank();
            templates = new double[stretches][units][];
            slopes = new double[stretches][units][];
            for (int s = 0; s < stretches; s++) {
                double[][] binned = model.binnedAt(model.stretches[s]);
                for (int u = 0; u < units; u++) {
                    templates[s][u] = whiten(model.whitening, binned[u]);
                    slopes[s][u] = whiten(model.whitening, derivative(binned[u], model.bins, rank));
                }
            }
            String dName = "the gains' and shifts' covariance D";
            double[][] precision = TemplateFit.inverse(model.variability, dName);
            double logDetD = TemplateFit.logDet(TemplateFit.cholesky(model.variability, dName));
            packed = new double[stretches][count * STRIDE];
            unitsFlat = new int[count * PARTS];
            for (int c = 0; c < count; c++) {
                System.arraycopy(candidateUnits.get(c), 0, unitsFlat, c * PARTS, PARTS);
            }
            int d = model.dimension();
            double[][] columns = new double[EFFECTS][];
            double[] sum = new double[d];
            for (int s = 0; s < stretches; s++) {
                for (int c = 0; c < count; c++) {
                    int[] unit = candidateUnits.get(c);
                    Arrays.fill(sum, 0);
                    for (int p = 0; p < PARTS; p++) {
                        columns[p] = templates[s][unit[p]];
                        columns[PARTS + p] = slopes[s][unit[p]];
                        for (int k = 0; k < d; k++) {
                            sum[k] += columns[p][k];
                        }
                    }
                    double[] row = packed[s];
                    int at = c * STRIDE;
                    row[at] = TemplateFit.dot(sum, sum);
                    double[][] a = new double[EFFECTS][EFFECTS];
                    for (int i = 0; i < EFFECTS; i++) {
                        row[at + OFFSET + i] = TemplateFit.dot(columns[i], sum);
                        for (int j = 0; j <= i; j++) {
                            double g = TemplateFit.dot(columns[i], columns[j]) + precision[i][j];
                            a[i][j] = g;
                            a[j][i] = g;
                        }
                    }
                    double[][] l = TemplateFit.cholesky(a, "a syllable's posterior precision of its gains and shifts");
                    // L's lower triangle by rows, each diagonal entry as its reciprocal (solvedNorm multiplies)
                    for (int i = 0, k = at + FACTOR; i < EFFECTS; i++) {
                        for (int j = 0; j <= i; j++) {
                            row[k++] = i == j ? 1 / l[i][i] : l[i][j];
                        }
                    }
                    int tone = unit[2] - TemplateFit.firstUnit("tone");
                    row[at + CONSTANT] = -0.5 * (logDetD + TemplateFit.logDet(l)) + model.logPrior[tone][s];
                }
            }
        }

        /** Each candidate's log-likelihood of the epoch's values, up to a constant shared by all candidates. */
        double[] logLikelihoods(float[] epochValues, int epochFrames) {
            double[][] perStretch = perStretch(epochValues, epochFrames);
            double[] out = new double[count];
            for (int c = 0; c < count; c++) {
                double max = Double.NEGATIVE_INFINITY;
                for (double[] row : perStretch) {
                    max = Math.max(max, row[c]);
                }
                double total = 0;
                for (double[] row : perStretch) {
                    total += Math.exp(row[c] - max);
                }
                out[c] = max + Math.log(total);
            }
            return out;
        }

        /** [stretch][candidate]: the log of p(stretch | tone) · N(x; μ_s, Σ + J_s D J_sᵀ), up to a shared constant. */
        double[][] perStretch(float[] epochValues, int epochFrames) {
            int frames = model.frames();
            if (epochFrames < frames) {
                throw new IllegalArgumentException("the epoch has " + epochFrames + " frames; the model's window needs "
                        + frames);
            }
            double[] y = whiten(model.whitening, model.bin(model.projectFrames(epochValues, frames)));
            int stretches = model.stretches.length;
            int units = TemplateFit.UNITS;
            double[][] perStretch = new double[stretches][count];
            double[] z = new double[y.length];
            double[] p = new double[units];
            double[] q = new double[units];
            double[] v = new double[EFFECTS];
            double[] w = new double[EFFECTS];
            for (int s = 0; s < stretches; s++) {
                double[] intercept = templates[s][units];
                for (int k = 0; k < y.length; k++) {
                    z[k] = y[k] - intercept[k];
                }
                double zz = TemplateFit.dot(z, z);
                for (int u = 0; u < units; u++) {
                    p[u] = TemplateFit.dot(templates[s][u], z);
                    q[u] = TemplateFit.dot(slopes[s][u], z);
                }
                double[] row = packed[s];
                double[] scores = perStretch[s];
                for (int c = 0, at = 0, u = 0; c < count; c++, at += STRIDE, u += PARTS) {
                    int i0 = unitsFlat[u];
                    int i1 = unitsFlat[u + 1];
                    int i2 = unitsFlat[u + 2];
                    double residual = zz - 2 * (p[i0] + p[i1] + p[i2]) + row[at];
                    int o = at + OFFSET;
                    v[0] = p[i0] - row[o];
                    v[1] = p[i1] - row[o + 1];
                    v[2] = p[i2] - row[o + 2];
                    v[3] = q[i0] - row[o + 3];
                    v[4] = q[i1] - row[o + 4];
                    v[5] = q[i2] - row[o + 5];
                    scores[c] = -0.5 * (residual - solvedNorm(row, at + FACTOR, v, w)) + row[at + CONSTANT];
                }
            }
            return perStretch;
        }
    }

    /**
     * vᵀA⁻¹v = |L⁻¹v|² for A = LLᵀ, L's lower triangle by rows from {@code from} in {@code packed}, each diagonal
     * entry stored as its reciprocal; {@code w} is scratch.
     */
    private static double solvedNorm(double[] packed, int from, double[] v, double[] w) {
        double total = 0;
        int k = from;
        for (int i = 0; i < v.length; i++) {
            double sum = v[i];
            for (int j = 0; j < i; j++) {
                sum -= packed[k++] * w[j];
            }
            w[i] = sum * packed[k++];
            total += w[i] * w[i];
        }
        return total;
    }

    static double[] whiten(double[][] lowerInverse, double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double sum = 0;
            double[] row = lowerInverse[i];
            for (int j = 0; j <= i; j++) {
                sum += row[j] * x[j];
            }
            out[i] = sum;
        }
        return out;
    }

    /** The candidates a model with these units answers with, as {@link TemplateFit#units} numbers them. */
    static int[] unitsOf(SyllableParts parts) {
        return TemplateFit.units(parts.initialIndex(), parts.finalIndex(), parts.tone());
    }
}
