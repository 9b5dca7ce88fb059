package org.naoyu.datasets.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The ideal observer decides by the simulator's own model: at chance without speech, sure at high SNR. */
class IdealObserverTest {
    /** Twenty syllables close in articulation: shared initials, finals differing by a glide or a coda, all tones. */
    private static final List<String> CLOSE = List.of("ba1", "ba2", "ba3", "ba4", "pa1", "pa4", "ma1", "ma3",
            "bian1", "bian4", "ban1", "bang1", "da1", "ta1", "na2", "la4", "zha1", "jia1", "ga1", "ka3");

    private static IdealObserver.Outcome observe(double snr, int channels, int trials, int nodes) {
        SimulatorConfig config = SimulatorConfig.builder().grid(ElectrodeGrid.forChannels(channels)).snr(snr)
                .participant(3).build();
        return new IdealObserver(config, CLOSE).run(new IdealObserver.Settings(trials, 11, 0.01, 1.0, nodes), n -> {
        });
    }

    @Test
    void withoutSpeechEveryCandidateTiesAndTheObserversAreAtChance() {
        IdealObserver.Outcome silent = observe(0, 64, 30, 3);
        assertEquals(1.0 / CLOSE.size(), silent.oracle().tonedAccuracy(), 1e-12);
        assertEquals(1.0 / CLOSE.size(), silent.marginal().tonedAccuracy(), 1e-12);
        assertEquals(0, silent.speechToNoise());
    }

    @Test
    void moreSignalMeansMoreAccuracyAndTheOracleBoundsTheMarginalObserver() {
        IdealObserver.Outcome faint = observe(0.3, 64, 60, 5);
        IdealObserver.Outcome clear = observe(4, 64, 60, 5);
        assertTrue(faint.oracle().tonedAccuracy() < 0.8, "SNR 0.3: " + faint.oracle());
        assertEquals(1.0, clear.oracle().tonedAccuracy(), "SNR 4 knowing the variability names every attempt");
        assertTrue(clear.marginal().tonedAccuracy() > faint.marginal().tonedAccuracy() + 0.2,
                faint.marginal() + " vs " + clear.marginal());
        for (IdealObserver.Outcome outcome : List.of(faint, clear)) {
            assertTrue(outcome.oracle().tonedAccuracy() >= outcome.marginal().tonedAccuracy(), outcome.toString());
            assertTrue(outcome.oracle().baseAccuracy() >= outcome.oracle().tonedAccuracy());
        }
        double[] interval = faint.oracle().tonedInterval();
        assertTrue(interval[0] < faint.oracle().tonedAccuracy() && faint.oracle().tonedAccuracy() < interval[1]);
    }

    @Test
    void theSameSeedGivesTheSameDecisionsWhateverTheThreads() {
        IdealObserver.Outcome once = observe(1, 16, 12, 3);
        IdealObserver.Outcome again = observe(1, 16, 12, 3);
        assertEquals(once.oracle(), again.oracle());
        assertEquals(once.marginal(), again.marginal());
        assertEquals(2 * 80 * 0.01, once.degreesOfFreedom(), 1e-12, "k = 2 · 80 Hz · 10 ms");
    }

    @Test
    void refusalsNameTheFieldAndItsRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new IdealObserver.Settings(0, 1, 0.01, 1, 5));
        assertEquals("trials must be in [1, 100000], got 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new IdealObserver.Settings(5, 1, 0.5, 1, 5));
        assertEquals("binSeconds must be in [0.002, 0.1], got 0.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new IdealObserver.Settings(5, 1, 0.01, 1, 4));
        assertEquals("nodes must be 1, 3, 5 or 7, got 4", e.getMessage());
        SimulatorConfig config = SimulatorConfig.builder().grid(ElectrodeGrid.forChannels(16)).build();
        e = assertThrows(IllegalArgumentException.class, () -> new IdealObserver(config, List.of("ma3", "ma")));
        assertEquals("inventory[1] must be a toned syllable such as ma3, got 'ma'", e.getMessage());
    }
}
