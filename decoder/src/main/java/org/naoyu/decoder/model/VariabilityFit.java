package org.naoyu.decoder.model;

import java.util.Arrays;
import java.util.List;
import org.naoyu.decoder.data.Epoch;

/**
 * Learns an {@link AttemptVariability} from calibration trials by expectation-maximisation, with each trial's
 * syllable known:
 * <ol>
 * <li>each trial is brought to normalised time at its current stretch (all start at 1), and the part templates are
 * fitted there over frames by ridge regression on the part indicators, as {@link TemplateFit.Means} does over bins;</li>
 * <li>with every trial at its stretch, the noise covariance Σ and the gains' and shifts' covariance D are estimated
 * as in factor analysis whose loadings (the templates and their slopes) are known;</li>
 * <li>each trial takes the stretch under which its own syllable is most likely, and each tone's prior over stretches
 * becomes the share of its trials at each (plus one, so none is ruled out).</li>
 * </ol>
 * Nothing here is told how the data were made: the stretches' spread, the tones' durations, the gains' and shifts'
 * sizes all come from the trials.
 *
 * @param stretches  the stretches of the time axis scored, one of them 1
 * @param iterations rounds of the three steps
 * @param faRounds   factor-analysis updates per round
 */
record VariabilityFit(double[] stretches, int iterations, int faRounds) {
    /** From 0.64 to 1.3 of the usual pace: a syllable said a third quicker or slower. */
    static final VariabilityFit DEFAULT = new VariabilityFit(
            new double[] {0.64, 0.72, 0.8, 0.88, 0.94, 1.0, 1.06, 1.12, 1.2, 1.3}, 6, 10);

    VariabilityFit {
        stretches = stretches.clone();
        if (Arrays.stream(stretches).noneMatch(s -> s == 1)) {
            throw new IllegalArgumentException("the stretches must include 1, got " + Arrays.toString(stretches));
        }
        if (iterations < 1 || faRounds < 1) {
            throw new IllegalArgumentException("iterations and faRounds must be >= 1, got " + iterations + " and "
                    + faRounds);
        }
    }

    /**
     * @param epochs     the trials, each at least {@code bins · binFrames} frames
     * @param units      each trial's three units
     * @param patterns   the spatial patterns, {@code width × ≥ rank} (column j the j-th)
     * @param shrinkage  of Σ towards a multiple of the identity, in [0, 1)
     * @param ridge      the penalty on part templates, in trials
     */
    AttemptVariability fit(List<Epoch> epochs, int[][] units, double clip, int onsetFrame, int binFrames, int bins,
            double[][] patterns, int rank, double shrinkage, double ridge) {
        int n = epochs.size();
        int frames = bins * binFrames;
        int d = bins * rank;
        double[][] chosen = new double[patterns.length][rank];
        for (int i = 0; i < patterns.length; i++) {
            System.arraycopy(patterns[i], 0, chosen[i], 0, rank);
        }
        double[][] identity = identity(d);
        // the frames a stretched trial can reach: onset + (frames − 1 − onset) · the largest stretch
        int reach = (int) Math.ceil(onsetFrame + (frames - 1 - onsetFrame) * max(stretches)) + 2;
        double[][] source = new double[n][];
        int[] sourceFrames = new int[n];
        double[][] observed = new double[n][];
        for (int k = 0; k < n; k++) {
            Epoch epoch = epochs.get(k);
            if (epoch.frames() < frames) {
                throw new IllegalArgumentException("epoch at " + epoch.lockSeconds() + " s has " + epoch.frames()
                        + " frames; the window needs " + frames);
            }
            sourceFrames[k] = Math.min(epoch.frames(), reach);
            source[k] = AttemptVariability.projectFrames(epoch.values(), sourceFrames[k], chosen, clip);
            observed[k] = AttemptVariability.bin(Arrays.copyOf(source[k], frames * rank), bins, binFrames, rank);
        }
        int one = indexOfOne();
        int[] stretchOf = new int[n];
        Arrays.fill(stretchOf, one);
        double[][] logPrior = new double[5][stretches.length];
        double[][] sigma = null;
        double[][] effects = scaled(identity(AttemptVariability.EFFECTS), 0.01);
        AttemptVariability model = null;
        for (int round = 0; round <= iterations; round++) {
            double[][] templates = templates(source, sourceFrames, units, stretchOf, frames, rank, onsetFrame, ridge);
            // this round's templates, not yet whitened: each stretch in use binned once for all its trials
            AttemptVariability unwhitened = new AttemptVariability(clip, onsetFrame, binFrames, bins, chosen,
                    templates, stretches, logPrior, identity, effects);
            double[][][] binned = new double[stretches.length][][];
            double[][] means = new double[n][];
            double[][][] loadings = new double[n][][];
            for (int k = 0; k < n; k++) {
                int s = stretchOf[k];
                if (binned[s] == null) {
                    binned[s] = unwhitened.binnedAt(stretches[s]);
                }
                means[k] = new double[d];
                loadings[k] = loading(binned[s], units[k], bins, rank, means[k]);
            }
            if (sigma == null) {
                sigma = secondMoment(observed, means, d);
            }
            for (int r = 0; r < faRounds; r++) {
                double[][] precision = TemplateFit.inverse(shrunk(sigma, shrinkage), "the noise covariance");
                double[][] effectPrecision = TemplateFit.inverse(effects, "the gains' and shifts' covariance");
                double[][] sigmaSum = new double[d][d];
                double[][] effectSum = new double[AttemptVariability.EFFECTS][AttemptVariability.EFFECTS];
                for (int k = 0; k < n; k++) {
                    eStep(observed[k], means[k], loadings[k], precision, effectPrecision, sigmaSum, effectSum);
                }
                sigma = scaled(sigmaSum, 1.0 / n);
                effects = scaled(effectSum, 1.0 / n);
            }
            double[][] whitening = TemplateFit.lowerInverse(TemplateFit.cholesky(shrunk(sigma, shrinkage),
                    "the noise covariance"));
            model = new AttemptVariability(clip, onsetFrame, binFrames, bins, chosen, templates, stretches, logPrior,
                    whitening, effects);
            if (round == iterations) {
                break;
            }
            stretchOf = bestStretches(model, epochs, units);
            logPrior = priorByTone(stretchOf, units);
        }
        return model;
    }

