package org.naoyu.speller;

import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.speller.launch.DemoSetup;
import org.naoyu.speller.launch.SimulatedParticipant;

/** The demo's simulated participant, live on this machine, for session tests: fails the test if it broke. */
public final class LiveParticipant implements AutoCloseable {
    private final SimulatedParticipant participant;

    public LiveParticipant(int channels, double rate, double snr, long seed) {
        participant = new SimulatedParticipant(DemoSetup.simulator(channels, rate, snr, seed), LslConfig.defaults(),
                "naoyu-test");
    }

    public String signalQuery() {
        return participant.signalQuery();
    }

    public String markerQuery() {
        return participant.markerQuery();
    }

    public String spellerQuery() {
        return participant.spellerQuery();
    }

    @Override
    public void close() throws InterruptedException {
        participant.close();
        if (participant.failure() != null) {
            throw new AssertionError("the simulated participant failed", participant.failure());
        }
    }
}
