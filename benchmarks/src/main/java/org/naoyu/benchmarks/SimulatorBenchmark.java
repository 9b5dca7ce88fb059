package org.naoyu.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.naoyu.datasets.simulate.EcogSimulator;
import org.naoyu.datasets.simulate.SimulatorConfig;
import org.naoyu.datasets.simulate.TimedMarker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The simulator's cost per 10-ms block at 2 kHz (20 samples), the block a live outlet pushes: its real-time factor
 * is 10 ms over the time shown. The default model (cued syllables, SNR 2.5, mains, rhythms, artifacts, two bad
 * channels) against the rest task, which has no speech to render, as a baseline.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SimulatorBenchmark {
    @Param({"64", "256", "1024"})
    public int channels;

    @Param({"SYLLABLES", "REST"})
    public SimulatorConfig.Task task;

    private EcogSimulator simulator;
    private float[] block;
    private final List<TimedMarker> markers = new ArrayList<>();

    @Setup
    public void start() {
        simulator = new EcogSimulator(SimulatorConfig.builder().channels(channels).task(task).build());
        block = new float[20 * channels];
    }

    @Benchmark
    public float[] tenMilliseconds() {
        markers.clear();
        simulator.next(block, 20, markers);
        return block;
    }
}
