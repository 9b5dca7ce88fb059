package org.naoyu.decoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.SyllableParts;
import org.naoyu.decoder.data.TonedSyllable;

/**
 * In a world built from parts (one channel per initial, one per final, a tone's contour on a "larynx" channel, as the
 * simulator builds syllables from gestures), part heads name syllables no training epoch was: the issue's
 * generalisation, which a whole-syllable head cannot do.
 */
class PartHeadsTest {
    private static final List<String> INITIALS = List.of("b", "m", "d", "g");
    private static final List<String> FINALS = List.of("a", "u", "ai", "ao");
    private static final int WIDTH = 9;
    private static final int FRAMES = 30;
    /** A small network with the linear path part heads get by default. */
    private static final NetworkTrainer SMALL = new NetworkTrainer(new DualHeadNetwork.Settings(16, 5, 0, 16, 32, 0.9,
            5e-3, 1, 16), 40, 40, 32, 1, 0.1, 0.3);

    private static Epoch epoch(String initial, String fin, int tone, Random random) {
        float[] v = new float[FRAMES * WIDTH];
        for (int f = 0; f < FRAMES; f++) {
            double t = f / (double) FRAMES;
            for (int i = 0; i < WIDTH; i++) {
                v[f * WIDTH + i] = (float) (0.5 * random.nextGaussian());
            }
            v[f * WIDTH + INITIALS.indexOf(initial)] += t < 0.5 ? 2 : 0; // the consonant comes first
            v[f * WIDTH + 4 + FINALS.indexOf(fin)] += t >= 0.3 ? 2 : 0; // then the vowel
            v[f * WIDTH + 8] += (float) (2 * (tone == 1 ? 1 : t)); // level or rising
        }
        return new Epoch(0, new TonedSyllable(initial + fin, tone), FRAMES, WIDTH, v);
    }

    /** Whether (initial, final) is held out of training: one pair in each row and column of the 4 × 4 table. */
    private static boolean heldOut(int initial, int fin) {
        return (initial + fin) % 4 == 0;
    }

    @Test
    void partHeadsNameSyllablesNeverHeardAndWholeOnesCannot() {
        Random random = new Random(11);
        List<Epoch> train = new ArrayList<>();
        List<Epoch> unseen = new ArrayList<>();
        List<TonedSyllable> language = new ArrayList<>();
        for (int i = 0; i < INITIALS.size(); i++) {
            for (int f = 0; f < FINALS.size(); f++) {
                for (int tone = 1; tone <= 2; tone++) {
                    language.add(new TonedSyllable(INITIALS.get(i) + FINALS.get(f), tone));
                    for (int k = 0; k < (heldOut(i, f) ? 4 : 10); k++) {
                        (heldOut(i, f) ? unseen : train).add(epoch(INITIALS.get(i), FINALS.get(f), tone, random));
                    }
                }
            }
        }
        TrainedModel parts = SMALL.withHeads(Heads.PARTS).train(train, List.of(), language, p -> { });
        TrainedModel linear = new LinearTrainer(5, 1e-3, 60, 1, Heads.PARTS).train(train, List.of(), language,
                p -> { });
        TrainedModel deepOnly = SMALL.withSettings(SMALL.settings().withWideUnits(0)).withHeads(Heads.PARTS)
                .train(train, List.of(), language, p -> { });
        TrainedModel whole = SMALL.train(train, List.of(), language, p -> { });
        TrainedModel both = SMALL.withHeads(Heads.BOTH).train(train, List.of(), language, p -> { });
        assertEquals(language.size(), parts.outputs().size(), "part heads answer with the whole language");
        assertEquals(24, whole.outputs().size(), "a whole-syllable head only with the 12 pairs x 2 tones it heard");
        assertTrue(parts.bases().isEmpty());

        double partsRight = top1(parts, unseen);

        double bothRight = top1(both, unseen);
        assertEquals(0, top1(whole, unseen), "a whole-syllable head never names what it never heard");
        assertTrue(partsRight >= 0.9, "part heads on 32 attempts at 8 syllables never trained: " + partsRight);
        assertTrue(top1(linear, unseen) >= 0.9, "the linear baseline's part heads too: " + top1(linear, unseen));
        assertTrue(bothRight >= 0.6, "both heads, the parts' share alone, on unseen syllables: " + bothRight);
        // why the network has a linear path: the convolutions' ReLUs alone carry parts less well to new combinations
        assertTrue(top1(deepOnly, unseen) < partsRight, "without the linear path: " + top1(deepOnly, unseen));

        // validated on syllables held out whole, both heads learn to trust the parts: the baseline's even mix names
        // 15 of these 16 (the whole-syllable head pulls one to a heard syllable), a quarter share all of them
        List<Epoch> heldOutHalf = unseen.subList(0, unseen.size() / 2);
        List<Epoch> otherHalf = unseen.subList(unseen.size() / 2, unseen.size());
        TrainedModel linearBoth = new LinearTrainer(5, 1e-3, 60, 1, Heads.BOTH).train(train, heldOutHalf, language,
                p -> { });
        assertEquals(0.25, linearBoth.wholeWeight(), 0, "the share validation chose");
        assertTrue(top1(linearBoth.withWholeWeight(0.5), heldOutHalf) < top1(linearBoth, heldOutHalf));
        assertTrue(top1(linearBoth, otherHalf) >= 0.9, "on the other unseen half: " + top1(linearBoth, otherHalf));
        assertThrows(IllegalStateException.class, () -> parts.withWholeWeight(0.5), "parts alone mix nothing");

        Posteriors p = parts.predict(unseen.get(0));
        assertEquals(1.0, p.topToned(language, language.size()).stream()
                .mapToDouble(Posteriors.Scored::probability).sum(), 1e-9, "a distribution over the language");
        assertEquals(SyllableParts.INITIAL_LABELS.size(), p.initial().length);
    }

    private static double top1(TrainedModel model, List<Epoch> attempts) {
        List<Posteriors> predicted = model.predict(attempts);
        int right = 0;
        for (int i = 0; i < attempts.size(); i++) {
            right += predicted.get(i).topToned(model.outputs(), 1).get(0).syllable().equals(attempts.get(i).label())
                    ? 1 : 0;
        }
        return right / (double) attempts.size();
    }
}
