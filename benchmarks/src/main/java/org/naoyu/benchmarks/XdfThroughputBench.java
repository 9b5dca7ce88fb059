package org.naoyu.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.datasets.xdf.XdfChunk;
import org.naoyu.datasets.xdf.XdfChunkReader;
import org.naoyu.datasets.xdf.XdfReader;
import org.naoyu.datasets.xdf.XdfRecording;
import org.naoyu.datasets.xdf.XdfWriter;

/**
 * Writes and reads an XDF file of 256 channels float32 at 2 kHz in 0.1-s chunks (LabRecorder's pace), timing each
 * pass. Wall-clock over a whole file, not JMH: the disk and the page cache are part of what is measured.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.naoyu.benchmarks.XdfThroughputBench [SECONDS_OF_DATA] [DIR]</pre>
 */
public final class XdfThroughputBench {
    private XdfThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 300;
        Path dir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("naoyu-xdf-bench");
        int channels = 256;
        int chunkSamples = 200;
        Chunk chunk = Chunk.allocate(ChannelFormat.FLOAT32, channels, chunkSamples);
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < chunk.float32Values().length; i++) {
            chunk.float32Values()[i] = (float) random.nextGaussian(0, 50);
        }
        Path file = dir.resolve("bench-" + System.nanoTime() + ".xdf");
        long chunks = (long) (seconds * 2000 / chunkSamples);
        for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT up
            Files.deleteIfExists(file);
            long start = System.nanoTime();
            try (XdfWriter writer = XdfWriter.create(file, Map.of())) {
                int id = writer.addStream(StreamInfo.builder("bench", channels, 2000, ChannelFormat.FLOAT32).build());
                for (long k = 0; k < chunks; k++) {
                    for (int s = 0; s < chunkSamples; s++) {
                        chunk.timestamps()[s] = (k * chunkSamples + s) / 2000.0;
                    }
                    writer.writeSamples(id, chunk);
                }
            }
            double writeSeconds = (System.nanoTime() - start) / 1e9;
            double megabytes = Files.size(file) / 1e6;

            start = System.nanoTime();
            long samples = 0;
            try (XdfChunkReader reader = new XdfChunkReader(file)) {
                for (XdfChunk c = reader.next(); c != null; c = reader.next()) {
                    if (c instanceof XdfChunk.Samples s) {
                        samples += s.samples().sampleCount();
                    }
                }
            }
            double streamSeconds = (System.nanoTime() - start) / 1e9;

            start = System.nanoTime();
            XdfRecording recording = XdfReader.read(file, XdfReader.Options.defaults());
            double readSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%s: %.0f MB (%d samples x %d ch float32): write %.0f MB/s, streaming read "
                    + "%.0f MB/s, whole-file read with sync+dejitter %.0f MB/s (%d samples)%n",
                    pass == 0 ? "warm-up" : "measured", megabytes, samples, channels, megabytes / writeSeconds,
                    megabytes / streamSeconds, megabytes / readSeconds, recording.streams().get(0).sampleCount());
        }
        Files.deleteIfExists(file);
    }
}
