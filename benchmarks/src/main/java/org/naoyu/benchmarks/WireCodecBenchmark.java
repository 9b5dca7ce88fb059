package org.naoyu.benchmarks;

import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.lsl.TestSignal;
import org.naoyu.acquisition.lsl.WireCodec;
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
 * The LSL receive and send paths without sockets: decoding one protocol-110 sample into preallocated arrays (what the
 * inlet's receiving thread does per sample) and encoding a 20-sample chunk (what a push does), through
 * {@link WireCodec}, the public entry point to the same package-private codec the inlet and the outlet use. Run with
 * {@code -prof gc} to see that decoding allocates nothing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class WireCodecBenchmark {
    @Param({"64", "256", "1024"})
    public int channels;

    @Param({"FLOAT32", "INT16"})
    public ChannelFormat format;

    private WireCodec.Decoder decoder;
    private double[] timestamps;
    private Object values;
    private Chunk chunk;

    /** An endless stream of the same encoded samples, so the decoder never meets an end. */
    private static final class Cycle extends InputStream {
        private final byte[] bytes;
        private int position;

        Cycle(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            int b = bytes[position] & 0xff;
            position = (position + 1) % bytes.length;
            return b;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            int n = Math.min(length, bytes.length - position);
            System.arraycopy(bytes, position, into, offset, n);
            position = (position + n) % bytes.length;
            return n;
        }
    }

    @Setup
    public void setUp() {
        chunk = Chunk.allocate(format, channels, 20);
        for (int s = 0; s < 20; s++) {
            chunk.timestamps()[s] = 1000 + s * 0.0005;
        }
        TestSignal.fill(chunk, 0);
        decoder = WireCodec.decoder(new Cycle(WireCodec.encode(chunk, false)), format, channels, 2000);
        timestamps = new double[1];
        values = Chunk.allocate(format, channels, 1).valueArray();
    }

    @Benchmark
    public Object decodeOneSample() throws Exception {
        decoder.read(timestamps, 0, values, 0);
        return values;
    }

    @Benchmark
    public byte[] encodeTwentySamples() {
        return WireCodec.encode(chunk, false);
    }
}
