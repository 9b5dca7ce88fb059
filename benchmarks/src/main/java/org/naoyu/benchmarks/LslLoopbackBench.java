package org.naoyu.benchmarks;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.LocalClock;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.ResolvedStream;
import org.naoyu.acquisition.lsl.StreamInlet;
import org.naoyu.acquisition.lsl.StreamOutlet;
import org.naoyu.acquisition.lsl.StreamResolver;
import org.naoyu.acquisition.lsl.TestSignal;

/**
 * Outlet to inlet over real loopback sockets, in one process: what the LSL layer sustains and how long a sample takes
 * from push to pull. Not JMH: it measures a system of threads and sockets over seconds, not a method.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.naoyu.benchmarks.LslLoopbackBench throughput 256 10
 * java -cp benchmarks/target/benchmarks.jar org.naoyu.benchmarks.LslLoopbackBench realtime 1024 2000 20 30
 * java -cp benchmarks/target/benchmarks.jar org.naoyu.benchmarks.LslLoopbackBench latency 256 2000 1 20
 * </pre>
 *
 * Every received value is checked against the test signal (channel * 1000 + index), so "zero loss" means every
 * sample arrived, in order, with the right values.
 */
public final class LslLoopbackBench {
    private static final LslConfig CONFIG = LslConfig.defaults();

