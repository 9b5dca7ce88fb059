package org.naoyu.decoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.EpochConfig;
import org.naoyu.decoder.data.SyllableParts;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.dsp.FeatureConfig;

/**
 * The template decoder on windows made the way it assumes (part templates that add up, on a few spatial patterns,
 * plus noise): it names a syllable never heard from its parts, chooses its settings by cross-validation, and its
 * model file keeps what it decodes.
 */
class TemplateTrainerTest {
    private static final int FRAMES = 30;
    private static final int WIDTH = 12;
    private static final List<String> BASES = List.of("ba", "da", "ga", "ma", "bu", "du", "gu", "mu", "bao", "dao",
            "gao", "mao");
    private static final List<TonedSyllable> LANGUAGE = BASES.stream()
            .flatMap(b -> java.util.stream.IntStream.rangeClosed(1, 4).mapToObj(t -> new TonedSyllable(b, t)))
            .toList();
    private static final TonedSyllable UNHEARD = TonedSyllable.parse("gao2");
    private static final TemplateTrainer SMALL = new TemplateTrainer(5, List.of(6, 4), List.of(3, 2),
            List.of(0.3, 0.6), List.of(50.0), 2, 3, 1);

    /** Each unit's profile over frames on three spatial patterns, fixed by one seed. */
    private static final class Cortex {
        final double[][] patterns = new double[3][WIDTH];
        final Map<String, double[][]> profiles = new HashMap<>();
        final Random random = new Random(11);

        Cortex() {
            for (double[] pattern : patterns) {
                for (int i = 0; i < WIDTH; i++) {
                    pattern[i] = random.nextGaussian();
                }
            }
        }

        double[][] profile(String unit) {
            return profiles.computeIfAbsent(unit, u -> {
                double[][] p = new double[FRAMES / 5][3];
                for (double[] bin : p) {
                    for (int j = 0; j < 3; j++) {
                        bin[j] = 0.8 * random.nextGaussian();
                    }
                }
                return p;
            });
        }

        Epoch attempt(TonedSyllable syllable, Random noise, double noiseLevel) {
            SyllableParts parts = SyllableParts.of(syllable);
            List<double[][]> units = List.of(profile("i" + parts.initial()), profile("f" + parts.fin()),
                    profile("t" + parts.tone()));
            float[] values = new float[FRAMES * WIDTH];
            for (int f = 0; f < FRAMES; f++) {
                for (int i = 0; i < WIDTH; i++) {
                    double v = noiseLevel * noise.nextGaussian();
                    for (double[][] unit : units) {
                        for (int j = 0; j < 3; j++) {
                            v += unit[f / 5][j] * patterns[j][i];
                        }
                    }
                    values[f * WIDTH + i] = (float) v;
                }
            }
            return new Epoch(0, syllable, FRAMES, WIDTH, values);
        }
    }

    private static List<Epoch> attempts(Cortex cortex, List<TonedSyllable> syllables, int each, long seed) {
        return attempts(cortex, syllables, each, seed, 1);
    }

    private static List<Epoch> attempts(Cortex cortex, List<TonedSyllable> syllables, int each, long seed,
            double noiseLevel) {
        Random noise = new Random(seed);
        List<Epoch> epochs = new ArrayList<>();
        for (int k = 0; k < each; k++) {
            for (TonedSyllable syllable : syllables) {
                epochs.add(cortex.attempt(syllable, noise, noiseLevel));
            }
        }
        return epochs;
    }

    /** Top-1 toned accuracy of {@code model} on {@code test}, among everything it answers with. */
    static double accuracy(TrainedModel model, List<Epoch> test) {
        List<Posteriors> predicted = model.predict(test);
        int correct = 0;
        for (int e = 0; e < test.size(); e++) {
            correct += predicted.get(e).topToned(model.outputs(), 1).get(0).syllable().equals(test.get(e).label())
                    ? 1 : 0;
        }
        return correct / (double) test.size();
    }

