package org.naoyu.decoder.model;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.SyllableParts;
import org.naoyu.decoder.data.TonedSyllable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained decoder with what it needs to run: the DL4J graph (softmax outputs named by its {@link Heads}), the base
 * syllables of the whole-syllable head in output order, the toned syllables it answers with, how the whole and the
 * part heads are mixed, the coupling between parts (a generative decoder's; null for the others), and the input shape —
 * windows of {@code frames × width} for the network, the same averaged in bins of {@code binFrames} for the linear and
 * template models.
 */
public final class TrainedModel implements SyllableDecoder {

    /**
     * The kinds of model: the DL4J network, the linear baseline (logistic regression) and the generative templates
     * ({@link TemplateTrainer}), which read the same bins as the baseline.
     */
    public enum Kind {
        NETWORK("network"), LINEAR("linear baseline"), TEMPLATE("template decoder");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        /** How messages name this kind: network, linear baseline, template decoder. */
        public String description() {
            return description;
        }
    }

    private final Kind kind;
    private final ComputationGraph graph;
    private final List<String> bases;
    private final int frames;
    private final int width;
    private final int binFrames;
    private final Heads heads;
    private final List<TonedSyllable> outputs;
    private final double wholeWeight;
    private final PartCoupling coupling;
    /** Feature values are clipped to ±clip before binning (a template model's guard against artifacts); ∞: none. */
    private final double clip;
    /** A template model's model of each attempt's variability, or null. */
    private final AttemptVariability variability;
    /** The variability model's scorer over the outputs, or null. */
    private final AttemptVariability.Scorer scorer;
    private static final int WARM_UP_ATTEMPTS = 20;
    /** The linear and template models' heads as plain arrays, read from the graph on first use ({@link #predictOne}). */
    private volatile float[][] headWeights;
    private volatile float[][] headBiases;

    /** A whole-syllable model that answers with any of its bases in any tone. */
    TrainedModel(Kind kind, ComputationGraph graph, List<String> bases, int frames, int width, int binFrames) {
        this(kind, graph, bases, frames, width, binFrames, Heads.WHOLE, everyTone(bases), 1);
    }

    TrainedModel(Kind kind, ComputationGraph graph, List<String> bases, int frames, int width, int binFrames,
            Heads heads, List<TonedSyllable> outputs, double wholeWeight) {
        this(kind, graph, bases, frames, width, binFrames, heads, outputs, wholeWeight, null);
    }

    TrainedModel(Kind kind, ComputationGraph graph, List<String> bases, int frames, int width, int binFrames,
            Heads heads, List<TonedSyllable> outputs, double wholeWeight, PartCoupling coupling) {
        this(kind, graph, bases, frames, width, binFrames, heads, outputs, wholeWeight, coupling,
                Double.POSITIVE_INFINITY);
    }

    TrainedModel(Kind kind, ComputationGraph graph, List<String> bases, int frames, int width, int binFrames,
            Heads heads, List<TonedSyllable> outputs, double wholeWeight, PartCoupling coupling, double clip) {
        this(kind, graph, bases, frames, width, binFrames, heads, outputs, wholeWeight, coupling, clip, null);
    }

    /**
     * @param variability a template model's model of each attempt's stretch, gains and shifts, which then scores
     *                    attempts in place of its heads (null: the heads score)
     */
    TrainedModel(Kind kind, ComputationGraph graph, List<String> bases, int frames, int width, int binFrames,
            Heads heads, List<TonedSyllable> outputs, double wholeWeight, PartCoupling coupling, double clip,
            AttemptVariability variability) {
        if (!(clip > 0)) {
            throw new IllegalArgumentException("clip must be > 0 (infinite for none), got " + clip);
        }
        if (heads.whole() == bases.isEmpty()) {
            throw new IllegalArgumentException(heads.label() + " heads with " + bases.size() + " base syllables");
        }
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("a model must answer with at least one toned syllable");
        }
        List<String> names = graph.getConfiguration().getNetworkOutputs();
        if (!names.equals(heads.layers())) {
            throw new IllegalArgumentException("the graph's outputs " + names + " are not the " + heads.label()
                    + " heads " + heads.layers());
        }
        this.kind = kind;
        this.graph = graph;
        this.bases = List.copyOf(bases);
        this.frames = frames;
        this.width = width;
        this.binFrames = binFrames;
        this.heads = heads;
        this.outputs = List.copyOf(outputs);
        this.wholeWeight = heads == Heads.BOTH ? wholeWeight : heads.whole() ? 1 : 0;
        if (coupling != null && !heads.parts()) {
            throw new IllegalArgumentException("a part coupling needs part heads, this model has " + heads.label());
        }
        this.coupling = coupling;
        this.clip = clip;
        if (variability != null && (kind != Kind.TEMPLATE || variability.width() != width
                || variability.frames() > frames)) {
            throw new IllegalArgumentException("an attempt variability model belongs to a template model of the same "
                    + "width (" + width + ", it has " + variability.width() + ") and at most its " + frames
                    + " frames (it needs " + variability.frames() + ")");
        }
        this.variability = variability;
        if (variability == null) {
            this.scorer = null;
        } else {
            // built now, not on the first attempt: scoring every output at every stretch is prepared once (~0.1 s),
            // and a few silent windows let the JIT compile the scoring loop before a live attempt needs it
            this.scorer = variability.scorer(this.outputs.stream()
                    .map(o -> AttemptVariability.unitsOf(SyllableParts.of(o))).toList());
            float[] silence = new float[frames * width];
            for (int i = 0; i < WARM_UP_ATTEMPTS; i++) {
                scorer.logLikelihoods(silence, frames);
            }
        }
    }

    private static List<TonedSyllable> everyTone(List<String> bases) {
        List<TonedSyllable> all = new ArrayList<>();
        for (String base : bases) {
            for (int tone = 1; tone <= 5; tone++) {
                all.add(new TonedSyllable(base, tone));
            }
        }
        return all;
    }

    public Kind kind() {
        return kind;
    }

    public List<String> bases() {
        return bases;
    }

    public Heads heads() {
        return heads;
    }

    /** The toned syllables this model answers with: those it heard, or with part heads every one of the language. */
    public List<TonedSyllable> outputs() {
        return outputs;
    }

    /** The whole-syllable head's share when both kinds of head are mixed (1 for whole only, 0 for parts only). */
    public double wholeWeight() {
        return wholeWeight;
    }

    /** The same model (the same graph, not a copy) mixing its heads with another share; only with both heads. */
    public TrainedModel withWholeWeight(double share) {
        if (heads != Heads.BOTH) {
            throw new IllegalStateException("only a model with both kinds of head mixes them; this has " + heads.label()
                    + " heads");
        }
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("the whole-syllable head's share must be in [0, 1], got " + share);
        }
        return new TrainedModel(kind, graph, bases, frames, width, binFrames, heads, outputs, share, coupling, clip,
                variability);
    }

    /** The template model's model of each attempt's stretch, gains and shifts; null when the heads score alone. */
    public AttemptVariability variability() {
        return variability;
    }

    /** The bound feature values are clipped to before binning; infinite when they are not clipped. */
    public double clip() {
        return clip;
    }

    /** The log-potentials between parts added when syllables are scored, or null when parts are read alone. */
    public PartCoupling coupling() {
        return coupling;
    }

    public int frames() {
        return frames;
    }

    public int width() {
        return width;
    }

    public int binFrames() {
        return binFrames;
    }

    ComputationGraph graph() {
        return graph;
    }

    @Override
    public List<Posteriors> predict(List<Epoch> epochs) {
        if (epochs.isEmpty()) {
            return List.of();
        }
        if (variability != null) {
            List<Posteriors> result = new ArrayList<>(epochs.size());
            for (Epoch epoch : epochs) {
                result.add(predictOne(epoch));
            }
            return result;
        }
        INDArray input = kind == Kind.NETWORK ? recurrentInput(epochs) : binnedInput(epochs);
        INDArray[] out = graph.output(false, input);
        List<Posteriors> result = new ArrayList<>(epochs.size());
        for (int e = 0; e < epochs.size(); e++) {
            double[][] row = new double[out.length][];
            for (int h = 0; h < out.length; h++) {
                row[h] = out[h].getRow(e).toDoubleVector();
            }
            result.add(posteriors(row));
        }
        return result;
    }

    /** Posteriors from each head's distribution, in {@link Heads#layers()} order. */
    private Posteriors posteriors(double[][] head) {
        List<String> names = heads.layers();
        int base = names.indexOf("base");
        int initial = names.indexOf("initial");
        int fin = names.indexOf("final");
        double[] none = new double[0];
        return new Posteriors(bases, base < 0 ? none : head[base], head[names.indexOf("tone")],
                initial < 0 ? none : head[initial], fin < 0 ? none : head[fin], wholeWeight, coupling);
    }

    /**
     * One attempt, as a live session asks for each: a linear or template model's heads run in plain Java. Every head
     * is a softmax layer on the binned window, so this is a few dot products, where DL4J's per-call overhead (arrays,
     * workspaces) cost about 2 ms an attempt, ten times the arithmetic. The weights are read from the graph once, so
     * this is for a finished model, not one still training. Equal to {@link #predict}'s within float rounding
     * ({@code TemplateTrainerTest}).
     */
    public Posteriors predictOne(Epoch epoch) {
        if (kind == Kind.NETWORK) {
            return predict(List.of(epoch)).get(0);
        }
        check(epoch);
        if (variability != null) {
            return jointPosteriors(epoch);
        }
        if (headWeights == null) {
            readHeads();
        }
        float[] input = binned(epoch, binFrames, clip);
        double[][] out = new double[headWeights.length][];
        for (int h = 0; h < out.length; h++) {
            out[h] = StreamingNetwork.softmax(input, headWeights[h], headBiases[h]);
        }
        return posteriors(out);
    }

    /**
     * The variability model's log-likelihood of every output, as a joint over initial, final and tone; the part
     * arrays are its marginals over the outputs.
     */
    private Posteriors jointPosteriors(Epoch epoch) {
        double[] scores = scorer.logLikelihoods(epoch.values(), epoch.frames());
        double[] joint = new double[Posteriors.JOINT_SIZE];
        java.util.Arrays.fill(joint, Double.NEGATIVE_INFINITY);
        double max = Double.NEGATIVE_INFINITY;
        for (double score : scores) {
            max = Math.max(max, score);
        }
        double[] initial = new double[SyllableParts.INITIAL_LABELS.size()];
        double[] fin = new double[SyllableParts.FINALS.size()];
        double[] tone = new double[5];
        double total = 0;
        for (int c = 0; c < scores.length; c++) {
            SyllableParts parts = SyllableParts.of(outputs.get(c));
            joint[Posteriors.jointIndex(parts)] = scores[c];
            double p = Math.exp(scores[c] - max);
            initial[parts.initialIndex()] += p;
            fin[parts.finalIndex()] += p;
            tone[parts.tone() - 1] += p;
            total += p;
        }
        for (double[] marginal : List.of(initial, fin, tone)) {
            for (int i = 0; i < marginal.length; i++) {
                marginal[i] /= total;
            }
        }
        return new Posteriors(bases, new double[0], tone, initial, fin, wholeWeight, null, joint);
    }

    /** Copies each head's weights and biases out of the graph. */
    private synchronized void readHeads() {
        if (headWeights != null) {
            return;
        }
        List<String> names = heads.layers();
        float[][] weights = new float[names.size()][];
        float[][] biases = new float[names.size()][];
        for (int h = 0; h < weights.length; h++) {
            weights[h] = StreamingNetwork.rowMajor(graph.getLayer(names.get(h)).getParam("W"));
            biases[h] = StreamingNetwork.rowMajor(graph.getLayer(names.get(h)).getParam("b"));
        }
        headBiases = biases;
        headWeights = weights;
    }

    private void check(Epoch epoch) {
        if (epoch.width() != width || epoch.frames() != frames) {
            throw new IllegalArgumentException("epoch at " + epoch.lockSeconds() + " s has " + epoch.frames()
                    + " frames x " + epoch.width() + " values; the model takes " + frames + " x " + width);
        }
    }

    /** [batch, width, frames]: DL4J's recurrent layout, features along the second axis. */
    INDArray recurrentInput(List<Epoch> batch) {
        float[] flat = new float[batch.size() * width * frames];
        for (int b = 0; b < batch.size(); b++) {
            Epoch epoch = batch.get(b);
            check(epoch);
            for (int f = 0; f < frames; f++) {
                for (int i = 0; i < width; i++) {
                    flat[(b * width + i) * frames + f] = epoch.value(f, i);
                }
            }
        }
        return Nd4j.create(flat, new long[] {batch.size(), width, frames}, 'c');
    }

    INDArray binnedInput(List<Epoch> batch) {
        float[][] rows = new float[batch.size()][];
        for (int i = 0; i < rows.length; i++) {
            check(batch.get(i));
            rows[i] = binned(batch.get(i), binFrames, clip);
        }
        return Nd4j.create(rows);
    }

    /** Mean of each value over consecutive bins of {@code binFrames} frames. */
    static float[] binned(Epoch epoch, int binFrames) {
        return binned(epoch, binFrames, Double.POSITIVE_INFINITY);
    }

    /** The same, each value first clipped to [−clip, clip]. */
    static float[] binned(Epoch epoch, int binFrames, double clip) {
        int bins = Math.max(1, epoch.frames() / binFrames);
        int width = epoch.width();
        float[] out = new float[bins * width];
        for (int b = 0; b < bins; b++) {
            for (int f = b * binFrames; f < Math.min(epoch.frames(), (b + 1) * binFrames); f++) {
                for (int i = 0; i < width; i++) {
                    float v = epoch.value(f, i);
                    if (v > clip || v < -clip) { // same float arithmetic as before for values within the bound
                        v = (float) Math.copySign(clip, v);
                    }
                    out[b * width + i] += v / binFrames;
                }
            }
        }
        return out;
    }
}
