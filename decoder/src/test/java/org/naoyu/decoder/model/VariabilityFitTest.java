package org.naoyu.decoder.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.EpochConfig;
import org.naoyu.decoder.data.SyllableParts;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.dsp.FeatureConfig;

/**
 * Attempts whose time axis is stretched (±20 %, about the onset) and whose parts come with gains of their own are
 * what the attempt variability model is for: on them it must clearly beat the same template decoder without it, name
 * a syllable never heard, learn that the stretch varies, and keep what it decodes through a model file.
 */
class VariabilityFitTest {
    private static final int FRAMES = 45;
    private static final int ONSET = 5;
    private static final int WIDTH = 12;
    private static final List<String> BASES = List.of("ba", "da", "ga", "ma", "bu", "du", "gu", "mu", "bao", "dao",
            "gao", "mao");
    private static final List<TonedSyllable> LANGUAGE = BASES.stream()
            .flatMap(b -> IntStream.rangeClosed(1, 4).mapToObj(t -> new TonedSyllable(b, t))).toList();
    private static final TonedSyllable UNHEARD = TonedSyllable.parse("gao2");
    private static final TemplateTrainer PLAIN = new TemplateTrainer(5, List.of(8), List.of(3), List.of(0.3),
            List.of(50.0), 2, 3, 1, ONSET, false);
    private static final TemplateTrainer WITH_VARIABILITY = PLAIN.withVariability(true);

    /** Each unit's smooth time course on three spatial patterns: two bumps after the onset. */
    private static final class Cortex {
        final double[][] patterns = new double[3][WIDTH];
        final Map<String, double[][]> bumps = new HashMap<>();
        final Random random = new Random(5);

        Cortex() {
            for (double[] pattern : patterns) {
                for (int i = 0; i < WIDTH; i++) {
                    pattern[i] = random.nextGaussian();
                }
            }
        }

        /** {centre, width, amplitude on each pattern} twice. */
        double[][] bumps(String unit) {
            return bumps.computeIfAbsent(unit, u -> {
                double[][] b = new double[2][5];
                for (double[] bump : b) {
                    bump[0] = ONSET + 3 + 25 * random.nextDouble();
                    bump[1] = 1.5 + 1.5 * random.nextDouble();
                    for (int j = 0; j < 3; j++) {
                        bump[2 + j] = 1.2 * random.nextGaussian();
                    }
                }
                return b;
            });
        }

        Epoch attempt(TonedSyllable syllable, Random draw) {
            SyllableParts parts = SyllableParts.of(syllable);
            List<double[][]> units = List.of(bumps("i" + parts.initial()), bumps("f" + parts.fin()),
                    bumps("t" + parts.tone()));
            double stretch = 0.8 + 0.45 * draw.nextDouble();
            double[] gain = {Math.exp(0.3 * draw.nextGaussian()), Math.exp(0.3 * draw.nextGaussian()),
                Math.exp(0.3 * draw.nextGaussian())};
            float[] values = new float[FRAMES * WIDTH];
            for (int f = 0; f < FRAMES; f++) {
                double tau = ONSET + (f - ONSET) / stretch;
                double[] level = new double[3];
                for (int p = 0; p < 3; p++) {
                    for (double[] bump : units.get(p)) {
                        double shape = Math.exp(-0.5 * Math.pow((tau - bump[0]) / bump[1], 2));
                        for (int j = 0; j < 3; j++) {
                            level[j] += gain[p] * bump[2 + j] * shape;
                        }
                    }
                }
                for (int i = 0; i < WIDTH; i++) {
                    double v = 3.5 * draw.nextGaussian();
                    for (int j = 0; j < 3; j++) {
                        v += level[j] * patterns[j][i];
                    }
                    values[f * WIDTH + i] = (float) v;
                }
            }
            return new Epoch(0, syllable, FRAMES, WIDTH, values);
        }

