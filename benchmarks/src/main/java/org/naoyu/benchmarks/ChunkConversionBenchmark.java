package org.naoyu.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;
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
 * The hand-over from acquisition to dsp: converting a received chunk (float32 as amplifiers send, int16 as many
 * ADCs do, double64 as a no-conversion reference) into the doubles the filters work on.
 *
 * <p>{@code copyTo} is the path the pipeline uses (into a buffer it owns, no allocation); {@code perValue} is the
 * baseline a naive caller would write with {@code valueAsDouble}; {@code toDoubleArray} adds the allocation of a
 * fresh array per chunk. 20 samples is one 10-ms block at 2 kHz.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ChunkConversionBenchmark {
    @Param({"64", "256", "1024"})
    public int channels;

    @Param({"1", "20"})
    public int samples;

    @Param({"FLOAT32", "INT16", "DOUBLE64"})
    public ChannelFormat format;

    private Chunk chunk;
    private double[] destination;

    @Setup
    public void fill() {
        chunk = Chunk.allocate(format, channels, samples);
        SplittableRandom random = new SplittableRandom(42);
        int n = channels * samples;
        switch (format) {
            case FLOAT32 -> {
                float[] v = chunk.float32Values();
                for (int i = 0; i < n; i++) {
                    v[i] = (float) random.nextGaussian(0, 50);
                }
            }
            case INT16 -> {
                short[] v = chunk.int16Values();
                for (int i = 0; i < n; i++) {
                    v[i] = (short) random.nextInt(Short.MIN_VALUE, Short.MAX_VALUE + 1);
                }
            }
            case DOUBLE64 -> {
                double[] v = chunk.double64Values();
                for (int i = 0; i < n; i++) {
                    v[i] = random.nextGaussian(0, 50);
                }
            }
            default -> throw new IllegalArgumentException("format must be FLOAT32, INT16 or DOUBLE64, got " + format);
        }
        destination = new double[n];
    }

    @Benchmark
    public double[] copyTo() {
        chunk.copyTo(destination, 0);
        return destination;
    }

    @Benchmark
    public double[] perValue() {
        int c = chunk.channelCount();
        for (int s = 0; s < chunk.sampleCount(); s++) {
            for (int ch = 0; ch < c; ch++) {
                destination[s * c + ch] = chunk.valueAsDouble(s, ch);
            }
        }
        return destination;
    }

    @Benchmark
    public void toDoubleArray(Blackhole blackhole) {
        blackhole.consume(chunk.toDoubleArray());
    }
}
