package org.naoyu.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.naoyu.dsp.SosFilter;
import org.naoyu.dsp.design.Butterworth;
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
 * {@link SosFilter} throughput for comparison with {@code scipy.signal.sosfilt} on the same data shape
 * (dsp/scripts/sosfilt_speed.py): an 8th-order Butterworth band-pass (4 sections) over one second of 256 channels at
 * 2 kHz. Channel-samples per second = channels × 2000 / score.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SosFilterBenchmark {
    @Param({"256"})
    public int channels;

    private SosFilter filter;
    private double[] block;
    private double[] out;

    @Setup
    public void start() {
        filter = new SosFilter(Butterworth.bandPass(4, 70, 150, 2000), channels);
        block = new double[2000 * channels];
        out = new double[block.length];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < block.length; i++) {
            block[i] = random.nextGaussian(0, 60);
        }
    }

    @Benchmark
    public double[] oneSecond() {
        filter.process(block, out, 2000);
        return out;
    }
}
