package org.naoyu.acquisition.lsl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.naoyu.acquisition.LocalClock;
import org.naoyu.acquisition.StreamInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An inlet's feed session (lsl-wire-protocol.md §6.3, §8, §10): the receiving thread that connects, runs the
 * {@link InletHandshake}, decodes samples straight into the inlet's {@link SampleRing} and, when the connection
 * breaks, recovers through {@link InletRecovery} and records the {@link StreamInlet.Gap}. Owns that thread, the feed
 * socket, the connection state ({@code connected}, {@code lost}, the last error) and the gaps.
 */
final class InletConnection {
    // the inlet's logger, so that log lines and log settings stay those of the public class
    private static final Logger LOG = LoggerFactory.getLogger(StreamInlet.class);
    static final int CONNECT_TIMEOUT_MS = 5_000;

    private final LslConfig config;
    private final StreamInlet.Options options;
    private final StreamInfo info;
    private final SampleRing ring;
    private final TimestampProcessor processor;
    private final TimeProbeClient timeProbes;
    private final InletRecovery recovery;
    private final List<StreamInlet.Gap> gaps = new CopyOnWriteArrayList<>();
    private final List<Consumer<StreamInlet.Gap>> gapListeners = new CopyOnWriteArrayList<>();
    private final Object connectionState = new Object();
    private final Thread receiver;
    private volatile ResolvedStream current;
    private volatile Socket feedSocket;
    private volatile boolean connected;
    private volatile boolean connectedOnce;
    private volatile boolean closed;
    private volatile boolean lost;
    private volatile IOException lastError;
    private volatile double lastReceivedAt = LocalClock.now();
    private int reconnects;
    private double lastRawTimestamp = Double.NaN;
    private String pendingGapReason;
    private String pendingGapOldUid;
    private double pendingGapBefore = Double.NaN;

    InletConnection(ResolvedStream stream, StreamInfo info, LslConfig config, StreamInlet.Options options,
            SampleRing ring, TimeProbeClient timeProbes) {
        this.current = stream;
        this.info = info;
        this.config = config;
        this.options = options;
        this.ring = ring;
        this.timeProbes = timeProbes;
        this.processor = new TimestampProcessor(options.processing(), info.nominalRateHz());
        this.recovery = new InletRecovery(config, info);
        this.receiver = Threads.daemon(this::receiveLoop, "lsl-inlet-" + info.name() + "-receiver");
    }

    void start() {
        receiver.start();
    }

    /**
     * Waits until the first feed is established.
     *
     * @throws IOException when it failed or did not come in time; the caller closes the inlet
     */
    void awaitFirstConnection(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (connectionState) {
            while (!connectedOnce && !lost && lastError == null) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new IOException("stream " + current + " did not start its feed within "
                            + timeout.toMillis() + " ms");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(connectionState, remaining);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while connecting to " + current, e);
                }
            }
            if (!connectedOnce) {
                IOException error = lastError;
                throw error != null ? error : new IOException("stream " + current + " is lost");
            }
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Whether the stream is gone for good: not recoverable, or closed. */
    boolean isLost() {
        return lost;
    }

    boolean isConnected() {
        return connected;
    }

    /** Why the last connection ended, or null. */
    IOException lastError() {
        return lastError;
    }

    int reconnects() {
        synchronized (connectionState) {
            return reconnects;
        }
    }

    List<StreamInlet.Gap> gaps() {
        return List.copyOf(gaps);
    }

    void onGap(Consumer<StreamInlet.Gap> listener) {
        gapListeners.add(listener);
    }

    String recoveryQuery() {
        return recovery.query();
    }

    void close() {
        closed = true;
        lost = true;
        ring.close();
        Sockets.closeQuietly(feedSocket);
        receiver.interrupt();
        notifyState();
    }

    // ---- receiving ----

