package org.naoyu.speller.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GcPausesTest {
    @Test
    void aFullCollectionIsSeenAsAPause() {
        GcPauses gc = new GcPauses();
        try {
            System.gc(); // a stop-the-world collection under any collector the tests run with
        } finally {
            gc.close();
        }
        List<GcPauses.Pause> pauses = gc.pauses();
        assertTrue(!pauses.isEmpty(), "System.gc() paused the application: " + GcPauses.collectorNames());
        assertTrue(pauses.stream().allMatch(p -> p.millis() >= 0 && !p.kind().isBlank()), pauses.toString());
        assertTrue(gc.maxMillis() > 0, "pauses in fractions of a millisecond, not whole ones: " + pauses);
    }
}
