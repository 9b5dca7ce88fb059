package org.naoyu.decoder.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.TonedSyllable;

/**
 * Trains the {@link DualHeadNetwork}: shuffled mini-batches with fixed seeds; classes balanced by oversampling to the
 * largest class; each pass augments every example afresh (a time shift of up to ±{@code jitterFrames}, a share of
 * channels zeroed, Gaussian noise); early stopping keeps the network of the pass with the best validation toned
 * accuracy and stops after {@code patience} passes without improvement.
 *
 * @param maxPasses     passes over the training data at most, in [1, 1000]
 * @param patience      passes without improvement before stopping, in [1, maxPasses]
 * @param batchSize     examples per update, in [1, 4096]
 * @param jitterFrames  largest time shift, frames, in [0, 20]
 * @param channelDrop   share of values zeroed per example, in [0, 0.5]
 * @param noise         standard deviation of added noise (features are z-scores), in [0, 2]
 * @param heads         the softmax heads ({@link Heads}; null in recipes saved before there was a choice: whole)
 */
public record NetworkTrainer(DualHeadNetwork.Settings settings, int maxPasses, int patience, int batchSize,
        int jitterFrames, double channelDrop, double noise, Heads heads) implements DecoderTrainer {

    public static final NetworkTrainer DEFAULT = new NetworkTrainer(DualHeadNetwork.Settings.DEFAULT, 80, 15, 32, 3,
            0.1, 0.3);

    /**
     * Units of the linear path a network with part heads gets by default ({@link DualHeadNetwork.Settings#wideUnits}).
     * On the full-inventory experiment of docs/DECODING.md (50 minutes of calibration at 64 channels, tested on 359
     * attempts drawn from all 1,391 syllables), part heads on the convolutions alone named 0.111 of the attempts, with
     * a linear path of 128 units 0.139; the linear baseline's part heads 0.159.
     */
    static final int PARTS_WIDE_UNITS = 128;

    /** The default training for these heads: with part heads, the network has a linear path. */
    public static NetworkTrainer defaults(Heads heads) {
        NetworkTrainer trainer = DEFAULT.withHeads(heads);
        return heads.parts() ? trainer.withSettings(trainer.settings().withWideUnits(PARTS_WIDE_UNITS)) : trainer;
    }

    /** The same training of another network. */
    public NetworkTrainer withSettings(DualHeadNetwork.Settings other) {
        return new NetworkTrainer(other, maxPasses, patience, batchSize, jitterFrames, channelDrop, noise, heads);
    }

    /** A network with the whole-syllable and tone heads. */
    public NetworkTrainer(DualHeadNetwork.Settings settings, int maxPasses, int patience, int batchSize,
            int jitterFrames, double channelDrop, double noise) {
        this(settings, maxPasses, patience, batchSize, jitterFrames, channelDrop, noise, Heads.WHOLE);
    }

    public NetworkTrainer {
        heads = heads == null ? Heads.WHOLE : heads;
        if (maxPasses < 1 || maxPasses > 1000) {
            throw new IllegalArgumentException("maxPasses must be in [1, 1000], got " + maxPasses);
        }
        if (patience < 1 || patience > maxPasses) {
            throw new IllegalArgumentException("patience must be in [1, maxPasses = " + maxPasses + "], got " + patience);
        }
        if (batchSize < 1 || batchSize > 4096) {
            throw new IllegalArgumentException("batchSize must be in [1, 4096], got " + batchSize);
        }
        if (jitterFrames < 0 || jitterFrames > 20) {
            throw new IllegalArgumentException("jitterFrames must be in [0, 20], got " + jitterFrames);
        }
        if (!(channelDrop >= 0 && channelDrop <= 0.5)) {
            throw new IllegalArgumentException("channelDrop must be in [0, 0.5], got " + channelDrop);
        }
        if (!(noise >= 0 && noise <= 2)) {
            throw new IllegalArgumentException("noise must be in [0, 2], got " + noise);
        }
    }

    /** The same training with another seed (weights, shuffling, balancing, augmentation). */
    public NetworkTrainer withSeed(long seed) {
        return new NetworkTrainer(settings.withSeed(seed), maxPasses, patience, batchSize, jitterFrames, channelDrop,
                noise, heads);
    }

    /** The same training with at most {@code passes} passes (the patience shrinks to fit). */
    public NetworkTrainer withMaxPasses(int passes) {
        return new NetworkTrainer(settings, passes, Math.min(patience, passes), batchSize, jitterFrames, channelDrop,
                noise, heads);
    }

    /** The same training with other heads. */
    public NetworkTrainer withHeads(Heads other) {
        return new NetworkTrainer(settings, maxPasses, patience, batchSize, jitterFrames, channelDrop, noise, other);
    }

    @Override
    public TrainedModel train(List<Epoch> train, List<Epoch> validation, List<TonedSyllable> language,
            TrainedModel start, Consumer<Progress> progress) {
        TrainingSet set = TrainingSet.of(train, heads, language);
        List<TonedSyllable> outputs = set.outputs();
        Epoch first = set.first();
        DualHeadNetwork network = new DualHeadNetwork(set.bases(), first.width(), first.frames(), settings, heads,
                outputs, HeadMixing.EVEN);
        if (start != null) {
            FineTuning.startFrom(network.graph(), start, TrainedModel.Kind.NETWORK, heads, set.bases());
        }
        Random random = new Random(settings.seed());
        // whole-syllable heads need every syllable as often as the most repeated; part heads learn initials, finals and
        // tones, which the calibration plan covers in every tone, and oversampling whole syllables to the most repeated
        // doubled a pass over an hour of calibration (1,079 trials became 2,103 examples)
        List<Epoch> balanced = heads.whole() ? balance(train, random) : new ArrayList<>(train);
        double best = -1;
        byte[] bestWeights = null;
        int sinceBest = 0;
        for (int pass = 1; pass <= maxPasses; pass++) {
            List<Epoch> augmented = new ArrayList<>(balanced.size());
            for (Epoch epoch : balanced) {
                augmented.add(augment(epoch, random));
            }
            Collections.shuffle(augmented, random);
            double loss = network.fitEpoch(augmented, batchSize);
            Accuracy accuracy = validation.isEmpty() ? null
                    : Accuracy.of(network.predict(validation), validation, outputs);
            progress.accept(new Progress(pass, loss, accuracy == null ? Double.NaN : accuracy.toned(),
                    accuracy == null ? Double.NaN : accuracy.base(), accuracy == null ? Double.NaN : accuracy.tone()));
            if (accuracy == null) {
                continue;
            }
            if (accuracy.toned() > best) {
                best = accuracy.toned();
                bestWeights = network.parameters();
                sinceBest = 0;
            } else if (++sinceBest >= patience) {
                break;
            }
        }
        if (bestWeights != null) {
            network.restoreParameters(bestWeights);
        }
        return HeadMixing.chosen(network.model(), validation);
    }

    /** Oversamples every class to the size of the largest, in a fixed order. */
    static List<Epoch> balance(List<Epoch> train, Random random) {
        Map<TonedSyllable, List<Epoch>> byClass = new LinkedHashMap<>();
        for (Epoch epoch : train) {
            byClass.computeIfAbsent(epoch.label(), k -> new ArrayList<>()).add(epoch);
        }
        int largest = byClass.values().stream().mapToInt(List::size).max().orElse(0);
        List<Epoch> balanced = new ArrayList<>();
        for (List<Epoch> members : byClass.values()) {
            balanced.addAll(members);
            for (int i = members.size(); i < largest; i++) {
                balanced.add(members.get(random.nextInt(members.size())));
            }
        }
        return balanced;
    }

    private Epoch augment(Epoch epoch, Random random) {
        int frames = epoch.frames();
        int width = epoch.width();
        int shift = jitterFrames == 0 ? 0 : random.nextInt(2 * jitterFrames + 1) - jitterFrames;
        float[] values = new float[frames * width];
        for (int f = 0; f < frames; f++) {
            int from = Math.min(frames - 1, Math.max(0, f + shift)); // shifted, edges repeated
            System.arraycopy(epoch.values(), from * width, values, f * width, width);
        }
        for (int i = 0; i < width; i++) {
            boolean dropped = random.nextDouble() < channelDrop;
            for (int f = 0; f < frames; f++) {
                int k = f * width + i;
                values[k] = dropped ? 0 : values[k] + (float) (noise * random.nextGaussian());
            }
        }
        return new org.naoyu.decoder.data.Epoch(epoch.lockSeconds(), epoch.label(), frames, width, values);
    }
}
