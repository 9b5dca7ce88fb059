package org.naoyu.decoder.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.decoder.SyntheticSessions;
import org.naoyu.decoder.data.Epoch;
import org.naoyu.decoder.data.EpochConfig;
import org.naoyu.decoder.data.Epochs;
import org.naoyu.decoder.data.FrameSeries;
import org.naoyu.decoder.data.TonedSyllable;
import org.naoyu.decoder.onset.OnsetDetector;
import org.naoyu.decoder.onset.OnsetSpec;
import org.naoyu.decoder.onset.OnsetTrainer;
import org.naoyu.dsp.FeatureConfig;

class ModelFileTest {
    @TempDir
    Path dir;

    private static List<Epoch> epochs(int width, int frames, long seed) {
        Random random = new Random(seed);
        List<Epoch> list = new ArrayList<>();
        for (String toned : List.of("ba1", "ga2", "ma3")) {
            for (int k = 0; k < 5; k++) {
                float[] v = new float[frames * width];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) random.nextGaussian();
                }
                list.add(new Epoch(0, TonedSyllable.parse(toned), frames, width, v));
            }
        }
        return list;
    }

    private static Provenance provenance(TrainedModel.Kind kind, List<String> channels) {
        return new Provenance(Provenance.FORMAT, kind, FeatureConfig.defaults(1000), channels,
                EpochConfig.ONSET_LOCKED, List.of("ba1", "ga2", "ma3"),
                List.of(new Provenance.DataFile("s1.xdf", "ab12", 15)), 7, Map.of("validation_toned", 0.5),
                Map.of("dl4j", "1.0.0-M2.1"), null, null);
    }

    @Test
    void aSavedModelPredictsWhatItDidAndKeepsItsProvenance() throws IOException {
        List<Epoch> train = epochs(4, 20, 1);
        for (DecoderTrainer trainer : List.<DecoderTrainer>of(new LinearTrainer(5, 1e-3, 5, 1),
                new NetworkTrainer(new DualHeadNetwork.Settings(8, 1, 8, 0, 8, 1, 1e-3, 1), 2, 1, 8, 0, 0, 0))) {
            TrainedModel model = trainer.train(train, List.of());
            List<String> channels = List.of("G1", "G2", "G3", "G4");
            Path file = dir.resolve(model.kind() + ".zip");
            ModelFile.save(model, provenance(model.kind(), channels), file);
            ModelFile.Loaded loaded = ModelFile.load(file);
            assertEquals(provenance(model.kind(), channels), loaded.provenance());
            List<Posteriors> before = model.predict(train);
            List<Posteriors> after = loaded.model().predict(train);
            for (int i = 0; i < train.size(); i++) {
                assertArrayEquals(before.get(i).base(), after.get(i).base(), 1e-6);
                assertArrayEquals(before.get(i).tone(), after.get(i).tone(), 1e-6);
            }
            assertThrows(java.nio.file.FileAlreadyExistsException.class,
                    () -> ModelFile.save(model, provenance(model.kind(), channels), file));
        }
    }

    @Test
    void theOnsetDetectorAndTheRecipeTravelWithTheModel() throws IOException {
        FrameSeries session = SyntheticSessions.session(90, 1);
        List<Epoch> train = Epochs.extract(session.times(), session.values(), session.width(), 100, session.events(),
                EpochConfig.ONSET_LOCKED).epochs();
        LinearTrainer trainer = new LinearTrainer(10, 1e-3, 5, 3);
        TrainedModel model = trainer.train(train, List.of());
        OnsetTrainer.Result onset = new OnsetTrainer(OnsetDetector.Shape.DEFAULT, 2, 0.25, 0.6, 1)
                .train(List.of(session), s -> { });
        List<String> channels = List.of("G1", "G2", "G3", "G4", "G5", "G6");
        Provenance provenance = new Provenance(Provenance.FORMAT, model.kind(), FeatureConfig.defaults(1000), channels,
                EpochConfig.ONSET_LOCKED, List.of("ba1", "ga2"), List.of(), 3, Map.of(), Map.of(),
                TrainingRecipe.of(trainer, 0.2), OnsetSpec.of(onset));
        Path file = dir.resolve("with-onset.zip");
        ModelFile.save(model, onset.detector(), provenance, file);
        ModelFile.Loaded loaded = ModelFile.load(file);
        assertEquals(provenance, loaded.provenance());
        assertEquals(trainer, loaded.provenance().recipe().trainer());
        assertArrayEquals(onset.detector().probabilities(session), loaded.onset().probabilities(session), 0);
        assertEquals(onset.detector().rule(), loaded.onset().rule());
        List<Posteriors> before = model.predict(train);
        List<Posteriors> after = loaded.model().predict(train);
        for (int i = 0; i < train.size(); i++) {
            assertArrayEquals(before.get(i).base(), after.get(i).base(), 0);
            assertArrayEquals(before.get(i).tone(), after.get(i).tone(), 0);
        }
        IllegalArgumentException undescribed = assertThrows(IllegalArgumentException.class,
                () -> ModelFile.save(model, onset.detector(), provenance.withOnset(null), dir.resolve("x.zip")));
        assertTrue(undescribed.getMessage().endsWith("does not describe the onset detector given"),
                undescribed.getMessage());
        IllegalArgumentException wrongKind = assertThrows(IllegalArgumentException.class,
                () -> new Provenance(Provenance.FORMAT, TrainedModel.Kind.NETWORK, FeatureConfig.defaults(1000),
                        channels, EpochConfig.ONSET_LOCKED, List.of(), List.of(), 3, Map.of(), Map.of(),
                        TrainingRecipe.of(trainer, 0.2), null));
        assertEquals("the recipe trains a LINEAR model, the model is NETWORK", wrongKind.getMessage());
    }

    @Test
    void aModelFileFromBeforeRecipesAndOnsetDetectorsStillLoads() throws IOException {
        TrainedModel model = new LinearTrainer(5, 1e-3, 2, 1).train(epochs(4, 20, 1), List.of());
        Path current = dir.resolve("current.zip");
        ModelFile.save(model, provenance(model.kind(), List.of("G1", "G2", "G3", "G4")), current);
        Path older = dir.resolve("older.zip");
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(current.toFile());
             java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(Files.newOutputStream(older))) {
            for (java.util.zip.ZipEntry entry : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().equals(ModelFile.PROVENANCE_ENTRY)) {
                    String json = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
                    String stripped = json.replaceAll(",\\s*\"recipe\"\\s*:\\s*null", "")
                            .replaceAll(",\\s*\"onset\"\\s*:\\s*null", "")
                            .replaceAll(",\\s*\"heads\"\\s*:\\s*\"[A-Z]+\"", "")
                            .replaceAll(",\\s*\"outputs\"\\s*:\\s*\\[[^\\]]*\\]", "")
                            .replaceAll(",\\s*\"wholeWeight\"\\s*:\\s*[0-9.]+", "");
                    assertTrue(stripped.length() < json.length() && !stripped.contains("\"recipe\"")
                            && !stripped.contains("\"heads\"") && !stripped.contains("\"outputs\"")
                            && !stripped.contains("wholeWeight"), stripped);
                    bytes = stripped.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
                out.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        ModelFile.Loaded loaded = ModelFile.load(older);
        assertEquals(null, loaded.provenance().recipe());
        assertEquals(null, loaded.onset());
        assertEquals(List.of("ba1", "ga2", "ma3"), loaded.provenance().inventory());
        assertEquals(Heads.WHOLE, loaded.model().heads(), "a model from before part heads has whole-syllable heads");
        assertEquals(List.of("ba1", "ga2", "ma3"), loaded.model().outputs().stream().map(TonedSyllable::toned)
                .toList(), "and answers with what it trained on");
    }

    @Test
    void aModelWithPartHeadsKeepsItsHeadsAndWhatItAnswersWith() throws IOException {
        List<Epoch> train = epochs(4, 20, 1);
        List<TonedSyllable> language = List.of("ba1", "ga2", "ma3", "pa1", "da4").stream().map(TonedSyllable::parse)
                .toList();
        NetworkTrainer trainer = new NetworkTrainer(new DualHeadNetwork.Settings(8, 1, 0, 8, 8, 1, 1e-3, 1, 6), 2, 1,
                8, 0, 0, 0, Heads.BOTH);
        TrainedModel model = trainer.train(train, List.of(), language, p -> { });
        Path file = dir.resolve("both.zip");
        ModelFile.save(model, provenance(model.kind(), List.of("G1", "G2", "G3", "G4")), file);
        TrainedModel loaded = ModelFile.load(file).model();
        assertEquals(Heads.BOTH, loaded.heads());
        assertEquals(language, loaded.outputs(), "the language, the trained syllables being in it");
        assertEquals(0.5, loaded.wholeWeight(), 0);
        List<Posteriors> before = model.predict(train);
        List<Posteriors> after = loaded.predict(train);
        for (int i = 0; i < train.size(); i++) {
            assertArrayEquals(before.get(i).initial(), after.get(i).initial(), 0);
            assertArrayEquals(before.get(i).fin(), after.get(i).fin(), 0);
            assertArrayEquals(before.get(i).base(), after.get(i).base(), 0);
            assertEquals(before.get(i).topToned(language, 5), after.get(i).topToned(language, 5));
        }
    }

    @Test
    void aStreamThatDiffersIsToldHow() {
        Provenance p = provenance(TrainedModel.Kind.LINEAR, List.of("G1", "G2", "G3", "G4"));
        assertEquals(List.of(), p.mismatches(List.of("G1", "G2", "G3", "G4"), 1000, FeatureConfig.defaults(1000)));
        assertEquals(List.of("channels: the model takes 4, the stream has 3",
                "sampling rate: the model was trained at 1000.0 Hz, the stream is 2000.0 Hz"),
                p.mismatches(List.of("G1", "G2", "G3"), 2000, null));
        assertEquals(List.of("channel 2: the model expects 'G2', the stream has 'G3'",
                "channel 3: the model expects 'G3', the stream has 'G2'"),
                p.mismatches(List.of("G1", "G3", "G2", "G4"), 1000, null));
        List<String> config = p.mismatches(List.of("G1", "G2", "G3", "G4"), 1000,
                FeatureConfig.defaults(1000).withLineFrequency(60));
        assertEquals(1, config.size());
        assertTrue(config.get(0).startsWith("feature config: the model's is {"), config.get(0));
    }

    @Test
    void filesThatAreNotModelsAreRefusedClearly() throws IOException {
        Path text = dir.resolve("notes.zip");
        Files.writeString(text, "hello");
        assertTrue(assertThrows(IOException.class, () -> ModelFile.load(text)).getMessage()
                .startsWith(text + ": not a model file (not a zip"));
        assertEquals(dir.resolve("none.zip") + ": no such model file", assertThrows(IOException.class,
                () -> ModelFile.load(dir.resolve("none.zip"))).getMessage());
    }
}
