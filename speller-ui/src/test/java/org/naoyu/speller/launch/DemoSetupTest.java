package org.naoyu.speller.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.datasets.corpus.Corpora;
import org.naoyu.datasets.simulate.SimulatorConfig;
import org.naoyu.decoder.model.ModelFile;
import org.naoyu.decoder.model.TrainedModel;

/** What naoyu demo decodes with: the shipped full-inventory model, or one fitted on the simulated calibration plan. */
class DemoSetupTest {

    @Test
    void theShippedModelNamesEverySyllableForTheDemoSignal(@TempDir Path dir) throws Exception {
        StringWriter printed = new StringWriter();
        Path model = DemoSetup.fullInventoryModel(dir, 64, 1000, 6, 600, new PrintWriter(printed, true));
        assertTrue(printed.toString().startsWith("using the shipped demo model"), printed.toString());
        ModelFile.Loaded loaded = ModelFile.load(model);
        assertEquals(TrainedModel.Kind.TEMPLATE, loaded.model().kind());
        assertEquals(1391, loaded.model().outputs().size());
        assertNotNull(loaded.onset(), "self-paced spelling needs the onset detector");
        assertEquals(64, loaded.provenance().channels().size());
        assertEquals(1000, loaded.provenance().featureConfig().sampleRateHz());
        assertEquals(0.6, loaded.provenance().epochConfig().lengthSeconds(), "the window a session decodes");
        assertTrue(loaded.provenance().data().size() == 6 && loaded.provenance().data().stream()
                .allMatch(d -> d.name().matches("plan[1-6]\\.xdf")), "60 minutes of the plan: "
                + loaded.provenance().data());

        StringWriter again = new StringWriter();
        assertEquals(model, DemoSetup.fullInventoryModel(dir, 64, 1000, 6, 600, new PrintWriter(again, true)));
        assertTrue(again.toString().startsWith("using the demo model trained before"), again.toString());
    }

    @Test
    void anotherSignalGetsTemplatesFittedOnTheSimulatedPlan(@TempDir Path dir) throws Exception {
        StringWriter printed = new StringWriter();
        Path model = DemoSetup.fullInventoryModel(dir, 16, 1000, 8, 90, new PrintWriter(printed, true));
        assertTrue(printed.toString().startsWith("simulating 90 s of the calibration plan (16 ch at 1000 Hz, SNR 8)"),
                printed.toString());
        assertTrue(printed.toString().contains("demo model ready in"), printed.toString());
        ModelFile.Loaded loaded = ModelFile.load(model);
        assertEquals(TrainedModel.Kind.TEMPLATE, loaded.model().kind());
        assertEquals(1391, loaded.model().outputs().size());
        assertTrue(Files.exists(dir.resolve("demo-calibration.xdf")));
    }

    @Test
    void theLiveParticipantSpeaksSentencesNoCalibrationUsed() {
        SimulatorConfig config = DemoSetup.heldOutSpeaker(64, 1000, 6, 2);
        assertEquals(SimulatorConfig.Task.SENTENCES, config.task());
        assertTrue(config.heldOutSentences());
        assertTrue(Corpora.heldOut().stream().noneMatch(s -> DemoSetup.SENTENCES.stream()
                .anyMatch(d -> d.text().equals(s.text()))), "held-out sentences are not the bench's demo sentences");
    }
}