    @Test
    void namesASyllableNeverHeardFromItsPartsAndChoosesItsSettingsByCrossValidation() {
        Cortex cortex = new Cortex();
        List<TonedSyllable> heard = LANGUAGE.stream().filter(s -> !s.equals(UNHEARD)).toList();
        List<Epoch> train = attempts(cortex, heard, 3, 1);
        List<String> notes = new ArrayList<>();
        TrainedModel model = SMALL.train(train, List.of(), LANGUAGE, p -> notes.add(p.note()));

        assertEquals(TrainedModel.Kind.TEMPLATE, model.kind());
        assertEquals(Heads.PARTS, model.heads());
        assertNotNull(model.coupling(), "the cross terms between parts travel with the model");
        assertTrue(model.outputs().contains(UNHEARD));
        assertEquals(8 + 1, notes.size(), "eight settings cross-validated, then the one fitted: " + notes);
        assertTrue(notes.get(8).startsWith("fitted with clip ±50, window"), notes.get(8));

        double unheard = accuracy(model, attempts(cortex, List.of(UNHEARD), 20, 2));
        double heardAccuracy = accuracy(model, attempts(cortex, heard, 1, 3));
        assertTrue(unheard >= 0.7, "gao2 was never heard, but its initial, final and tone were: " + unheard);
        assertTrue(heardAccuracy >= 0.7, "heard syllables: " + heardAccuracy);
    }

    @Test
    void theCouplingIsWhatMakesThePartsAJointModel() {
        Cortex cortex = new Cortex();
        TrainedModel model = SMALL.train(attempts(cortex, LANGUAGE, 4, 4, 4), List.of(), LANGUAGE, p -> { });
        List<Epoch> test = attempts(cortex, LANGUAGE, 10, 5, 4);
        // the same heads read as independent parts: the naive-Bayes product the other decoders use
        TrainedModel independent = new TrainedModel(model.kind(), model.graph(), List.of(), model.frames(),
                model.width(), model.binFrames(), Heads.PARTS, model.outputs(), 0, null);
        double coupled = accuracy(model, test);
        double alone = accuracy(independent, test);
        assertTrue(coupled > alone + 0.03,
                "with its cross terms " + coupled + ", without " + alone);
    }

    @Test
    void aSavedTemplateModelDecodesAsBefore(@TempDir Path dir) throws IOException {
        Cortex cortex = new Cortex();
        TrainedModel model = SMALL.train(attempts(cortex, LANGUAGE, 2, 6), List.of(), LANGUAGE, p -> { });
        List<String> channels = java.util.stream.IntStream.rangeClosed(1, WIDTH).mapToObj(c -> "G" + c).toList();
        Provenance provenance = new Provenance(Provenance.FORMAT, TrainedModel.Kind.TEMPLATE,
                FeatureConfig.defaults(1000), channels, EpochConfig.ONSET_LOCKED, List.of("ba1"), List.of(), 1,
                Map.of(), Map.of(), TrainingRecipe.of(SMALL, 0.2), null);
        Path file = dir.resolve("templates.zip");
        ModelFile.save(model, provenance, file);
        ModelFile.Loaded loaded = ModelFile.load(file);

        assertEquals(model.coupling(), loaded.model().coupling());
        assertEquals(model.clip(), loaded.model().clip());
        assertEquals(SMALL, loaded.provenance().recipe().templates());
        assertEquals(TrainedModel.Kind.TEMPLATE, loaded.provenance().recipe().kind());
        List<Epoch> test = attempts(cortex, LANGUAGE, 1, 7);
        List<Posteriors> before = model.predict(test);
        List<Posteriors> after = loaded.model().predict(test);
        for (int e = 0; e < test.size(); e++) {
            assertEquals(before.get(e).topToned(model.outputs(), 3), after.get(e).topToned(model.outputs(), 3));
        }
        assertTrue(Files.size(file) > 0);
    }

