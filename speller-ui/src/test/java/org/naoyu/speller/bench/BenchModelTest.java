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

/** The bench times a model of the full problem: part heads answering with every toned syllable of the inventory. */
class BenchModelTest {
    @TempDir
    Path work;

    @Test
    void theBenchModelAnswersWithTheWholeInventoryAndIsReused() throws Exception {
        StringWriter progress = new StringWriter();
        Path model = BenchModel.trained(16, 1000, true, work, new PrintWriter(progress, true));
        ModelFile.Loaded loaded = ModelFile.load(model);
        assertEquals(Heads.PARTS, loaded.model().heads());
        assertEquals(1391, loaded.model().outputs().size(), "every toned syllable of the inventory");
        assertTrue(loaded.onset() != null, "the bench spells self-paced, so it needs the onset detector");
        assertTrue(progress.toString().contains("16 ch: simulating 60 s of calibration and training a linear model"),
                progress.toString());
        assertEquals(model, BenchModel.trained(16, 1000, true, work, new PrintWriter(new StringWriter(), true)),
                "trained once, reused after");
    }
}
