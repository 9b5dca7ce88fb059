package org.naoyu.speller.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.naoyu.decoder.model.Heads;
import org.naoyu.decoder.model.ModelFile;
import org.naoyu.decoder.model.TrainedModel;

/** The bench times a model of the full problem: part heads answering with every toned syllable of the inventory. */
class BenchModelTest {
    @TempDir
    Path work;

    @Test
    void theBenchModelAnswersWithTheWholeInventoryAndIsReused() throws Exception {
        StringWriter progress = new StringWriter();
        Path model = BenchModel.trained(16, 1000, TrainedModel.Kind.LINEAR, work, new PrintWriter(progress, true));
        ModelFile.Loaded loaded = ModelFile.load(model);
        assertEquals(Heads.PARTS, loaded.model().heads());
        assertEquals(1391, loaded.model().outputs().size(), "every toned syllable of the inventory");
        assertTrue(loaded.onset() != null, "the bench spells self-paced, so it needs the onset detector");
        assertTrue(progress.toString().contains("16 ch: simulating 60 s of calibration and training a linear model"),
                progress.toString());
        assertEquals(model, BenchModel.trained(16, 1000, TrainedModel.Kind.LINEAR, work,
                new PrintWriter(new StringWriter(), true)), "trained once, reused after");
    }

    @Test
    void theTemplatesAreTimedAsTheyRunInTheDemo() throws Exception {
        StringWriter progress = new StringWriter();
        ModelFile.Loaded loaded = ModelFile.load(BenchModel.trained(16, 1000, TrainedModel.Kind.TEMPLATE, work,
                new PrintWriter(progress, true)));
        assertEquals(TrainedModel.Kind.TEMPLATE, loaded.model().kind());
        assertEquals(1391, loaded.model().outputs().size());
        assertTrue(loaded.model().coupling() != null, "with the cross terms between parts");
        assertTrue(progress.toString().contains("training a templates model"), progress.toString());
    }
}
