package org.naoyu.decoder.onset;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.naoyu.decoder.data.FrameSeries;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * Trains the {@link OnsetDetector} on whole sessions: every frame is labelled speech or not from the
 * {@code speech_onset}/{@code speech_offset} markers; the first {@code 1 − tuneShare} of each session trains the
 * network (speech frames weighted up to balance the classes), the rest chooses the {@link OnsetRule} threshold and
 * hold with the best onset F1 and measures the detector's lag, so the rule is tuned on frames the network never saw.
 *
 * @param shape             the detector's input and size
 * @param passes            passes over the training frames, in [1, 200]
 * @param tuneShare         share of each session, at its end, that tunes the rule, in [0.05, 0.5]
 * @param refractorySeconds shortest time between two onsets, in [0, 10]
 * @param seed              weights and shuffling
 */
public record OnsetTrainer(OnsetDetector.Shape shape, int passes, double tuneShare, double refractorySeconds,
        long seed) {

    public static final OnsetTrainer DEFAULT = new OnsetTrainer(OnsetDetector.Shape.DEFAULT, 8, 0.2, 0.6, 1);

    /** Fallback duration of an onset whose offset marker is missing, seconds. */
    static final double FALLBACK_SPEECH_SECONDS = 0.5;
    private static final double[] THRESHOLDS = {0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
    private static final int[] HOLDS = {1, 2, 3, 5, 8};

    public OnsetTrainer {
        if (passes < 1 || passes > 200) {
            throw new IllegalArgumentException("passes must be in [1, 200], got " + passes);
        }
        if (!(tuneShare >= 0.05 && tuneShare <= 0.5)) {
            throw new IllegalArgumentException("tuneShare must be in [0.05, 0.5], got " + tuneShare);
        }
        if (!(refractorySeconds >= 0 && refractorySeconds <= 10)) {
            throw new IllegalArgumentException("refractorySeconds must be in [0, 10], got " + refractorySeconds);
        }
    }

    /** The trained detector and what it achieved on the tuning frames. */
    public record Result(OnsetDetector detector, OnsetScore tuning) {
    }

    /** The same training with another seed. */
    public OnsetTrainer withSeed(long newSeed) {
        return new OnsetTrainer(shape, passes, tuneShare, refractorySeconds, newSeed);
    }

    public Result train(List<FrameSeries> sessions, Consumer<String> log) {
        if (sessions.isEmpty()) {
            throw new IllegalArgumentException("the onset detector needs at least one session");
        }
        int width = sessions.get(0).width();
        List<FrameSeries> fit = new ArrayList<>();
        List<FrameSeries> tune = new ArrayList<>();
        for (FrameSeries session : sessions) {
            if (session.width() != width) {
                throw new IllegalArgumentException("sessions differ in frame width: " + width + " and "
                        + session.width());
            }
            int split = (int) Math.round(session.frames() * (1 - tuneShare));
            fit.add(session.slice(0, split));
            tune.add(session.slice(split, session.frames()));
        }
        int speech = 0;
        int total = 0;
        for (FrameSeries part : fit) {
            for (boolean s : labels(part)) {
                speech += s ? 1 : 0;
                total++;
            }
        }
        if (speech == 0 || speech == total) {
            throw new IllegalArgumentException("the onset detector needs frames with and without speech; the training "
                    + "sessions have " + speech + " speech frames of " + total + " (are there speech_onset and "
                    + "speech_offset markers?)");
        }
        double speechWeight = Math.min(20, (total - speech) / (double) speech);
        MultiLayerNetwork network = network(width, speechWeight);
        OnsetDetector untuned = new OnsetDetector(network, shape, width, new OnsetRule(0.5, 3, refractorySeconds, 0));
        Random random = new Random(seed);
        int inputs = shape.inputs(width);
        List<int[]> order = new ArrayList<>(); // (session, frame) pairs
        for (int s = 0; s < fit.size(); s++) {
            for (int f = 0; f < fit.get(s).frames(); f++) {
                order.add(new int[] {s, f});
            }
        }
        List<boolean[]> fitLabels = fit.stream().map(OnsetTrainer::labels).toList();
        int batch = 256;
        float[] x = new float[batch * inputs];
        float[] y = new float[batch * 2];
        for (int pass = 1; pass <= passes; pass++) {
            java.util.Collections.shuffle(order, random);
            double loss = 0;
            int batches = 0;
            for (int from = 0; from < order.size(); from += batch) {
                int n = Math.min(batch, order.size() - from);
                java.util.Arrays.fill(y, 0f);
                for (int k = 0; k < n; k++) {
                    int[] at = order.get(from + k);
                    untuned.context(fit.get(at[0]).values(), at[1], x, k * inputs);
                    y[k * 2 + (fitLabels.get(at[0])[at[1]] ? 1 : 0)] = 1;
                }
                network.fit(new DataSet(Nd4j.create(java.util.Arrays.copyOf(x, n * inputs), new long[] {n, inputs}, 'c'),
                        Nd4j.create(java.util.Arrays.copyOf(y, n * 2), new long[] {n, 2}, 'c')));
                loss += network.score();
                batches++;
            }
            log.accept(String.format(java.util.Locale.ROOT, "onset detector pass %d/%d  loss %.3f", pass, passes,
                    loss / batches));
        }
        return tuneRule(untuned, tune);
    }

    /** The threshold and hold with the best F1 on the tuning frames, with the lag measured there. */
    private Result tuneRule(OnsetDetector detector, List<FrameSeries> tune) {
        List<double[]> probabilities = tune.stream().map(detector::probabilities).toList();
        List<List<SpeechSegment>> truth = tune.stream()
                .map(t -> SpeechSegment.of(t.events(), FALLBACK_SPEECH_SECONDS)).toList();
        if (truth.stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("the tuning parts (the last " + Math.round(100 * tuneShare)
                    + " % of each session) hold no speech_onset markers to choose the detector's threshold on");
        }
        OnsetRule best = null;
        OnsetScore bestScore = null;
        for (double threshold : THRESHOLDS) {
            for (int hold : HOLDS) {
                OnsetRule rule = new OnsetRule(threshold, hold, refractorySeconds, 0);
                OnsetScore score = score(rule, tune, probabilities, truth);
                if (bestScore == null || score.f1() > bestScore.f1() + 1e-12
                        || (Math.abs(score.f1() - bestScore.f1()) <= 1e-12 && score.medianLag() < bestScore.medianLag())) {
                    best = rule;
                    bestScore = score;
                }
            }
        }
        double lag = Double.isNaN(bestScore.medianLag()) ? 0 : Math.max(-1, Math.min(2, bestScore.medianLag()));
        OnsetRule tuned = best.withLag(lag);
        return new Result(detector.withRule(tuned), score(tuned, tune, probabilities, truth));
    }

    private static OnsetScore score(OnsetRule rule, List<FrameSeries> parts, List<double[]> probabilities,
            List<List<SpeechSegment>> truth) {
        List<double[]> found = new ArrayList<>();
        for (int s = 0; s < parts.size(); s++) {
            found.add(rule.detections(parts.get(s).times(), probabilities.get(s)));
        }
        return OnsetScore.ofSessions(truth, found, rule.lagSeconds());
    }

    private static boolean[] labels(FrameSeries series) {
        return SpeechSegment.speechFrames(series.times(), SpeechSegment.of(series.events(), FALLBACK_SPEECH_SECONDS));
    }

    private MultiLayerNetwork network(int width, double speechWeight) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(1e-3))
                .l2(1e-4)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(shape.inputs(width)).nOut(shape.hiddenUnits())
                        .activation(Activation.RELU).dropOut(0.8).build())
                .layer(new OutputLayer.Builder().nOut(2).activation(Activation.SOFTMAX)
                        .lossFunction(new LossMCXENT(Nd4j.create(new double[] {1, speechWeight}))).build())
                .build();
        MultiLayerNetwork network = new MultiLayerNetwork(conf);
        network.init();
        return network;
    }
}