    @Test
    void oneAttemptInPlainJavaScoresAsDl4jDoes() {
        Cortex cortex = new Cortex();
        List<Epoch> train = attempts(cortex, LANGUAGE, 2, 9);
        List<Epoch> test = attempts(cortex, LANGUAGE.subList(0, 8), 1, 10);
        List<TrainedModel> models = List.of(SMALL.train(train, List.of(), LANGUAGE, p -> { }),
                new LinearTrainer(5, 1e-3, 3, 1, Heads.PARTS).train(train, List.of(), LANGUAGE, p -> { }),
                new LinearTrainer(5, 1e-3, 3, 1, Heads.BOTH).train(train, List.of(), LANGUAGE, p -> { }),
                new LinearTrainer(5, 1e-3, 3, 1, Heads.WHOLE).train(train, List.of(), LANGUAGE, p -> { }));
        for (TrainedModel model : models) {
            List<Posteriors> batch = model.predict(test);
            for (int e = 0; e < test.size(); e++) {
                Posteriors one = model.predictOne(test.get(e));
                String what = model.kind() + " " + model.heads().label() + ", attempt " + e;
                assertClose(batch.get(e).tone(), one.tone(), what);
                assertClose(batch.get(e).base(), one.base(), what);
                assertClose(batch.get(e).initial(), one.initial(), what);
                assertClose(batch.get(e).fin(), one.fin(), what);
                Posteriors.Scored expectedTop = batch.get(e).topToned(model.outputs(), 1).get(0);
                Posteriors.Scored top = one.topToned(model.outputs(), 1).get(0);
                assertEquals(expectedTop.syllable(), top.syllable(), what);
                assertEquals(expectedTop.probability(), top.probability(), 1e-5, what);
            }
        }
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what);
        for (int k = 0; k < expected.length; k++) {
            assertEquals(expected[k], actual[k], 1e-5 + 1e-4 * expected[k], what + ", output " + k);
        }
    }

    @Test
    void anArtifactIsClippedBeforeItCanOutvoteTheWindow() {
        Cortex cortex = new Cortex();
        List<Epoch> train = attempts(cortex, LANGUAGE, 3, 11);
        TemplateTrainer clipped = new TemplateTrainer(5, List.of(6), List.of(3), List.of(0.3), List.of(6.0), 2, 3, 1);
        TrainedModel model = clipped.train(train, List.of(), LANGUAGE, p -> { });
        assertEquals(6.0, model.clip());
        Epoch clean = cortex.attempt(TonedSyllable.parse("ma1"), new Random(12), 1);
        float[] popped = clean.values().clone();
        for (int f = 0; f < 10; f++) {
            popped[f * WIDTH + 3] += 500; // an electrode pop on one channel for 100 ms
        }
        Epoch artifact = new Epoch(0, clean.label(), FRAMES, WIDTH, popped);
        assertEquals(clean.label(), model.predictOne(clean).topToned(model.outputs(), 1).get(0).syllable());
        assertEquals(clean.label(), model.predictOne(artifact).topToned(model.outputs(), 1).get(0).syllable(),
                "the pop is clipped to 6 and the other channels still name the syllable");
    }

    @Test
    void refusesWhatItCannotDo() {
        Cortex cortex = new Cortex();
        List<Epoch> train = attempts(cortex, LANGUAGE, 2, 8);
        TrainedModel model = SMALL.train(train, List.of(), LANGUAGE, p -> { });
        IllegalArgumentException fromModel = assertThrows(IllegalArgumentException.class,
                () -> SMALL.train(train, List.of(), LANGUAGE, model, p -> { }));
        assertTrue(fromModel.getMessage().contains("closed form"), fromModel.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TemplateTrainer(5, List.of(), List.of(3),
                List.of(0.3), List.of(4.0), 1, 3, 1));
        IllegalArgumentException shrinkage = assertThrows(IllegalArgumentException.class,
                () -> new TemplateTrainer(5, List.of(6), List.of(3), List.of(1.0), List.of(4.0), 1, 3, 1));
        assertTrue(shrinkage.getMessage().contains("shrinkages"), shrinkage.getMessage());
        IllegalArgumentException clip = assertThrows(IllegalArgumentException.class,
                () -> new TemplateTrainer(5, List.of(6), List.of(3), List.of(0.3), List.of(0.0), 1, 3, 1));
        assertTrue(clip.getMessage().contains("clips must be in (0, 1000], got 0.0"), clip.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TemplateTrainer(5, List.of(6), List.of(3),
                List.of(0.3), List.of(4.0), 1, 1, 1), "one fold cannot cross-validate");
        assertFalse(SMALL.heads().whole(), "part heads only");
    }
}
