package org.naoyu.speller.bench;

import java.util.List;
import org.naoyu.speller.session.LatencyStats;

/**
 * The real-time run through LSL: the figures per stage (in the order of {@link LatencyStats.Stage}), the attempts
 * decoded and those that reached the page, the deadline misses, the samples sent and received, and the collector's
 * pauses.
 */
public record RealTime(double seconds, List<Stage> stages, long attempts, long pageAttempts, long endToEndMisses,
        long dspMisses, long samplesExpected, long samplesReceived, int gcPauses, double gcMaxMs,
        long gcPausesOver5Ms, String collector) {
    public Stage stage(LatencyStats.Stage which) {
        return stages.get(which.ordinal());
    }

    /** Whether the session received the signal as fast as the simulator sent it (within 1 %). */
    boolean keptUp() {
        return samplesExpected > 0 && samplesReceived >= Budget.RECEIVED_SHARE * samplesExpected;
    }
}
