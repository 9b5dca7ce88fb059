package org.naoyu.speller;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.datasets.simulate.SimulationRun;

/** The demo's simulated participant, live over LSL on this machine with a source id of its own, for session tests. */
final class LiveParticipant implements AutoCloseable {
    final String sourceId = "naoyu-test-" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;

    LiveParticipant(int channels, double rate, double snr, long seed) {
        SimulationRun run = new SimulationRun(DemoCommand.simulator(channels, rate, snr, seed),
                new SimulationRun.Outputs(null, LslConfig.defaults(), sourceId, Double.POSITIVE_INFINITY, 1, 0.01));
        thread = new Thread(() -> {
            try {
                run.run(s -> { }, p -> { }, stop::get);
            } catch (Exception | Error e) {
                failure.set(e);
            }
        }, "test-participant");
        thread.setDaemon(true);
        thread.start();
    }

    String signalQuery() {
        return "name='" + SimulationRun.SIGNAL_NAME + "' and source_id='" + sourceId + "'";
    }

    String markerQuery() {
        return "name='" + SimulationRun.MARKER_NAME + "' and source_id='" + sourceId + "-markers'";
    }

    /** The session's naoyu-speller outlet for this participant's stream. */
    String spellerQuery() {
        return "name='naoyu-speller' and source_id='naoyu-speller-" + sourceId + "'";
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        thread.join(5000);
        if (failure.get() != null) {
            throw new AssertionError("the simulated participant failed", failure.get());
        }
    }
}