        List<Epoch> attempts(List<TonedSyllable> syllables, int each, long seed) {
            Random draw = new Random(seed);
            List<Epoch> out = new ArrayList<>();
            for (int k = 0; k < each; k++) {
                for (TonedSyllable s : syllables) {
                    out.add(attempt(s, draw));
                }
            }
            return out;
        }
    }

    @Test
    void stretchedAttemptsWithUnevenPartsAreDecodedFarBetterWithIt() {
        Cortex cortex = new Cortex();
        List<TonedSyllable> heard = LANGUAGE.stream().filter(s -> !s.equals(UNHEARD)).toList();
        List<Epoch> train = cortex.attempts(heard, 4, 1);
        List<Epoch> test = cortex.attempts(heard, 2, 2);
        TrainedModel plain = PLAIN.train(train, List.of(), LANGUAGE, p -> { });
        List<String> notes = new ArrayList<>();
        TrainedModel modelled = WITH_VARIABILITY.train(train, List.of(), LANGUAGE, p -> notes.add(p.note()));

        assertNull(plain.variability());
        assertNotNull(modelled.variability());
        double without = TemplateTrainerTest.accuracy(plain, test);
        double with = TemplateTrainerTest.accuracy(modelled, test);
        assertTrue(with >= without + 0.15, "with the variability model " + with + ", without " + without);
        assertTrue(TemplateTrainerTest.accuracy(modelled, cortex.attempts(List.of(UNHEARD), 20, 3)) >= 0.6,
                "gao2 was never heard, but its parts were");
        String note = notes.get(notes.size() - 1);
        assertTrue(note.contains("; attempt variability: stretch sd "), note);
        double learnedSpread = Double.parseDouble(note.replaceAll(".*stretch sd ([0-9.]+) .*", "$1"));
        // the attempts' stretches are uniform on [0.8, 1.25]: sd 0.13
        assertTrue(learnedSpread > 0.07 && learnedSpread < 0.2, note);
    }

    @Test
    void tooFewTrialsToLearnHowAttemptsVaryLeaveTheHeadsToScore() {
        Cortex cortex = new Cortex();
        List<String> notes = new ArrayList<>();
        TrainedModel model = WITH_VARIABILITY.train(cortex.attempts(LANGUAGE, 1, 1), List.of(), LANGUAGE,
                p -> notes.add(p.note()));
        assertNull(model.variability());
        String note = notes.get(notes.size() - 1);
        assertTrue(note.endsWith("; no attempt variability model: it needs 100 trials, there are 48"), note);
    }

    @Test
    void aSavedModelDecodesAsBefore(@TempDir Path dir) throws IOException {
        Cortex cortex = new Cortex();
        TrainedModel model = WITH_VARIABILITY.train(cortex.attempts(LANGUAGE, 3, 1), List.of(), LANGUAGE, p -> { });
        Path file = dir.resolve("model.zip");
        List<String> channels = IntStream.rangeClosed(1, WIDTH).mapToObj(c -> "G" + c).toList();
        ModelFile.save(model, new Provenance(Provenance.FORMAT, TrainedModel.Kind.TEMPLATE,
                FeatureConfig.defaults(1000), channels, EpochConfig.ONSET_LOCKED, List.of("ba1"), List.of(), 1,
                Map.of(), Map.of(), TrainingRecipe.of(WITH_VARIABILITY, 0), null), file);
        TrainedModel back = ModelFile.load(file).model();
        List<Epoch> test = cortex.attempts(LANGUAGE.subList(0, 8), 1, 4);
        for (Epoch epoch : test) {
            Posteriors a = model.predictOne(epoch);
            Posteriors b = back.predictOne(epoch);
            assertEquals(a.topToned(model.outputs(), 1).get(0), b.topToned(back.outputs(), 1).get(0));
            for (int i = 0; i < a.initial().length; i++) {
                assertEquals(a.initial()[i], b.initial()[i], 1e-12);
            }
        }
        assertEquals(model.predict(test).get(3).topToned(model.outputs(), 3),
                back.predict(test).get(3).topToned(back.outputs(), 3), "predict and predictOne agree");
    }
}