    private int indexOfOne() {
        for (int s = 0; s < stretches.length; s++) {
            if (stretches[s] == 1) {
                return s;
            }
        }
        throw new IllegalStateException("checked in the constructor");
    }

    /** Frame templates in normalised time: ridge regression of the warped trials on their part indicators. */
    private double[][] templates(double[][] source, int[] sourceFrames, int[][] units, int[] stretchOf, int frames,
            int rank, int onset, double ridge) {
        int width = frames * rank;
        double[][] cross = new double[TemplateFit.UNITS + 1][width];
        for (int k = 0; k < source.length; k++) {
            double[] warped = AttemptVariability.warp(source[k], sourceFrames[k], frames, rank, onset,
                    stretches[stretchOf[k]]);
            for (int a : TemplateFit.indicators(units[k])) {
                double[] row = cross[a];
                for (int i = 0; i < width; i++) {
                    row[i] += warped[i];
                }
            }
        }
        boolean[] all = new boolean[units.length];
        Arrays.fill(all, true);
        return TemplateFit.partRegression(cross, units, all, ridge);
    }

    /**
     * A trial's mean (intercept plus its three part templates, from {@code binned}, its stretch's binned templates;
     * written into {@code mean}) and its loadings: the three templates and their slopes, {@code d × 6}.
     */
    private static double[][] loading(double[][] binned, int[] unit, int bins, int rank, double[] mean) {
        int d = mean.length;
        double[][] j = new double[d][AttemptVariability.EFFECTS];
        System.arraycopy(binned[TemplateFit.UNITS], 0, mean, 0, d);
        for (int p = 0; p < 3; p++) {
            double[] template = binned[unit[p]];
            double[] slope = AttemptVariability.derivative(template, bins, rank);
            for (int k = 0; k < d; k++) {
                mean[k] += template[k];
                j[k][p] = template[k];
                j[k][3 + p] = slope[k];
            }
        }
        return j;
    }