    private void receiveLoop() {
        while (!closed) {
            try {
                streamFrom(current);
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    break;
                }
                IOException error = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                setDisconnected(error);
                if (!connectedOnce) {
                    // the first connection failed: open() reports it; no silent retries behind the caller's back
                    markLost();
                    return;
                }
                LOG.warn("stream '{}' interrupted: {}", info.name(), e.getMessage());
                if (!options.recover() || info.sourceId().isEmpty()) {
                    markLost();
                    LOG.warn("stream '{}' is lost{}", info.name(),
                            info.sourceId().isEmpty() ? " (it has no source id, so it cannot be recovered)" : "");
                    return;
                }
                pendingGapReason = error.getMessage();
                pendingGapOldUid = current.info().uid();
                pendingGapBefore = lastRawTimestamp;
                recover();
            }
        }
    }

    /** One feed connection, from request to the end of the stream (§6.3, §8). */
    private void streamFrom(ResolvedStream stream) throws IOException {
        try (Socket socket = new Socket()) {
            feedSocket = socket;
            if (closed) {
                return;
            }
            socket.connect(new InetSocketAddress(Sockets.address(stream.host()), stream.dataPort()),
                    CONNECT_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(CONNECT_TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            out.write(InletHandshake.request(stream, info, config, options.maxBufferSeconds())
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            WireReader reader = new WireReader(in, 1 << 16);
            boolean suppressSubnormals = InletHandshake.readResponse(reader, stream);
            SampleDecoder decoder = new SampleDecoder(reader, info.format(), info.channelCount(), info.nominalRateHz());
            decoder.suppressSubnormals(suppressSubnormals);
            InletHandshake.checkTestPatterns(decoder, info, stream);
            decoder.resetTimestamps();
            socket.setSoTimeout(watchdogMillis());
            reader.onIdle(this::watchdog);
            setConnected();
            double[] timestamps = ring.timestampStorage();
            Object values = ring.valueStorage();
            int channels = info.channelCount();
            // a numeric sample is at most this long; strings have no bound, so each is published at once
            int fullSample = info.format().isNumeric() ? 9 + channels * info.format().bytesPerValue() : Integer.MAX_VALUE;
            while (!closed) {
                int slot = ring.reserve();
                decoder.read(timestamps, slot, values, slot * channels);
                lastReceivedAt = LocalClock.now();
                double raw = timestamps[slot];
                if (pendingGapReason != null) {
                    recordGap(raw);
                }
                lastRawTimestamp = raw;
                timestamps[slot] = processor.process(raw, timeProbes.correctionOrZero());
                ring.written();
                if (reader.buffered() < fullSample) {
                    ring.commit(); // the next sample is not all here yet: let readers have what arrived
                }
            }
        } finally {
            feedSocket = null;
        }
    }

    /** A regular stream silent for WatchdogTimeThreshold is broken; a silent irregular one may just have no events. */
    private void watchdog() throws IOException {
        if (closed) {
            throw new IOException("inlet closed");
        }
        double silentFor = LocalClock.now() - lastReceivedAt;
        if (!info.isIrregular() && silentFor >= config.tuning().watchdogThresholdSec()) {
            throw new IOException("no data for " + Math.round(silentFor) + " s from a " + info.nominalRateHz()
                    + " Hz stream");
        }
        if (info.isIrregular() && !recovery.stillAnswers(current)) {
            throw new IOException("the outlet no longer answers discovery");
        }
    }

    private int watchdogMillis() {
        return (int) Math.max(100, config.tuning().watchdogThresholdSec() * 1000);
    }

    // ---- recovery (§10) ----

    private void recover() {
        ResolvedStream found = recovery.findAgain(current, () -> closed);
        if (found != null) {
            boolean replaced = !found.info().uid().equals(current.info().uid());
            current = found;
            timeProbes.target(found);
            if (replaced) {
                processor.reset(); // another outlet: its clock and sample grid are new
            }
        }
        synchronized (connectionState) {
            reconnects++;
        }
    }

    private void recordGap(double firstAfter) {
        StreamInlet.Gap gap = new StreamInlet.Gap(pendingGapBefore, firstAfter, pendingGapOldUid,
                current.info().uid(), pendingGapReason);
        pendingGapBefore = Double.NaN;
        pendingGapReason = null;
        gaps.add(gap);
        LOG.warn("stream '{}' resumed after a gap of {} s ({})", info.name(),
                String.format(java.util.Locale.ROOT, "%.3f", gap.seconds()), gap.reason());
        for (Consumer<StreamInlet.Gap> listener : gapListeners) {
            listener.accept(gap);
        }
    }

    // ---- state ----

    private void setConnected() {
        synchronized (connectionState) {
            connected = true;
            connectedOnce = true;
            lastError = null;
            lastReceivedAt = LocalClock.now();
            connectionState.notifyAll();
        }
    }

    private void setDisconnected(IOException error) {
        synchronized (connectionState) {
            connected = false;
            lastError = error;
            connectionState.notifyAll();
        }
    }

    /** Gone for good: the puller gets what is left, then an error; the time probes stop. */
    private void markLost() {
        lost = true;
        ring.close();
        timeProbes.stop();
        notifyState();
    }

    private void notifyState() {
        synchronized (connectionState) {
            connectionState.notifyAll();
        }
    }
}