    private LslLoopbackBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: LslLoopbackBench throughput CHANNELS SECONDS | realtime CHANNELS RATE CHUNK "
                    + "SECONDS | latency CHANNELS RATE CHUNK SECONDS");
            System.exit(2);
        }
        switch (args[0]) {
            case "throughput" -> throughput(Integer.parseInt(args[1]), Double.parseDouble(args[2]));
            case "realtime" -> paced(Integer.parseInt(args[1]), Double.parseDouble(args[2]),
                    Integer.parseInt(args[3]), Double.parseDouble(args[4]), false);
            case "latency" -> paced(Integer.parseInt(args[1]), Double.parseDouble(args[2]),
                    Integer.parseInt(args[3]), Double.parseDouble(args[4]), true);
            default -> throw new IllegalArgumentException("mode must be throughput, realtime or latency, got '"
                    + args[0] + "'");
        }
        System.exit(0);
    }

    /** Pushes 20-sample chunks as fast as the inlet keeps up, for {@code seconds}. */
    static void throughput(int channels, double seconds) throws Exception {
        StreamInfo info = info(channels, 2000);
        try (StreamOutlet outlet = StreamOutlet.open(info, CONFIG);
             StreamInlet inlet = open(info, 60)) {
            outlet.waitForConsumers(Duration.ofSeconds(5));
            Receiver receiver = new Receiver(inlet, false);
            Thread thread = new Thread(receiver, "bench-receiver");
            thread.start();
            int chunk = 20;
            Chunk block = Chunk.allocate(ChannelFormat.FLOAT32, channels, chunk);
            long sent = 0;
            double start = LocalClock.now();
            double end = start + seconds;
            while (LocalClock.now() < end) {
                // keep at most ~1 s of data in flight so that "sustained" means the inlet kept up
                while (sent - receiver.received > 2000 * 30 && LocalClock.now() < end) {
                    LockSupport.parkNanos(50_000);
                }
                fill(block, sent, start);
                outlet.push(block);
                sent += chunk;
            }
            double pushSeconds = LocalClock.now() - start;
            waitFor(receiver, sent, 10);
            double elapsed = receiver.lastAt - start;
            receiver.stop.set(true);
            thread.join();
            double rate = receiver.received / elapsed;
            report("throughput", channels, 0, chunk, receiver, sent, String.format(Locale.ROOT,
                    "%.0f samples/s = %.1f x real time at 2 kHz, %.1f MB/s of float32 (push loop %.1f s)",
                    rate, rate / 2000, rate * channels * 4 / 1e6, pushSeconds));
        }
    }

    /** Pushes {@code chunk}-sample chunks on the real-time schedule of {@code rateHz}; optionally reports latency. */
    static void paced(int channels, double rateHz, int chunk, double seconds, boolean latency) throws Exception {
        StreamInfo info = info(channels, rateHz);
        try (StreamOutlet outlet = StreamOutlet.open(info, CONFIG);
             StreamInlet inlet = open(info, 10)) {
            outlet.waitForConsumers(Duration.ofSeconds(5));
            Receiver receiver = new Receiver(inlet, latency);
            Thread thread = new Thread(receiver, "bench-receiver");
            thread.start();
            Chunk block = Chunk.allocate(ChannelFormat.FLOAT32, channels, chunk);
            long total = (long) (seconds * rateHz);
            long sent = 0;
            double start = LocalClock.now();
            while (sent < total) {
                double dueAt = start + (sent + chunk) / rateHz; // the chunk is complete when its last sample is due
                long waitNanos = (long) ((dueAt - LocalClock.now()) * 1e9);
                if (waitNanos > 0) {
                    LockSupport.parkNanos(waitNanos);
                }
                // stamp with the push time, so the receiver's clock minus the timestamp is the transfer latency
                Arrays.fill(block.timestamps(), LocalClock.now());
                TestSignal.fill(block, sent);
                outlet.push(block);
                sent += chunk;
            }
            waitFor(receiver, sent, 10);
            receiver.stop.set(true);
            thread.join();
            String extra = latency ? receiver.latencySummary() : "real time for " + seconds + " s";
            report(latency ? "latency" : "realtime", channels, rateHz, chunk, receiver, sent, extra);
        }
    }

    private static final class Receiver implements Runnable {
        final StreamInlet inlet;
        final boolean measureLatency;
        final AtomicBoolean stop = new AtomicBoolean();
        volatile long received;
        volatile double lastAt;
        long wrong;
        double[] latencies = new double[1 << 16];
        int latencyCount;

        Receiver(StreamInlet inlet, boolean measureLatency) {
            this.inlet = inlet;
            this.measureLatency = measureLatency;
        }

        @Override
        public void run() {
            int channels = inlet.info().channelCount();
            int max = 4096;
            double[] timestamps = new double[max];
            float[] values = new float[max * channels];
            long expected = 0;
            while (!stop.get()) {
                int n = inlet.pullChunk(timestamps, values, max, Duration.ofMillis(20));
                double now = LocalClock.now();
                for (int s = 0; s < n; s++) {
                    long number = expected + s;
                    if (values[s * channels] != (float) number
                            || values[s * channels + channels - 1] != (float) TestSignal.value(channels - 1, number)) {
                        wrong++;
                    }
                }
                if (n > 0) {
                    if (measureLatency) {
                        if (latencyCount == latencies.length) {
                            latencies = Arrays.copyOf(latencies, latencies.length * 2);
                        }
                        latencies[latencyCount++] = now - timestamps[n - 1];
                    }
                    expected += n;
                    received = expected;
                    lastAt = now;
                }
            }
        }

        String latencySummary() {
            double[] sorted = Arrays.copyOf(latencies, latencyCount);
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, "push->pull latency over %d pulls: p50 %.0f us, p99 %.0f us, "
                    + "max %.0f us", latencyCount, percentile(sorted, 0.50) * 1e6, percentile(sorted, 0.99) * 1e6,
                    sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] * 1e6);
        }
    }

    private static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
    }

    private static void fill(Chunk block, long firstSample, double start) {
        for (int s = 0; s < block.sampleCount(); s++) {
            block.timestamps()[s] = start + (firstSample + s) / 2000.0;
        }
        TestSignal.fill(block, firstSample);
    }

    private static StreamInfo info(int channels, double rateHz) {
        return StreamInfo.builder("bench-" + UUID.randomUUID().toString().substring(0, 8), channels, rateHz,
                ChannelFormat.FLOAT32).type("ECOG").sourceId("naoyu-bench-" + UUID.randomUUID()).build();
    }

    private static StreamInlet open(StreamInfo info, double bufferSeconds) throws Exception {
        ResolvedStream stream = StreamResolver.resolveByProperty(CONFIG, "source_id", info.sourceId(), 1,
                Duration.ofSeconds(10)).get(0);
        return StreamInlet.open(stream, CONFIG, StreamInlet.Options.defaults().withMaxBufferSeconds(bufferSeconds));
    }

    private static void waitFor(Receiver receiver, long total, double seconds) {
        double end = LocalClock.now() + seconds;
        while (receiver.received < total && LocalClock.now() < end) {
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static void report(String mode, int channels, double rateHz, int chunk, Receiver receiver, long sent,
            String detail) {
        long lost = sent - receiver.received;
        System.out.printf(Locale.ROOT, "%s: %d ch float32%s, chunks of %d: sent %d, received %d, lost %d, wrong "
                + "values %d, inlet drops %d; %s%n", mode, channels, rateHz > 0 ? " @ " + rateHz + " Hz" : "", chunk,
                sent, receiver.received, lost, receiver.wrong, receiver.inlet.droppedSamples(), detail);
    }
}
