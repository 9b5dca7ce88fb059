package org.naoyu.speller.launch;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.ResolvedStream;
import org.naoyu.datasets.simulate.SimulationRun;
import org.naoyu.datasets.simulate.SimulatorConfig;
import org.naoyu.speller.session.TaskPresentation;

/**
 * A simulated participant live over LSL on its own thread, in real time, with a source id of its own so that
 * several can run side by side: what {@code naoyu demo}, {@code naoyu bench} and the session tests spell from.
 */
public final class SimulatedParticipant implements AutoCloseable {
    private final String sourceId;
    private final LslConfig lsl;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;

    public SimulatedParticipant(SimulatorConfig config, LslConfig lsl, String name) {
        this(config, lsl, name, false);
    }

    /**
     * A participant that, when {@code followsSession}, attempts what the session that spells from it presents on
     * {@code naoyu-task} ({@code naoyu run --present-task}) instead of scheduling its own task.
     */
    public SimulatedParticipant(SimulatorConfig config, LslConfig lsl, String name, boolean followsSession) {
        this.lsl = lsl;
        this.sourceId = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        SimulationRun run = new SimulationRun(followsSession ? config.toBuilder().task(SimulatorConfig.Task.FOLLOW)
                .build() : config, new SimulationRun.Outputs(null, lsl, sourceId, Double.POSITIVE_INFINITY, 1, 0.01),
                followsSession ? taskQuery() : null);
        this.thread = new Thread(() -> {
            try {
                run.run(s -> { }, p -> { }, stop::get);
            } catch (Exception | Error e) {
                failure.set(e);
            }
        }, name + "-simulator");
        thread.setDaemon(true);
        thread.start();
    }

    public String sourceId() {
        return sourceId;
    }

    public String signalQuery() {
        return "name='" + SimulationRun.SIGNAL_NAME + "' and source_id='" + sourceId + "'";
    }

    public String markerQuery() {
        return "name='" + SimulationRun.MARKER_NAME + "' and source_id='" + sourceId + "-markers'";
    }

    /** The naoyu-task outlet of a session presenting its task to this participant. */
    public String taskQuery() {
        return "name='" + TaskPresentation.OUTLET_NAME + "' and source_id='" + TaskPresentation.sourceId(sourceId)
                + "'";
    }

    /** The naoyu-speller outlet of a session spelling from this participant. */
    public String spellerQuery() {
        return "name='naoyu-speller' and source_id='naoyu-speller-" + sourceId + "'";
    }

    public ResolvedStream signal(Duration wait) throws Exception {
        return SessionLauncher.resolve(lsl, signalQuery(), wait);
    }

    public ResolvedStream markers(Duration wait) throws Exception {
        return SessionLauncher.resolve(lsl, markerQuery(), wait);
    }

    public boolean isAlive() {
        return thread.isAlive();
    }

    /** Why the simulator stopped on its own, or null. */
    public Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop.set(true);
        thread.join(5000);
    }
}
