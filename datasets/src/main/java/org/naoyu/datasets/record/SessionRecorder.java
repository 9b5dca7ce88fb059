package org.naoyu.datasets.record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.naoyu.acquisition.Chunk;
import org.naoyu.acquisition.LocalClock;
import org.naoyu.acquisition.StreamInfo;
import org.naoyu.acquisition.lsl.LslConfig;
import org.naoyu.acquisition.lsl.ResolvedStream;
import org.naoyu.acquisition.lsl.StreamInlet;
import org.naoyu.acquisition.lsl.TimeProbes;
import org.naoyu.datasets.xdf.XdfWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records LSL streams to one XDF file, as LabRecorder does: one inlet and one thread per stream, every sample with
 * its original timestamp, a ClockOffset per stream every {@code clockOffsetInterval} (5 s), a Boundary after each
 * interruption, and footers when stopped. Streams that drop and return are reconnected by their inlets; nothing
 * already written is lost, and the file is readable at any moment (see {@link XdfWriter}).
 *
 * <pre>{@code
 * try (SessionRecorder recorder = SessionRecorder.start(streams, config, file, session.headerFields(), Duration.ofSeconds(5))) {
 *     recorder.awaitSeconds(60);
 * }
 * }</pre>
 */
public final class SessionRecorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionRecorder.class);
    private static final int PULL_BLOCK_SAMPLES = 4096;

    private final XdfWriter writer;
    private final List<Recorded> recorded = new ArrayList<>();
    private volatile boolean stopping;
    private volatile IOException failure;

    /** One stream being recorded. */
    private final class Recorded implements Runnable {
        final StreamInlet inlet;
        final int streamId;
        final Duration clockOffsetInterval;
        final AtomicLong samples = new AtomicLong();
        final Thread thread;
        volatile double rateHz;
        int boundariesWritten;

        Recorded(StreamInlet inlet, int streamId, Duration clockOffsetInterval) {
            this.inlet = inlet;
            this.streamId = streamId;
            this.clockOffsetInterval = clockOffsetInterval;
            this.thread = new Thread(this, "record-" + inlet.info().name());
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            StreamInfo info = inlet.info();
            Chunk buffer = Chunk.allocate(info.format(), info.channelCount(), PULL_BLOCK_SAMPLES);
            double nextClockOffset = LocalClock.now();
            try {
                while (!stopping) {
                    if (LocalClock.now() >= nextClockOffset && writeClockOffset()) {
                        nextClockOffset = LocalClock.now() + clockOffsetInterval.toNanos() / 1e9;
                    }
                    int n;
                    try {
                        n = inlet.pullChunk(buffer.timestamps(), buffer.valueArray(), PULL_BLOCK_SAMPLES,
                                Duration.ofMillis(50));
                    } catch (IllegalStateException lost) {
                        LOG.warn("stream '{}' is lost and no longer recorded: {}", info.name(), lost.getMessage());
                        return;
                    }
                    if (n > 0) {
                        writer.writeSamples(streamId, n == PULL_BLOCK_SAMPLES ? buffer : buffer.copyOfRange(0, n));
                        samples.addAndGet(n);
                        double[] t = buffer.timestamps();
                        if (n > 1 && t[n - 1] > t[0]) {
                            rateHz = (n - 1) / (t[n - 1] - t[0]);
                        }
                    }
                    if (inlet.gaps().size() > boundariesWritten) {
                        boundariesWritten = inlet.gaps().size();
                        writer.writeBoundary(); // readers resynchronise here; the gap is visible in the timestamps
                    }
                }
                drain(buffer);
            } catch (IOException e) {
                failure = e;
                LOG.error("writing stream '{}' to {} failed: {}", info.name(), writer.path(), e.getMessage());
            }
        }

        /** What arrived before the stop is written too: nothing received is lost. */
        private void drain(Chunk buffer) throws IOException {
            try {
                for (int n; (n = inlet.pullChunk(buffer.timestamps(), buffer.valueArray(), PULL_BLOCK_SAMPLES,
                        Duration.ZERO)) > 0; ) {
                    writer.writeSamples(streamId, buffer.copyOfRange(0, n));
                    samples.addAndGet(n);
                }
            } catch (IllegalStateException lostMeanwhile) {
                // nothing more will come
            }
            writeClockOffset();
        }

        /** Writes the latest clock offset; false while the first probe wave is still running. */
        private boolean writeClockOffset() throws IOException {
            try {
                TimeProbes.Estimate estimate = inlet.timeEstimate(Duration.ofMillis(1));
                writer.writeClockOffset(streamId, estimate.remoteTime(), estimate.correction());
                return true;
            } catch (TimeoutException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        StreamProgress progress() {
            return new StreamProgress(inlet.info().name(), samples.get(), rateHz, inlet.gaps().size(),
                    inlet.isConnected());
        }
    }

    private SessionRecorder(XdfWriter writer) {
        this.writer = writer;
    }

    /**
     * Opens an inlet per stream, writes their headers and starts recording.
     *
     * @param clockOffsetInterval how often each stream's clock offset is written (LabRecorder: 5 s)
     * @throws java.nio.file.FileAlreadyExistsException when the file exists; recordings are never overwritten
     */
    public static SessionRecorder start(List<ResolvedStream> streams, LslConfig config, Path file,
            Map<String, String> headerFields, Duration clockOffsetInterval) throws IOException {
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("streams must name at least one stream to record, got none");
        }
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        XdfWriter writer = XdfWriter.create(file, headerFields);
        SessionRecorder recorder = new SessionRecorder(writer);
        try {
            for (ResolvedStream stream : streams) {
                StreamInlet inlet = StreamInlet.open(stream, config, StreamInlet.Options.defaults());
                int id = writer.addStream(inlet.info());
                recorder.recorded.add(recorder.new Recorded(inlet, id, clockOffsetInterval));
            }
        } catch (IOException | RuntimeException e) {
            recorder.close();
            throw e;
        }
        recorder.recorded.forEach(r -> r.thread.start());
        LOG.info("recording {} stream(s) to {}", streams.size(), file);
        return recorder;
    }

    public Path path() {
        return writer.path();
    }

    /** A snapshot per stream, for a progress line. */
    public List<StreamProgress> progress() {
        return recorded.stream().map(Recorded::progress).toList();
    }

    /** The first write error, if any; recording of the other streams goes on. */
    public IOException failure() {
        return failure;
    }

    /** Stops the stream threads, writes what they still hold, the footers, and closes the file. */
    @Override
    public void close() throws IOException {
        stopping = true;
        for (Recorded r : recorded) {
            try {
                r.thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            writer.close();
        } finally {
            recorded.forEach(r -> r.inlet.close());
        }
        if (failure != null) {
            throw failure;
        }
    }

}