    /**
     * One trial's share of the factor-analysis update: the posterior of its gains and shifts given the residual,
     * and what it leaves unexplained (E[eeᵀ] into {@code sigmaSum}, E[zzᵀ] into {@code effectSum}).
     */
    private static void eStep(double[] x, double[] mean, double[][] j, double[][] precision,
            double[][] effectPrecision, double[][] sigmaSum, double[][] effectSum) {
        int d = x.length;
        int q = AttemptVariability.EFFECTS;
        double[] residual = new double[d];
        for (int k = 0; k < d; k++) {
            residual[k] = x[k] - mean[k];
        }
        double[][] js = new double[q][d]; // Jᵀ Σ⁻¹
        for (int a = 0; a < d; a++) {
            double[] row = precision[a];
            for (int i = 0; i < q; i++) {
                double w = j[a][i];
                if (w == 0) {
                    continue;
                }
                double[] target = js[i];
                for (int b = 0; b < d; b++) {
                    target[b] += w * row[b];
                }
            }
        }
        double[][] a = new double[q][q];
        double[] v = new double[q];
        for (int i = 0; i < q; i++) {
            for (int k = 0; k < q; k++) {
                double sum = effectPrecision[i][k];
                for (int b = 0; b < d; b++) {
                    sum += js[i][b] * j[b][k];
                }
                a[i][k] = sum;
            }
            v[i] = TemplateFit.dot(js[i], residual);
        }
        double[][] m = TemplateFit.inverse(symmetrised(a), "a trial's posterior precision of its gains and shifts");
        double[] z = new double[q];
        for (int i = 0; i < q; i++) {
            z[i] = TemplateFit.dot(m[i], v);
        }
        double[] error = residual.clone();
        for (int b = 0; b < d; b++) {
            for (int i = 0; i < q; i++) {
                error[b] -= j[b][i] * z[i];
            }
        }
        // J M Jᵀ as (J L)(J L)ᵀ with M = L Lᵀ: q·d² rather than q²·d² operations
        double[][] l = TemplateFit.cholesky(m, "a trial's posterior covariance of its gains and shifts");
        double[][] jl = new double[d][q];
        for (int b = 0; b < d; b++) {
            for (int c = 0; c < q; c++) {
                double sum = 0;
                for (int i = c; i < q; i++) {
                    sum += j[b][i] * l[i][c];
                }
                jl[b][c] = sum;
            }
        }
        for (int b = 0; b < d; b++) {
            double[] row = sigmaSum[b];
            for (int c = 0; c <= b; c++) {
                double sum = error[b] * error[c];
                for (int i = 0; i < q; i++) {
                    sum += jl[b][i] * jl[c][i];
                }
                row[c] += sum;
                if (c != b) {
                    sigmaSum[c][b] += sum;
                }
            }
        }
        for (int i = 0; i < q; i++) {
            for (int k = 0; k < q; k++) {
                effectSum[i][k] += z[i] * z[k] + m[i][k];
            }
        }
    }

    /** Each trial's most likely stretch for its own syllable, the prior included. */
    private int[] bestStretches(AttemptVariability model, List<Epoch> epochs, int[][] units) {
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        List<int[]> distinct = new java.util.ArrayList<>();
        int[] candidateOf = new int[units.length];
        for (int k = 0; k < units.length; k++) {
            String key = Arrays.toString(units[k]);
            Integer c = index.get(key);
            if (c == null) {
                c = distinct.size();
                index.put(key, c);
                distinct.add(units[k]);
            }
            candidateOf[k] = c;
        }
        AttemptVariability.Scorer scorer = model.scorer(distinct);
        int[] out = new int[units.length];
        for (int k = 0; k < units.length; k++) {
            Epoch epoch = epochs.get(k);
            double[][] perStretch = scorer.perStretch(epoch.values(), epoch.frames());
            int best = 0;
            for (int s = 1; s < stretches.length; s++) {
                best = perStretch[s][candidateOf[k]] > perStretch[best][candidateOf[k]] ? s : best;
            }
            out[k] = best;
        }
        return out;
    }

    /** Each tone's share of trials at each stretch, one added to every count, in logs. */
    private double[][] priorByTone(int[] stretchOf, int[][] units) {
        double[][] counts = new double[5][stretches.length];
        for (double[] row : counts) {
            Arrays.fill(row, 1);
        }
        int firstTone = TemplateFit.firstUnit("tone");
        for (int k = 0; k < stretchOf.length; k++) {
            counts[units[k][2] - firstTone][stretchOf[k]]++;
        }
        for (double[] row : counts) {
            double total = Arrays.stream(row).sum();
            for (int s = 0; s < row.length; s++) {
                row[s] = Math.log(row[s] / total);
            }
        }
        return counts;
    }

    private static double[][] secondMoment(double[][] x, double[][] mean, int d) {
        double[][] sum = new double[d][d];
        for (int k = 0; k < x.length; k++) {
            for (int a = 0; a < d; a++) {
                double ra = x[k][a] - mean[k][a];
                for (int b = 0; b <= a; b++) {
                    sum[a][b] += ra * (x[k][b] - mean[k][b]);
                }
            }
        }
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < a; b++) {
                sum[b][a] = sum[a][b];
            }
        }
        return scaled(sum, 1.0 / x.length);
    }

    /** (1 − λ)Σ + λ·(trace/d)·I, the target Ledoit and Wolf use. */
    static double[][] shrunk(double[][] sigma, double shrinkage) {
        int d = sigma.length;
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += sigma[i][i];
        }
        double[][] out = scaled(sigma, 1 - shrinkage);
        for (int i = 0; i < d; i++) {
            out[i][i] += shrinkage * trace / d;
        }
        return out;
    }

    private static double[][] symmetrised(double[][] a) {
        double[][] out = AttemptVariability.deepCopy(a);
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < i; k++) {
                double mean = (a[i][k] + a[k][i]) / 2;
                out[i][k] = mean;
                out[k][i] = mean;
            }
        }
        return out;
    }

    private static double[][] identity(int n) {
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            out[i][i] = 1;
        }
        return out;
    }

    private static double[][] scaled(double[][] m, double factor) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
            for (int k = 0; k < out[i].length; k++) {
                out[i][k] *= factor;
            }
        }
        return out;
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }
}
