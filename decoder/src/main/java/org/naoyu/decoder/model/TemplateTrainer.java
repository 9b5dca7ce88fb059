package org.naoyu.decoder.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.SyllableParts;
import org.naoyu.decoder.data.TonedSyllable;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The generative template decoder: each syllable's high-gamma window is modelled as a mean plus a template for its
 * initial, one for its final and one for its tone, with Gaussian noise shared by all syllables — linear discriminant
 * analysis whose class means are built from parts. Any of the 1,391 toned syllables gets a template, heard or not.
 * Two constraints make an hour of calibration enough for ~70 templates over every electrode:
 * <ul>
 * <li>the templates share a few spatial patterns (the vSMC's articulator maps: a handful of regions whose mixtures
 * every electrode records), the strongest {@code rank} eigenvectors of the templates' scatter, and the window is
 * projected onto them;</li>
 * <li>the noise covariance in that space is shrunk towards a multiple of the identity (Ledoit–Wolf's target).</li>
 * </ul>
 * Feature values beyond a few standard deviations (electrode pops, movement, a bad channel) are clipped before
 * binning, so one artifact cannot outvote the rest of a window. The bound, the window length, the rank and the
 * shrinkage are chosen by {@code folds}-fold cross-validation on the training trials (top-1 toned accuracy over the
 * syllables the model answers with), so nothing is tuned to a test file.
 *
 * <p>The fit is closed-form: no passes, and the same trials give the same model. The result is a {@link
 * TrainedModel.Kind#TEMPLATE} model with part heads whose softmax layers carry the discriminant's weights over the
 * binned window, and a {@link PartCoupling} with its cross terms; it runs wherever the linear baseline runs.
 *
 * @param binFrames  frames averaged into one bin, in [1, 100]
 * @param windowBins window lengths tried, in bins from the epoch's start (longer than the epoch: left out)
 * @param ranks      numbers of spatial patterns tried, each ≥ 1 (more than the channels: left out)
 * @param shrinkages shrinkages of the covariance tried, each in [0, 1)
 * @param clips      bounds tried for the (z-scored) feature values, each in (0, 1000]
 * @param ridge      the penalty on part templates, in trials, > 0 (a part never heard gets a zero template)
 * @param folds      cross-validation folds, in [2, 20]
 * @param seed       the assignment of trials to folds
 * @param onsetFrame the frame of the speech onset in each epoch, ≥ 0: the fixed point of an attempt's stretch
 * @param variability whether to model each attempt's stretch, gains and shifts ({@link AttemptVariability}), fitted
 *                   after the settings are chosen; the model then scores with it instead of its heads
 */
public record TemplateTrainer(int binFrames, List<Integer> windowBins, List<Integer> ranks, List<Double> shrinkages,
        List<Double> clips, double ridge, int folds, long seed, int onsetFrame, boolean variability)
        implements DecoderTrainer {

    /**
     * Windows of 0.5, 0.6 and 0.7 s at 100 frames/s in 50-ms bins, 6-12 patterns, shrinkage 0.2 or 0.5, values
     * clipped at ±3, 4 or 6. Chosen on a participant and sessions other than those the experiments report
     * (docs/DECODING.md); on both participants tried, cross-validation picked 0.6 s, 8 patterns and 0.5.
     */
    public static final TemplateTrainer DEFAULT = new TemplateTrainer(5, List.of(12, 10, 14), List.of(8, 6, 10, 12),
            List.of(0.5, 0.2), List.of(4.0, 3.0, 6.0), 10, 5, 1, 10, true);

    /** Without the attempt variability model: the discriminant's heads score (onset at frame 10). */
    public TemplateTrainer(int binFrames, List<Integer> windowBins, List<Integer> ranks, List<Double> shrinkages,
            List<Double> clips, double ridge, int folds, long seed) {
        this(binFrames, windowBins, ranks, shrinkages, clips, ridge, folds, seed, 10, false);
    }

    /**
     * Fewest trials to learn how attempts vary: with fewer, most parts are heard once or twice, their templates stay
     * near zero, and the gains' variance absorbs the rest (35 trials gave gain sds of 4-7).
     */
    static final int MIN_TRIALS_FOR_VARIABILITY = 100;

    /** Fewest trials for cross-validation; with fewer the first of each list is used. */
    static final int MIN_TRIALS_TO_CROSS_VALIDATE = 50;

    public TemplateTrainer {
        if (binFrames < 1 || binFrames > 100) {
            throw new IllegalArgumentException("binFrames must be in [1, 100], got " + binFrames);
        }
        windowBins = nonEmpty("windowBins", windowBins);
        ranks = nonEmpty("ranks", ranks);
        shrinkages = nonEmpty("shrinkages", shrinkages);
        clips = nonEmpty("clips", clips);
        for (double clip : clips) {
            if (!(clip > 0 && clip <= 1000)) {
                throw new IllegalArgumentException("clips must be in (0, 1000], got " + clip);
            }
        }
        for (int bins : windowBins) {
            if (bins < 1) {
                throw new IllegalArgumentException("windowBins must be >= 1, got " + bins);
            }
        }
        for (int rank : ranks) {
            if (rank < 1) {
                throw new IllegalArgumentException("ranks must be >= 1, got " + rank);
            }
        }
        for (double shrinkage : shrinkages) {
            if (!(shrinkage >= 0 && shrinkage < 1)) {
                throw new IllegalArgumentException("shrinkages must be in [0, 1), got " + shrinkage);
            }
        }
        if (!(ridge > 0 && ridge < 1e6)) {
            throw new IllegalArgumentException("ridge must be in (0, 1e6), got " + ridge);
        }
        if (folds < 2 || folds > 20) {
            throw new IllegalArgumentException("folds must be in [2, 20], got " + folds);
        }
        if (onsetFrame < 0) {
            throw new IllegalArgumentException("onsetFrame must be >= 0, got " + onsetFrame);
        }
    }

    private static <T> List<T> nonEmpty(String name, List<T> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(name + " must list at least one value");
        }
        return List.copyOf(values);
    }

    /** The same training with another seed. */
    public TemplateTrainer withSeed(long newSeed) {
        return new TemplateTrainer(binFrames, windowBins, ranks, shrinkages, clips, ridge, folds, newSeed, onsetFrame,
                variability);
    }

    /** The same training for epochs whose speech onset is at {@code frame}. */
    public TemplateTrainer withOnsetFrame(int frame) {
        return new TemplateTrainer(binFrames, windowBins, ranks, shrinkages, clips, ridge, folds, seed, frame,
                variability);
    }

    /** The same training with or without the attempt variability model. */
    public TemplateTrainer withVariability(boolean on) {
        return new TemplateTrainer(binFrames, windowBins, ranks, shrinkages, clips, ridge, folds, seed, onsetFrame,
                on);
    }

    /** Template models always have part heads: that is how they name syllables never heard. */
    @Override
    public Heads heads() {
        return Heads.PARTS;
    }

    /** One setting tried, and its cross-validated accuracy (NaN when not cross-validated). */
    public record Choice(double clip, int windowBins, int rank, double shrinkage, double accuracy) {
        String describe(int binFrames) {
            return String.format(Locale.ROOT, "clip ±%s, window %d frames, %d spatial patterns, shrinkage %.2f%s",
                    new java.math.BigDecimal(Double.toString(clip)).stripTrailingZeros().toPlainString(),
                    windowBins * binFrames, rank, shrinkage, Double.isNaN(accuracy) ? " (not cross-validated)"
                            : String.format(Locale.ROOT, ": cross-validated toned %.3f", accuracy));
        }
    }

    /**
     * Fits on {@code train}; {@code validation}, when given, is only measured. Reports one {@link Progress} per
     * setting cross-validated, then the one chosen.
     *
     * @throws IllegalArgumentException for a {@code start} model (a closed-form fit has nothing to start from: train
     *                                  on the earlier sessions and the new ones together)
     */
    @Override
    public TrainedModel train(List<Epoch> train, List<Epoch> validation, List<TonedSyllable> language,
            TrainedModel start, Consumer<Progress> progress) {
        if (start != null) {
            throw new IllegalArgumentException("a template model is fitted in closed form from all its trials and "
                    + "does not start from a previous model; train on the earlier sessions and the new ones together");
        }
        TrainingSet set = TrainingSet.of(train, Heads.PARTS, language);
        Epoch first = set.first();
        int epochBins = Math.max(1, first.frames() / binFrames);
        int width = first.width();
        int[][] units = new int[train.size()][];
        for (int n = 0; n < units.length; n++) {
            Epoch epoch = train.get(n);
            if (epoch.frames() != first.frames() || epoch.width() != width) {
                throw new IllegalArgumentException("epoch at " + epoch.lockSeconds() + " s has " + epoch.frames()
                        + " frames x " + epoch.width() + " values; the first has " + first.frames() + " x " + width);
            }
            units[n] = unitsOf(epoch.label());
        }
        List<int[]> outputUnits = set.outputs().stream().map(TemplateTrainer::unitsOf).toList();
        List<Choice> candidates = candidates(epochBins, width);
        Choice chosen = train.size() < MIN_TRIALS_TO_CROSS_VALIDATE || candidates.size() == 1
                ? candidates.get(0) : crossValidate(train, units, outputUnits, epochBins, width, candidates, progress);
        float[][] windows = windows(train, chosen.clip());
        boolean[] all = new boolean[windows.length];
        java.util.Arrays.fill(all, true);
        TemplateFit.Means means = TemplateFit.Means.fit(windows, units, all, chosen.windowBins(), width, ridge);
        TemplateFit.Discriminant fit = TemplateFit.Discriminant.fit(means, project(means, windows, chosen.rank()),
                units, all, chosen.rank(), chosen.shrinkage());
        AttemptVariability attempts = null;
        String variabilityNote = "";
        if (variability && train.size() < MIN_TRIALS_FOR_VARIABILITY) {
            variabilityNote = "; no attempt variability model: it needs " + MIN_TRIALS_FOR_VARIABILITY
                    + " trials, there are " + train.size();
        } else if (variability && onsetFrame >= chosen.windowBins() * binFrames) {
            variabilityNote = "; no attempt variability model: the onset (frame " + onsetFrame + ") is not inside the "
                    + "window of " + chosen.windowBins() * binFrames + " frames";
        } else if (variability) {
            attempts = VariabilityFit.DEFAULT.fit(train, units, chosen.clip(), onsetFrame, binFrames,
                    chosen.windowBins(), means.patterns(), chosen.rank(), chosen.shrinkage(), ridge);
            variabilityNote = "; " + attempts.describe();
        }
        TrainedModel model = new TrainedModel(TrainedModel.Kind.TEMPLATE, graph(fit, epochBins), List.of(),
                first.frames(), width, binFrames, Heads.PARTS, set.outputs(), 0, coupling(fit), chosen.clip(),
                attempts);
        Accuracy accuracy = validation.isEmpty() ? null : Accuracy.of(model.predict(validation), validation,
                set.outputs());
        progress.accept(new Progress(1, Double.NaN, accuracy == null ? Double.NaN : accuracy.toned(),
                accuracy == null ? Double.NaN : accuracy.base(), accuracy == null ? Double.NaN : accuracy.tone(),
                "fitted with " + chosen.describe(binFrames) + variabilityNote));
        return model;
    }

    /** The window lengths and ranks that fit this data, each list's first preferred. */
    private List<Integer> lengths(int epochBins) {
        List<Integer> fitting = windowBins.stream().filter(b -> b <= epochBins).toList();
        return fitting.isEmpty() ? List.of(epochBins) : fitting;
    }

    private List<Integer> ranks(int width) {
        List<Integer> fitting = ranks.stream().filter(r -> r <= width).toList();
        return fitting.isEmpty() ? List.of(width) : fitting;
    }

    /** Every setting, in the order the lists give (clip, window, rank, then shrinkage). */
    private List<Choice> candidates(int epochBins, int width) {
        List<Choice> candidates = new ArrayList<>();
        for (double clip : clips) {
            for (int bins : lengths(epochBins)) {
                for (int rank : ranks(width)) {
                    for (double shrinkage : shrinkages) {
                        candidates.add(new Choice(clip, bins, rank, shrinkage, Double.NaN));
                    }
                }
            }
        }
        return candidates;
    }

    /** Each epoch's binned window, its values clipped to ±clip. */
    private float[][] windows(List<Epoch> epochs, double clip) {
        float[][] windows = new float[epochs.size()][];
        for (int n = 0; n < windows.length; n++) {
            windows[n] = TrainedModel.binned(epochs.get(n), binFrames, clip);
        }
        return windows;
    }

    /**
     * The candidate with the best mean held-out accuracy; ties go to the earlier (each list's first is preferred).
     * The windows are binned once per clip, the part templates fitted once per fold and window, the projection once
     * per rank.
     */
    private Choice crossValidate(List<Epoch> epochs, int[][] units, List<int[]> outputs, int epochBins, int width,
            List<Choice> candidates, Consumer<Progress> progress) {
        int[] fold = folds(epochs.size());
        int[] correct = new int[candidates.size()];
        int c = 0;
        for (double clip : clips) {
            float[][] windows = windows(epochs, clip);
            int first = c;
            for (int f = 0; f < folds; f++) {
                boolean[] use = new boolean[windows.length];
                for (int n = 0; n < use.length; n++) {
                    use[n] = fold[n] != f;
                }
                c = first;
                for (int bins : lengths(epochBins)) {
                    TemplateFit.Means means = TemplateFit.Means.fit(windows, units, use, bins, width, ridge);
                    for (int rank : ranks(width)) {
                        double[][] projected = project(means, windows, rank);
                        for (double shrinkage : shrinkages) {
                            TemplateFit.Discriminant fit = TemplateFit.Discriminant.fit(means, projected, units, use,
                                    rank, shrinkage);
                            correct[c++] += heldOutCorrect(fit, projected, units, fold, f, outputs);
                        }
                    }
                }
            }
        }
        Choice best = null;
        for (c = 0; c < candidates.size(); c++) {
            Choice candidate = candidates.get(c);
            Choice scored = new Choice(candidate.clip(), candidate.windowBins(), candidate.rank(),
                    candidate.shrinkage(), correct[c] / (double) epochs.size());
            progress.accept(new Progress(c + 1, Double.NaN, scored.accuracy(), Double.NaN, Double.NaN,
                    "cross-validated " + scored.describe(binFrames)));
            if (best == null || scored.accuracy() > best.accuracy()) {
                best = scored;
            }
        }
        return best;
    }

    private int[] folds(int count) {
        List<Integer> order = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            order.add(n);
        }
        java.util.Collections.shuffle(order, new Random(seed));
        int[] fold = new int[count];
        for (int k = 0; k < count; k++) {
            fold[order.get(k)] = k % folds;
        }
        return fold;
    }

    private static int heldOutCorrect(TemplateFit.Discriminant fit, double[][] projected, int[][] units, int[] fold,
            int f, List<int[]> outputs) {
        int correct = 0;
        for (int n = 0; n < projected.length; n++) {
            if (fold[n] != f) {
                continue;
            }
            double[] scores = fit.unitScores(projected[n]);
            int[] best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int[] output : outputs) {
                double score = fit.syllable(scores, output);
                if (score > bestScore) {
                    bestScore = score;
                    best = output;
                }
            }
            correct += java.util.Arrays.equals(best, units[n]) ? 1 : 0;
        }
        return correct;
    }

    private static double[][] project(TemplateFit.Means means, float[][] windows, int rank) {
        double[][] projected = new double[windows.length][];
        for (int n = 0; n < windows.length; n++) {
            projected[n] = means.project(windows[n], rank);
        }
        return projected;
    }

    private static int[] unitsOf(TonedSyllable syllable) {
        SyllableParts parts = SyllableParts.of(syllable);
        if (parts.finalIndex() < 0) {
            throw new IllegalArgumentException("syllable " + syllable + " has the final '" + parts.fin()
                    + "', which the final head does not have");
        }
        return TemplateFit.units(parts.initialIndex(), parts.finalIndex(), parts.tone());
    }

    /** The part heads as DL4J softmax layers on the binned window, carrying the discriminant's weights. */
    private static ComputationGraph graph(TemplateFit.Discriminant fit, int epochBins) {
        int inputs = epochBins * fit.means().width();
        ComputationGraph graph = new ComputationGraph(HeadLayers.add(new NeuralNetConfiguration.Builder().seed(0)
                .graphBuilder().addInputs("bins").setInputTypes(InputType.feedForward(inputs)), Heads.PARTS, 0,
                "bins").build());
        graph.init();
        for (String name : Heads.PARTS.layers()) {
            int from = TemplateFit.firstUnit(name);
            int size = HeadLayers.size(name, 0);
            float[][] weights = new float[inputs][size];
            float[] bias = new float[size];
            for (int k = 0; k < size; k++) {
                float[] column = fit.fullWeights(from + k, epochBins);
                for (int i = 0; i < inputs; i++) {
                    weights[i][k] = column[i];
                }
                bias[k] = (float) fit.bias()[from + k];
            }
            graph.getLayer(name).setParam("W", Nd4j.create(weights));
            graph.getLayer(name).setParam("b", Nd4j.create(new float[][] {bias}));
        }
        return graph;
    }

    private static PartCoupling coupling(TemplateFit.Discriminant fit) {
        int i0 = TemplateFit.firstUnit("initial");
        int f0 = TemplateFit.firstUnit("final");
        int t0 = TemplateFit.firstUnit("tone");
        double[][] cross = fit.cross();
        double[][] initialFinal = new double[TemplateFit.INITIALS][TemplateFit.FINALS];
        double[][] initialTone = new double[TemplateFit.INITIALS][5];
        double[][] finalTone = new double[TemplateFit.FINALS][5];
        for (int i = 0; i < TemplateFit.INITIALS; i++) {
            for (int f = 0; f < TemplateFit.FINALS; f++) {
                initialFinal[i][f] = cross[i0 + i][f0 + f];
            }
            for (int t = 0; t < 5; t++) {
                initialTone[i][t] = cross[i0 + i][t0 + t];
            }
        }
        for (int f = 0; f < TemplateFit.FINALS; f++) {
            for (int t = 0; t < 5; t++) {
                finalTone[f][t] = cross[f0 + f][t0 + t];
            }
        }
        return new PartCoupling(initialFinal, initialTone, finalTone);
    }
}
