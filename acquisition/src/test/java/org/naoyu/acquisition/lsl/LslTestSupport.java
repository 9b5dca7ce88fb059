package org.naoyu.acquisition.lsl;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.naoyu.acquisition.ChannelFormat;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.StreamInfo;

/** Shared test helpers: unique streams (random source ids, so tests never see each other's) and test signals. */
final class LslTestSupport {
    static final LslConfig CONFIG = LslConfig.defaults();

    private LslTestSupport() {
    }

    static String uniqueId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static StreamInfo info(String name, ChannelFormat format, int channels, double rateHz) {
        return StreamInfo.builder(name + "-" + uniqueId(), channels, rateHz, format)
                .type("Test").sourceId("naoyu-test-" + uniqueId()).build();
    }

    /** The interop test signal of `naoyu lsl push`: value = channel * 1000 + sample index (wrapped to the type). */
    static Chunk signal(ChannelFormat format, int channels, int firstSample, int samples, double firstTimestamp,
            double interval) {
        Chunk chunk = Chunk.allocate(format, channels, samples);
        for (int s = 0; s < samples; s++) {
            chunk.timestamps()[s] = firstTimestamp + s * interval;
        }
        TestSignal.fill(chunk, firstSample);
        return chunk;
    }

    static ResolvedStream resolveOne(StreamInfo info) throws Exception {
        List<ResolvedStream> found = StreamResolver.resolveByProperty(CONFIG, "source_id", info.sourceId(), 1,
                Duration.ofSeconds(10));
        if (found.isEmpty()) {
            throw new AssertionError("stream " + info.name() + " was not found");
        }
        return found.get(0);
    }

    /** Pulls until {@code total} samples have arrived or {@code timeout} passes. */
    static Chunk pullAll(StreamInlet inlet, int total, Duration timeout) {
        Chunk all = Chunk.allocate(inlet.info().format(), inlet.info().channelCount(), total);
        int got = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (got < total && System.nanoTime() < deadline) {
            Chunk part = inlet.pullChunk(total - got, Duration.ofMillis(100));
            System.arraycopy(part.timestamps(), 0, all.timestamps(), got, part.sampleCount());
            System.arraycopy(part.valueArray(), 0, all.valueArray(), got * part.channelCount(),
                    part.sampleCount() * part.channelCount());
            got += part.sampleCount();
        }
        if (got < total) {
            throw new AssertionError("received " + got + " of " + total + " samples in " + timeout);
        }
        return all;
    }
}
