package org.naoyu.decoder.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.FrameSeries;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.decoder.model.Accuracy;
import org.naoyu.decoder.model.Posteriors;
import org.naoyu.decoder.model.TrainedModel;
import org.naoyu.decoder.onset.OnsetRule;
import org.naoyu.decoder.onset.OnsetScore;
import org.naoyu.decoder.onset.SpeechSegment;
import org.naoyu.decoder.stream.AttemptDecoder;
import org.naoyu.decoder.stream.Replay;

/** The measurements of {@code naoyu evaluate}, computed apart from how they are printed. */
public final class Evaluation {

    /**
     * Cued attempts decoded at their true onsets.
     *
     * @param labels        the toned syllables said or decoded, in the inventory's order
     * @param confusion     counts, rows said, columns decoded
     * @param perClass      accuracy per syllable (NaN when it was never said)
     * @param bitsPerAttempt Wolpaw's information transfer rate
     * @param bitsPerMinute  the same at the attempts' mean spacing
     */
    public record Cued(Accuracy accuracy, List<String> labels, int[][] confusion, double[] perClass, double bitsPerAttempt,
            double bitsPerMinute) {
    }

    /** Median, 99th percentile and largest of a sample. */
    public record Spread(int count, double median, double p99, double max) {
        static Spread of(double[] values) {
            if (values.length == 0) {
                return new Spread(0, Double.NaN, Double.NaN, Double.NaN);
            }
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            return new Spread(n, median, sorted[Math.min(n - 1, (int) Math.ceil(0.99 * n) - 1)], sorted[n - 1]);
        }
    }

    /**
     * The sessions streamed frame by frame through the decoder.
     *
     * @param decodeMillis   time to decode each cued attempt once its window was complete (after a warm-up pass
     *                       over the first session; JMH's AttemptDecoderBenchmark gives the budget's figures)
     * @param onset          the onset detector against the speech markers, or null without a detector
     * @param selfPacedToned share of all attempts that the detector found and the decoder got right, NaN without one
     */
    public record Streaming(Spread decodeMillis, OnsetScore onset, double selfPacedToned, double[] detections) {
    }

    private Evaluation() {
    }

    /**
     * Decodes {@code epochs} over the model's {@code inventory} (the toned syllables it answers with). The confusion
     * matrix and per-syllable accuracies cover the syllables said or decoded, in inventory order: over 1,391 outputs
     * a full matrix would be mostly empty rows; the information rate counts every output as a choice.
     */
    public static Cued cued(TrainedModel model, List<Epoch> epochs, List<TonedSyllable> inventory, double meanSpacing) {
        List<Posteriors> predicted = model.predict(epochs);
        Accuracy accuracy = Accuracy.of(predicted, epochs, inventory);
        List<TonedSyllable> guesses = new java.util.ArrayList<>(epochs.size());
        java.util.Set<TonedSyllable> shown = new java.util.HashSet<>();
        for (int i = 0; i < epochs.size(); i++) {
            guesses.add(predicted.get(i).topToned(inventory, 1).get(0).syllable());
            shown.add(guesses.get(i));
            shown.add(epochs.get(i).label());
        }
        List<TonedSyllable> labels = inventory.stream().filter(shown::contains).toList();
        java.util.Map<TonedSyllable, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        int n = labels.size();
        int[][] confusion = new int[n][n];
        for (int i = 0; i < epochs.size(); i++) {
            Integer said = index.get(epochs.get(i).label());
            if (said == null) {
                throw new IllegalArgumentException("attempt at " + epochs.get(i).label() + ", which the model cannot "
                        + "answer with: evaluate attempts at its inventory here, every attempt with FullInventory");
            }
            confusion[said][index.get(guesses.get(i))]++;
        }
        double[] perClass = new double[n];
        for (int r = 0; r < n; r++) {
            int total = Arrays.stream(confusion[r]).sum();
            perClass[r] = total == 0 ? Double.NaN : confusion[r][r] / (double) total;
        }
        double bits = wolpawBits(inventory.size(), accuracy.toned());
        return new Cued(accuracy, labels.stream().map(TonedSyllable::toned).toList(), confusion, perClass, bits,
                bits * 60 / meanSpacing);
    }

    /**
     * Streams every session through the decoder: cued (each event the model is locked to handed over as the stream
     * reaches it) for the decode times, then, for an onset-locked model with an onset detector, self-paced (the
     * detector alone) for detection F1 and self-paced accuracy.
     */
    public static Streaming streaming(AttemptDecoder decoder, List<FrameSeries> sessions, List<TonedSyllable> inventory,
            String lockKind, OnsetRule rule) {
        List<Double> decodeMillis = new ArrayList<>();
        Replay.run(decoder, sessions.get(0), lockKind); // warm-up: the first decodes include class loading and JIT
        for (FrameSeries session : sessions) {
            for (AttemptDecoder.Attempt attempt : Replay.run(decoder, session, lockKind)) {
                decodeMillis.add(attempt.decodeNanos() / 1e6);
            }
        }
        Spread decode = Spread.of(decodeMillis.stream().mapToDouble(Double::doubleValue).toArray());
        if (rule == null || !lockKind.equals(SpeechSegment.ONSET)) { // detected onsets fit only onset-locked windows
            return new Streaming(decode, null, Double.NaN, new double[0]);
        }
        List<List<SpeechSegment>> truth = new ArrayList<>();
        List<double[]> detections = new ArrayList<>();
        int attempts = 0;
        int right = 0;
        for (FrameSeries session : sessions) {
            List<SpeechSegment> segments = SpeechSegment.of(session.events(), 0.5);
            List<AttemptDecoder.Attempt> found = Replay.run(decoder, session, true);
            // the detector fired a lag after the onset it reports
            double[] times = found.stream().mapToDouble(a -> a.onsetSeconds() + rule.lagSeconds()).toArray();
            truth.add(segments);
            detections.add(times);
            int[] matched = OnsetScore.match(segments, times); // attempts come in time order: already sorted
            for (int t = 0; t < segments.size(); t++) {
                TonedSyllable said = parseOrNull(segments.get(t).label());
                if (said == null || !inventory.contains(said)) {
                    continue;
                }
                attempts++;
                if (matched[t] >= 0 && found.get(matched[t]).posteriors().topToned(inventory, 1).get(0).syllable()
                        .equals(said)) {
                    right++;
                }
            }
        }
        return new Streaming(decode, OnsetScore.ofSessions(truth, detections, rule.lagSeconds()),
                attempts == 0 ? Double.NaN : right / (double) attempts, detections.get(0));
    }

    private static TonedSyllable parseOrNull(String label) {
        try {
            return TonedSyllable.parse(label);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Wolpaw's bits per selection for N equiprobable choices decoded with accuracy P. */
    public static double wolpawBits(int n, double p) {
        if (n < 2 || p <= 1.0 / n) {
            return 0;
        }
        double bits = Math.log(n) / Math.log(2) + p * Math.log(p) / Math.log(2);
        if (p < 1) {
            bits += (1 - p) * Math.log((1 - p) / (n - 1)) / Math.log(2);
        }
        return bits;
    }
}
