package org.naoyu.speller;

import org.naoyu.acquisition.lsl.LslConfig;

/** The demo's simulated participant, live on this machine, for session tests: fails the test if it broke. */
final class LiveParticipant implements AutoCloseable {
    private final SimulatedParticipant participant;

    LiveParticipant(int channels, double rate, double snr, long seed) {
        participant = new SimulatedParticipant(DemoCommand.simulator(channels, rate, snr, seed), LslConfig.defaults(),
                "naoyu-test");
    }

    String signalQuery() {
        return participant.signalQuery();
    }

    String markerQuery() {
        return participant.markerQuery();
    }

    String spellerQuery() {
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
