package org.naoyu.decoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.TonedSyllable;

/**
 * Both trainers through the one API on a problem where place carries the base syllable and a contour carries the
 * tone: the network must get the tones a time-averaging linear model cannot separate as well.
 */
class TrainersTest {
    private static final List<String> BASES = List.of("ba", "ga", "shi");
    private static final int WIDTH = 6;
    private static final int FRAMES = 40;

    private static Epoch example(String base, int tone, Random random) {
        float[] v = new float[FRAMES * WIDTH];
        for (int f = 0; f < FRAMES; f++) {
            for (int i = 0; i < WIDTH; i++) {
                v[f * WIDTH + i] = (float) (0.6 * random.nextGaussian());
            }
            v[f * WIDTH + BASES.indexOf(base)] += 1.5;
            // the tone is a pitch contour on one channel: rising, dipping and falling share their mean
            double t = f / (double) (FRAMES - 1);
            double contour = switch (tone) {
                case 1 -> 1;
                case 2 -> t;
                case 3 -> Math.abs(t - 0.5) * 2;
                case 4 -> 1 - t;
                default -> t < 0.3 ? 1.6 : 0;
            };
            v[f * WIDTH + 5] += (float) (2 * contour);
        }
        return new Epoch(0, new TonedSyllable(base, tone), FRAMES, WIDTH, v);
    }

    private static List<Epoch> set(int perClass, long seed) {
        Random random = new Random(seed);
        List<Epoch> epochs = new ArrayList<>();
        for (int k = 0; k < perClass; k++) {
            for (String base : BASES) {
                for (int tone = 1; tone <= 5; tone++) {
                    epochs.add(example(base, tone, random));
                }
            }
        }
        return epochs;
    }

    @Test
    void theNetworkBeatsTheLinearBaselineOnContours() {
        List<Epoch> train = set(10, 1);
        List<Epoch> validation = set(2, 2);
        List<Epoch> test = set(3, 3);
        List<TonedSyllable> inventory = train.stream().map(Epoch::label).distinct().toList();
        List<DecoderTrainer.Progress> passes = new ArrayList<>();
        SyllableDecoder network = new NetworkTrainer(new DualHeadNetwork.Settings(16, 1, 24, 0, 32, 0.9, 5e-3, 1), 60, 15,
                32, 1, 0.0, 0.1).train(train, validation, passes::add);
        // time-averaging bins as wide as the window: the linear model sees where, not when
        SyllableDecoder linear = new LinearTrainer(40, 1e-3, 100, 1).train(train, validation);
        Accuracy net = Accuracy.of(network.predict(test), test, inventory);
        Accuracy lin = Accuracy.of(linear.predict(test), test, inventory);
        assertTrue(net.base() > 0.95 && lin.base() > 0.95, "both find the place: " + net + " " + lin);
        assertTrue(lin.tone() < 0.6, "averaging over the window loses the contour: " + lin);
        assertTrue(net.tone() > 0.8 && net.toned() > lin.toned() + 0.3, "the network keeps it: " + net + " vs " + lin);
        assertTrue(net.topFiveToned() >= net.toned());
        assertTrue(passes.size() >= 15 && passes.size() <= 60, "early stopping or the pass limit: " + passes.size());
    }

    @Test
    void settingsAreChecked() {
        assertEquals("patience must be in [1, maxPasses = 5], got 9", assertThrows(IllegalArgumentException.class,
                () -> new NetworkTrainer(DualHeadNetwork.Settings.DEFAULT, 5, 9, 32, 3, 0.1, 0.2)).getMessage());
        assertEquals("binFrames must be in [1, 100], got 0", assertThrows(IllegalArgumentException.class,
                () -> new LinearTrainer(0, 1e-3, 10, 1)).getMessage());
        assertEquals("training needs at least one epoch", assertThrows(IllegalArgumentException.class,
                () -> LinearTrainer.DEFAULT.train(List.of(), List.of())).getMessage());
    }

    @Test
    void fineTuningStartsFromThePreviousModelAndRefusesOneThatDoesNotFit() {
        List<Epoch> test = set(4, 9);
        LinearTrainer full = new LinearTrainer(10, 1e-3, 30, 1);
        TrainedModel previous = full.train(set(10, 1), List.of());
        double before = Accuracy.of(previous.predict(test), test, previous.outputs()).base();
        // one pass over a few new trials: from scratch the weights barely move; from the previous model they stay good
        List<Epoch> fewNew = set(1, 5);
        LinearTrainer onePass = full.withPasses(1);
        TrainedModel scratch = onePass.train(fewNew, List.of());
        TrainedModel tuned = onePass.train(fewNew, List.of(), List.of(), previous, p -> { });
        double fromScratch = Accuracy.of(scratch.predict(test), test, scratch.outputs()).base();
        double fineTuned = Accuracy.of(tuned.predict(test), test, tuned.outputs()).base();
        assertTrue(before > 0.9, "the previous model knows the bases: " + before);
        assertTrue(fineTuned > 0.9 && fineTuned > fromScratch + 0.2, "fine-tuned " + fineTuned + ", from scratch "
                + fromScratch);

        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class, () -> NetworkTrainer.DEFAULT
                .train(fewNew, List.of(), List.of(), previous, p -> { }));
        assertEquals("the model to start from is a linear baseline; this training makes a network", kind.getMessage());
        IllegalArgumentException heads = assertThrows(IllegalArgumentException.class, () -> full.withHeads(Heads.PARTS)
                .train(fewNew, List.of(), List.of(), previous, p -> { }));
        assertEquals("the model to start from has whole heads; this training has parts heads", heads.getMessage());
        List<Epoch> shorter = fewNew.stream().map(e -> new Epoch(0, e.label(), FRAMES / 2, WIDTH,
                java.util.Arrays.copyOf(e.values(), FRAMES / 2 * WIDTH))).toList();
        IllegalArgumentException window = assertThrows(IllegalArgumentException.class,
                () -> onePass.train(shorter, List.of(), List.of(), previous, p -> { }));
        assertTrue(window.getMessage().startsWith("the model to start from has "), window.getMessage());
        assertTrue(window.getMessage().endsWith(": its window or channels differ"), window.getMessage());
    }
}
