package org.naoyu.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.LocalClock;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.StreamOutlet;
import org.naoyu.acquisition.lsl.StreamResolver;
import org.naoyu.acquisition.lsl.TestSignal;
import org.naoyu.datasets.record.SessionRecorder;
import org.naoyu.datasets.xdf.XdfReader;
import org.naoyu.datasets.xdf.XdfStream;

/**
 * Records a live 1024-channel float32 stream at 2 kHz (20-sample chunks) for some seconds and reports loss and the CPU
 * the recording side used (inlet, recorder and writer threads, measured per thread), in cores.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.naoyu.benchmarks.RecorderBench [CHANNELS] [SECONDS]</pre>
 */
public final class RecorderBench {
    private RecorderBench() {
    }

    public static void main(String[] args) throws Exception {
        int channels = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 20;
        LslConfig config = LslConfig.defaults();
        StreamInfo info = StreamInfo.builder("rec-bench", channels, 2000, ChannelFormat.FLOAT32)
                .sourceId("naoyu-bench-" + UUID.randomUUID()).build();
        Path file = Files.createTempDirectory("naoyu-rec-bench").resolve("bench.xdf");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long pushed = 0;
        double wall;
        try (StreamOutlet outlet = StreamOutlet.open(info, config)) {
            var stream = StreamResolver.resolveByProperty(config, "source_id", info.sourceId(), 1,
                    Duration.ofSeconds(5)).get(0);
            long cpuBefore;
            try (SessionRecorder recorder = SessionRecorder.start(List.of(stream), config, file, Map.of(),
                    Duration.ofSeconds(5))) {
                outlet.waitForConsumers(Duration.ofSeconds(5));
                cpuBefore = recordingCpuNanos(threads);
                Chunk chunk = Chunk.allocate(ChannelFormat.FLOAT32, channels, 20);
                double start = LocalClock.now();
                while (pushed < seconds * 2000) {
                    double due = start + (pushed + 20) / 2000.0;
                    long wait = (long) ((due - LocalClock.now()) * 1e9);
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    for (int s = 0; s < 20; s++) {
                        chunk.timestamps()[s] = start + (pushed + s) / 2000.0;
                    }
                    TestSignal.fill(chunk, pushed);
                    outlet.push(chunk);
                    pushed += 20;
                }
                Thread.sleep(500);
                wall = LocalClock.now() - start;
                long cpu = recordingCpuNanos(threads) - cpuBefore;
                System.out.printf(Locale.ROOT, "recording side used %.2f s of CPU in %.1f s = %.2f cores%n", cpu / 1e9,
                        wall, cpu / 1e9 / wall);
            }
        }
        XdfStream recorded = XdfReader.read(file, XdfReader.Options.raw()).streams().get(0);
        long wrong = 0;
        for (int s = 0; s < recorded.sampleCount(); s++) {
            if (recorded.samples().float32Values()[s * channels] != (float) s) {
                wrong++;
            }
        }
        System.out.printf(Locale.ROOT, "%d ch float32 @ 2 kHz for %.0f s: pushed %d, recorded %d, out of order %d, "
                + "file %.0f MB%n", channels, seconds, pushed, recorded.sampleCount(), wrong, Files.size(file) / 1e6);
        Files.delete(file);
    }

    /** CPU time of the threads that receive and write: inlets, recorder threads, the writer's flusher. */
    private static long recordingCpuNanos(ThreadMXBean threads) {
        long total = 0;
        for (var thread : threads.dumpAllThreads(false, false)) {
            String name = thread.getThreadName();
            if (name.startsWith("lsl-inlet-") || name.startsWith("record-") || name.startsWith("xdf-writer")) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return total;
    }
}
