package org.naoyu.datasets.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * How well any decoder reading high-gamma power could name a syllable the simulated participant attempts: an ideal
 * observer that knows the simulator's generative model (the participant's somatotopic map, every syllable's
 * gestural score, the speech amplitude, the noise level and the attempt's variability) and decides by the exact
 * likelihood of what it sees.
 *
 * <p>What it sees is, for every responsive electrode and every bin of {@code binSeconds} from speech onset, the
 * high-gamma power: {@code σ² + (A · Σₐ wₐ · activationₐ)²} times a χ² with {@code k = 2 · bandwidth · bin}
 * degrees of freedom over {@code k} (band-limited noise has that many independent values per bin). The observer is
 * given more than a decoder has, so that its accuracy bounds a decoder's from above:
 * <ul>
 *   <li>the speech onset, exactly;</li>
 *   <li>noise that is each channel's own only: the background share common to neighbouring electrodes
 *       ({@code spatialCorrelation}), line-noise harmonics, artifacts and bad channels are removed for free;</li>
 *   <li>for the {@link Knowledge#ORACLE oracle}, also this attempt's variability (its duration, amplitude and each
 *       gesture's timing and strength, as random draws that any candidate syllable would have been realised with).
 *       Knowing more can only help the best decision, so the oracle's accuracy is an upper bound for the
 *       high-gamma-power decoders of this model.</li>
 * </ul>
 * The {@link Knowledge#MARGINAL marginal} observer does not know the variability: it integrates each candidate's
 * likelihood over the attempt's duration and amplitude (Gauss–Hermite quadrature, {@code nodes} points a dimension)
 * and takes each gesture's own timing and strength at their medians, among the candidates its median templates
 * shortlist ({@link #SHORTLIST}). It is a decoder one could build with the
 * templates, so its accuracy is reachable; the best possible lies between the two. Neither reads the low-frequency component, which
 * naoyu's decoders do not read either.
 *
 * <p>Deterministic for a seed, whatever the number of threads: each trial draws from its own generator.
 */
public final class IdealObserver {
    private static final long TRIAL_STREAM = 0x1DEA1L;
    private static final long NUISANCE_STREAM = 0x9E75L;
    /** Gauss–Hermite points and weights for a standard normal (numpy's hermegauss, weights over √(2π)). */
    private static final double[][] HERMITE_POINTS = {
        {0},
        {-1.7320508075688774, 0, 1.7320508075688774},
        {-2.8569700138728056, -1.355626179974266, 0, 1.355626179974266, 2.8569700138728056},
        {-3.7504397177257425, -2.366759410734541, -1.1544053947399682, 0, 1.1544053947399682, 2.366759410734541,
            3.7504397177257425}};
    private static final double[][] HERMITE_WEIGHTS = {
        {1},
        {0.1666666666666666, 0.6666666666666669, 0.1666666666666666},
        {0.011257411327720677, 0.22207592200561257, 0.5333333333333335, 0.22207592200561257, 0.011257411327720677},
        {0.0005482688559722169, 0.030757123967586515, 0.24012317860501264, 0.4571428571428572, 0.24012317860501264,
            0.030757123967586515, 0.0005482688559722169}};
    /**
     * Attempts are realised at 500 Hz: timing jitter is 10 ms and onsets and ramps are 50 ms, so 2-ms steps change
     * no bin's mean activation noticeably, and rendering at the recording's 2 kHz made the observer four times slower.
     */
    static final double RENDER_RATE_HZ = 500;
    /**
     * The marginal observer integrates only over the candidates its median templates rank in the first 64: the full
     * quadrature over all 1,391 took 25 likelihoods a candidate, and the truth ranked beyond 64 by the median template
     * is one the quadrature would rarely lift to the top. Any such rule is still a decoder one could build, so the
     * accuracy stays reachable.
     */
    static final int SHORTLIST = 64;

    /** What the observer knows about an attempt's variability. */
    public enum Knowledge {
        /** The draws this attempt's variability came from: an upper bound. */
        ORACLE,
        /** Only their distribution, integrated over: a reachable accuracy. */
        MARGINAL
    }

    /**
     * How the observer is run.
     *
     * @param trials        attempts to classify, in [1, 100000], each a syllable drawn uniformly from the inventory
     * @param seed          the seed of the attempts and their noise
     * @param binSeconds    the power bins' length, in [0.002, 0.1] s
     * @param windowSeconds how long after speech onset the observer looks, in [0.5, 2] s (the longest attempt with its
     *                      decay lasts about 0.65 s)
     * @param nodes         quadrature points per dimension the marginal observer integrates with: 1, 3, 5 or 7
     */
    public record Settings(int trials, long seed, double binSeconds, double windowSeconds, int nodes) {
        /** 400 attempts, 10-ms bins (the feature chain's frame rate), 1 s from onset, 5 × 5 quadrature points. */
        public static Settings defaults(long seed) {
            return new Settings(400, seed, 0.01, 1.0, 5);
        }

        public Settings {
            if (trials < 1 || trials > 100_000) {
                throw new IllegalArgumentException("trials must be in [1, 100000], got " + trials);
            }
            if (!(binSeconds >= 0.002 && binSeconds <= 0.1)) {
                throw new IllegalArgumentException("binSeconds must be in [0.002, 0.1], got " + binSeconds);
            }
            if (!(windowSeconds >= 0.5 && windowSeconds <= 2)) {
                throw new IllegalArgumentException("windowSeconds must be in [0.5, 2], got " + windowSeconds);
            }
            if (nodes < 1 || nodes > 7 || nodes % 2 == 0) {
                throw new IllegalArgumentException("nodes must be 1, 3, 5 or 7, got " + nodes);
            }
        }
    }

    /**
     * One observer's decisions over the trials.
     *
     * @param knowledge what it knew
     * @param toned     attempts whose toned syllable it named (a tie among k syllables counts 1/k)
     * @param base      attempts whose syllable without tone it named
     * @param tone      attempts whose tone it named
     * @param trials    attempts
     */
    public record Score(Knowledge knowledge, double toned, double base, double tone, int trials) {
        public double tonedAccuracy() {
            return toned / trials;
        }

        public double baseAccuracy() {
            return base / trials;
        }

        public double toneAccuracy() {
            return tone / trials;
        }

        /** Wilson's 95 % interval of the toned accuracy, {low, high}. */
        public double[] tonedInterval() {
            double z = 1.959964;
            double p = tonedAccuracy();
            double n = trials;
            double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
            double half = z * StrictMath.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n);
            return new double[] {StrictMath.max(0, centre - half), StrictMath.min(1, centre + half)};
        }
    }

    /**
     * What a run found.
     *
     * @param settings          how it was run
     * @param outputs           candidate syllables (the inventory)
     * @param responsive        electrodes any articulator reaches (the others carry no speech)
     * @param degreesOfFreedom  the χ² degrees of freedom of one bin's power
     * @param speechToNoise     in-band speech power at a fully engaged electrode over the channel's own noise power
     * @param oracle            the upper bound
     * @param marginal          the reachable accuracy
     */
    public record Outcome(Settings settings, int outputs, int responsive, double degreesOfFreedom,
            double speechToNoise, Score oracle, Score marginal) {
    }

    private final SimulatorConfig config;
    private final List<String> inventory;
    private final List<List<Gesture>> scores;
    private final int[] tones;
    private final int[][] tunedArticulators;
    private final double[][] tunedWeights;
    private final double noiseVariance;
    private final double speechPower;
    private final double bandwidthHz;

    /**
     * An observer of the participant {@code config} simulates, choosing among {@code inventory} (toned syllables
     * such as {@code ma3}).
     */
    public IdealObserver(SimulatorConfig config, List<String> inventory) {
        if (inventory.isEmpty()) {
            throw new IllegalArgumentException("inventory must name at least one toned syllable, got none");
        }
        this.config = config;
        this.inventory = List.copyOf(inventory);
        this.scores = new ArrayList<>(inventory.size());
        this.tones = new int[inventory.size()];
        for (int i = 0; i < inventory.size(); i++) {
            String toned = inventory.get(i);
            if (!toned.matches("[a-z]{1,6}[1-5]")) {
                throw new IllegalArgumentException("inventory[" + i + "] must be a toned syllable such as ma3, got '"
                        + toned + "'");
            }
            tones[i] = toned.charAt(toned.length() - 1) - '0';
            scores.add(GesturalScore.of(Phonetics.of(toned.substring(0, toned.length() - 1), tones[i])));
        }
        SomatotopicMap map = SomatotopicMap.of(config.grid(), config.participant());
        int[] responsive = IntStream.range(0, config.grid().channelCount()).filter(map::isResponsive).toArray();
        this.tunedArticulators = IntStream.of(responsive).mapToObj(map::tunedArticulators).toArray(int[][]::new);
        this.tunedWeights = IntStream.of(responsive).mapToObj(map::tunedWeights).toArray(double[][]::new);
        HighGammaBand band = HighGammaBand.of(config);
        this.noiseVariance = band.ownNoiseVariance(config);
        double amplitude = band.speechAmplitude(config);
        this.speechPower = amplitude * amplitude;
        this.bandwidthHz = band.highHz() - band.lowHz();
    }

    /** Classifies {@code settings.trials()} simulated attempts; {@code progress} hears each finished trial's count. */
    public Outcome run(Settings settings, IntConsumer progress) {
        double degrees = 2 * bandwidthHz * settings.binSeconds();
        int binSamples = StrictMath.max(1, (int) StrictMath.round(settings.binSeconds() * RENDER_RATE_HZ));
        int bins = (int) StrictMath.ceil(settings.windowSeconds() / settings.binSeconds());
        float[][][] templates = marginalTemplates(settings, binSamples, bins);
        double[] logWeights = logWeights(settings.nodes());
        AtomicInteger done = new AtomicInteger();
        List<double[]> credits = IntStream.range(0, settings.trials()).parallel().mapToObj(trial -> {
            double[] credit = new Trial(settings, trial, degrees, binSamples, bins).decide(templates, logWeights);
            progress.accept(done.incrementAndGet());
            return credit;
        }).toList();
        double[] sum = new double[6];
        for (double[] credit : credits) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += credit[i];
            }
        }
        int n = settings.trials();
        return new Outcome(settings, inventory.size(), tunedArticulators.length, degrees, speechPower / noiseVariance,
                new Score(Knowledge.ORACLE, sum[0], sum[1], sum[2], n),
                new Score(Knowledge.MARGINAL, sum[3], sum[4], sum[5], n));
    }

    /**
     * The marginal observer's templates: every candidate realised at each pair of quadrature points for the attempt's
     * duration and amplitude, each gesture's jitter at zero, as mean activation per articulator and bin,
     * {@code [candidate][point][a · bins + b]}.
     */
    private float[][][] marginalTemplates(Settings settings, int binSamples, int bins) {
        double[] points = HERMITE_POINTS[settings.nodes() / 2];
        return IntStream.range(0, inventory.size()).parallel().mapToObj(s -> {
            Renderer renderer = new Renderer(binSamples, bins);
            float[][] byPoint = new float[points.length * points.length][];
            for (int i = 0; i < points.length; i++) {
                for (int j = 0; j < points.length; j++) {
                    double[] first = {points[i], points[j]};
                    int[] next = {0};
                    renderer.realise(s, () -> next[0] < 2 ? first[next[0]++] : 0);
                    byPoint[i * points.length + j] = renderer.flat();
                }
            }
            return byPoint;
        }).toArray(float[][][]::new);
    }

    /** log(wᵢ · wⱼ) of the quadrature's point pairs, in the templates' order. */
    private static double[] logWeights(int nodes) {
        double[] weights = HERMITE_WEIGHTS[nodes / 2];
        double[] log = new double[weights.length * weights.length];
        for (int i = 0; i < weights.length; i++) {
            for (int j = 0; j < weights.length; j++) {
                log[i * weights.length + j] = StrictMath.log(weights[i] * weights[j]);
            }
        }
        return log;
    }

    /** Realises attempts and averages their activation per articulator over the bins. Not thread-safe. */
    private final class Renderer {
        private final int bins;
        private final int binSamples;
        private final int rampSamples = StrictMath.max(1,
                (int) StrictMath.round(ScheduledGesture.RAMP_SECONDS * RENDER_RATE_HZ));
        private final double[][] activation;
        /** The last realisation's mean activation, {@code [articulator][bin]}. */
        final double[][] binned;
        /** Per articulator, the first active bin and one past the last ({@code first == end} when silent). */
        final int[] first;
        final int[] end;
        private final List<ScheduledGesture> gestures = new ArrayList<>();

        Renderer(int binSamples, int bins) {
            this.bins = bins;
            this.binSamples = binSamples;
            this.activation = new double[Articulator.values().length][bins * binSamples];
            this.binned = new double[Articulator.values().length][bins];
            this.first = new int[binned.length];
            this.end = new int[binned.length];
        }

        /** Realises syllable {@code s} with the variability the draws of generator {@code draw} give. */
        void realise(int s, long draw) {
            realise(s, new SimRandom(draw, NUISANCE_STREAM)::nextGaussian);
        }

        void realise(int s, java.util.function.DoubleSupplier normal) {
            gestures.clear();
            AttemptRealisation.realise(scores.get(s), tones[s], 0, RENDER_RATE_HZ, normal, gestures);
            for (double[] row : activation) {
                java.util.Arrays.fill(row, 0);
            }
            for (ScheduledGesture gesture : gestures) {
                gesture.render(activation[gesture.articulator().ordinal()], 0, activation[0].length, rampSamples);
            }
            for (int a = 0; a < activation.length; a++) {
                for (int b = 0; b < bins; b++) {
                    double sum = 0;
                    for (int n = b * binSamples; n < (b + 1) * binSamples; n++) {
                        sum += activation[a][n];
                    }
                    binned[a][b] = sum / binSamples;
                }
            }
            findActiveBins();
        }

        private void findActiveBins() {
            for (int a = 0; a < binned.length; a++) {
                int from = 0;
                while (from < bins && binned[a][from] == 0) {
                    from++;
                }
                int to = bins;
                while (to > from && binned[a][to - 1] == 0) {
                    to--;
                }
                first[a] = from;
                end[a] = to;
            }
        }

        float[] flat() {
            float[] flat = new float[binned.length * bins];
            for (int a = 0; a < binned.length; a++) {
                for (int b = 0; b < bins; b++) {
                    flat[a * bins + b] = (float) binned[a][b];
                }
            }
            return flat;
        }

        void load(float[] flat) {
            for (int a = 0; a < binned.length; a++) {
                for (int b = 0; b < bins; b++) {
                    binned[a][b] = flat[a * bins + b];
                }
            }
            findActiveBins();
        }
    }

    /** One attempt: its syllable, its variability, the powers seen, and both observers' decisions. */
    private final class Trial {
        private final int bins;
        private final double halfDegrees;
        private final Renderer renderer;
        private final double[][] binned;
        private final double[][] power;
        private final SimRandom random;
        private final int truth;
        private final long truthDraw;

        Trial(Settings settings, int trial, double degrees, int binSamples, int bins) {
            this.bins = bins;
            this.halfDegrees = degrees / 2;
            this.renderer = new Renderer(binSamples, bins);
            this.binned = renderer.binned;
            this.power = new double[tunedArticulators.length][bins];
            this.random = new SimRandom(settings.seed(), TRIAL_STREAM + trial);
            this.truth = random.nextInt(inventory.size());
            this.truthDraw = random.nextLong();
        }

        /** {oracle toned, base, tone, marginal toned, base, tone} credit of this attempt. */
        double[] decide(float[][][] templates, double[] logWeights) {
            renderer.realise(truth, truthDraw);
            for (int c = 0; c < power.length; c++) {
                for (int b = 0; b < bins; b++) {
                    power[c][b] = expectedPower(c, b) * gamma(halfDegrees) / halfDegrees;
                }
            }
            double[] oracle = new double[inventory.size()];
            double[] screen = new double[inventory.size()];
            int median = templates[0].length / 2; // the middle point pair: duration and amplitude at their medians
            for (int s = 0; s < inventory.size(); s++) {
                renderer.realise(s, truthDraw);
                oracle[s] = logLikelihood();
                renderer.load(templates[s][median]);
                screen[s] = logLikelihood();
            }
            double[] marginal = new double[inventory.size()];
            java.util.Arrays.fill(marginal, Double.NEGATIVE_INFINITY);
            double[] perPoint = new double[templates[0].length];
            for (int s : shortlist(screen)) {
                for (int m = 0; m < perPoint.length; m++) {
                    renderer.load(templates[s][m]);
                    perPoint[m] = logLikelihood() + logWeights[m];
                }
                marginal[s] = logSumExp(perPoint);
            }
            double[] credit = new double[6];
            credit(oracle, credit, 0);
            credit(marginal, credit, 3);
            return credit;
        }

        private double expectedPower(int c, int b) {
            int[] tuned = tunedArticulators[c];
            double[] weights = tunedWeights[c];
            double drive = 0;
            for (int k = 0; k < tuned.length; k++) {
                drive += weights[k] * binned[tuned[k]][b];
            }
            return noiseVariance + speechPower * drive * drive;
        }

        /** The {@link #SHORTLIST} candidates the median templates like best, which the quadrature then decides among. */
        private int[] shortlist(double[] screen) {
            return IntStream.range(0, screen.length).boxed()
                    .sorted((a, b) -> Double.compare(screen[b], screen[a]))
                    .limit(SHORTLIST).mapToInt(Integer::intValue).toArray();
        }

        /**
         * Log-likelihood of the seen powers under the realisation in {@code renderer}, less that of silence (a term
         * all candidates share): only bins some tuned articulator of the channel is active in contribute.
         */
        private double logLikelihood() {
            double sum = 0;
            for (int c = 0; c < power.length; c++) {
                int from = bins;
                int to = 0;
                for (int a : tunedArticulators[c]) {
                    if (renderer.first[a] < renderer.end[a]) {
                        from = StrictMath.min(from, renderer.first[a]);
                        to = StrictMath.max(to, renderer.end[a]);
                    }
                }
                double[] seen = power[c];
                for (int b = from; b < to; b++) {
                    double expected = expectedPower(c, b);
                    // Math.log: the hot loop; a last-bit difference decides nothing
                    sum -= Math.log(expected / noiseVariance) + seen[b] * (1 / expected - 1 / noiseVariance);
                }
            }
            return halfDegrees * sum;
        }

        private void credit(double[] likelihood, double[] credit, int at) {
            double best = Double.NEGATIVE_INFINITY;
            for (double value : likelihood) {
                best = StrictMath.max(best, value);
            }
            List<Integer> winners = new ArrayList<>();
            for (int s = 0; s < likelihood.length; s++) {
                if (likelihood[s] >= best - 1e-9 * StrictMath.abs(best)) {
                    winners.add(s);
                }
            }
            String said = inventory.get(truth);
            for (int s : winners) {
                String named = inventory.get(s);
                credit[at] += s == truth ? 1.0 / winners.size() : 0;
                credit[at + 1] += base(named).equals(base(said)) ? 1.0 / winners.size() : 0;
                credit[at + 2] += tones[s] == tones[truth] ? 1.0 / winners.size() : 0;
            }
        }

        /** A Gamma(shape, 1) deviate (Marsaglia and Tsang 2000; shape below 1 by Stuart's boost). */
        private double gamma(double shape) {
            if (shape < 1) {
                return gamma(shape + 1) * StrictMath.pow(random.nextDouble(), 1 / shape);
            }
            double d = shape - 1.0 / 3;
            double c = 1 / StrictMath.sqrt(9 * d);
            while (true) {
                double x = random.nextGaussian();
                double v = 1 + c * x;
                if (v <= 0) {
                    continue;
                }
                v = v * v * v;
                double u = random.nextDouble();
                if (StrictMath.log(u) < 0.5 * x * x + d - d * v + d * StrictMath.log(v)) {
                    return d * v;
                }
            }
        }
    }

    private static double logSumExp(double[] values) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = StrictMath.max(max, v);
        }
        double sum = 0;
        for (double v : values) {
            sum += StrictMath.exp(v - max);
        }
        return max + StrictMath.log(sum);
    }

    private static String base(String toned) {
        return toned.substring(0, toned.length() - 1);
    }
}
