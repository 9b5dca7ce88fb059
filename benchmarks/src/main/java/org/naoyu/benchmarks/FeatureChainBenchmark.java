package org.naoyu.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.naoyu.dsp.FeatureChain;
import org.naoyu.dsp.FeatureConfig;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The default online chain (anti-alias to 500 Hz, 50 Hz notches, CAR, 8-band high gamma, anti-alias to 100 frames/s,
 * z-score) on one 10-ms block at 2 kHz: the time a live session spends per block. Real-time factor = 10 ms / score.
 * Run with {@code -bm sample} for percentiles and {@code -prof gc} for bytes allocated per block.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FeatureChainBenchmark {
    @Param({"64", "256", "1024"})
    public int channels;

    @Param({"20"})
    public int samples;

    private FeatureChain chain;
    private double[] block;
    private double timestamp;
    private Blackhole sinkHole;
    private final FeatureChain.FrameSink sink = (t, values) -> sinkHole.consume(values);

    @Setup
    public void start(Blackhole blackhole) {
        sinkHole = blackhole;
        chain = new FeatureChain(FeatureConfig.defaults(2000), channels);
        block = new double[samples * channels];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < block.length; i++) {
            block[i] = random.nextGaussian(0, 60);
        }
    }

    @Benchmark
    public int tenMilliseconds() {
        timestamp += samples / 2000.0;
        return chain.process(block, samples, timestamp, sink);
    }
}
