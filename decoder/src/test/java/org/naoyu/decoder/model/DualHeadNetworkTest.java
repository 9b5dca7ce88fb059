package org.naoyu.decoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.TonedSyllable;

/**
 * The network learns what separates syllables in the way the simulator (and cortex) separates them: where activity is
 * (the base syllable: which channels) and how it evolves (the tone: its time course on one channel).
 */
class DualHeadNetworkTest {
    private static final List<String> BASES = List.of("ba", "ga", "shi", "ma");
    private static final int WIDTH = 8;
    private static final int FRAMES = 40;

    private static Epoch synthetic(String base, int tone, Random random) {
        float[] v = new float[FRAMES * WIDTH];
        int channel = BASES.indexOf(base);
        for (int f = 0; f < FRAMES; f++) {
            double t = f / (double) FRAMES;
            double contour = switch (tone) {
                case 1 -> 1;
                case 2 -> t;
                case 3 -> Math.abs(t - 0.5) * 2;
                case 4 -> 1 - t;
                default -> t < 0.4 ? 1 : 0;
            };
            for (int i = 0; i < WIDTH; i++) {
                v[f * WIDTH + i] = (float) (0.5 * random.nextGaussian());
            }
            v[f * WIDTH + channel] += 2; // where: the base syllable
            v[f * WIDTH + 7] += (float) (2 * contour); // how: the tone's contour on the "larynx" channel
        }
        return new Epoch(0, new TonedSyllable(base, tone), FRAMES, WIDTH, v);
    }

    @Test
    void bothHeadsLearnTheirLabels() {
        Random random = new Random(5);
        List<Epoch> train = new ArrayList<>();
        List<Epoch> test = new ArrayList<>();
        for (String base : BASES) {
            for (int tone = 1; tone <= 5; tone++) {
                for (int k = 0; k < 12; k++) {
                    train.add(synthetic(base, tone, random));
                }
                test.add(synthetic(base, tone, random));
                test.add(synthetic(base, tone, random));
            }
        }
        // a small network: the test is about learning both heads, not capacity
        DualHeadNetwork network = new DualHeadNetwork(BASES, WIDTH, FRAMES,
                new DualHeadNetwork.Settings(16, 1, 24, 0, 32, 0.9, 5e-3, 1));
        Collections.shuffle(train, new Random(1));
        double first = network.fitEpoch(train, 32);
        double last = first;
        for (int epoch = 0; epoch < 30; epoch++) {
            Collections.shuffle(train, new Random(epoch));
            last = network.fitEpoch(train, 32);
        }
        assertTrue(last < first / 3, "training lowers the loss: " + first + " -> " + last);
        List<Posteriors> predicted = network.predict(test);
        int bases = 0;
        int tones = 0;
        int toned = 0;
        List<TonedSyllable> all = new ArrayList<>();
        for (String base : BASES) {
            for (int tone = 1; tone <= 5; tone++) {
                all.add(new TonedSyllable(base, tone));
            }
        }
        for (int i = 0; i < test.size(); i++) {
            TonedSyllable truth = test.get(i).label();
            Posteriors p = predicted.get(i);
            bases += p.bestBase().equals(truth.base()) ? 1 : 0;
            tones += p.bestTone() == truth.tone() ? 1 : 0;
            toned += p.topToned(all, 1).get(0).syllable().equals(truth) ? 1 : 0;
        }
        assertEquals(test.size(), bases, "base syllables");
        assertTrue(tones >= 0.9 * test.size(), "tones " + tones + " of " + test.size());
        assertTrue(toned >= 0.9 * test.size(), "toned syllables " + toned + " of " + test.size());
        double sum = predicted.get(0).topToned(all, 20).stream().mapToDouble(Posteriors.Scored::probability).sum();
        assertEquals(1.0, sum, 1e-9, "toned posteriors over the inventory sum to 1");
    }
}
